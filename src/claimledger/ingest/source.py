"""What a saved page says about where it came from: its address and the dates around it.

A page saved as text by a reader or a scraper often opens with its address and a date
stamp before the page text:

    URL: https://news.example.com/world/2024/03/05/rain-returns   <- the document's URL
     date 2024-03-05 Headline or first sentence ...                <- the save's date field

Both are metadata, never the title or article text. The URL also dates many pages
("/2024/03/05/", "/20240305/", "/2024/mar/05/"), the weakest evidence of a date: the page's
own date lines win over it (meta.py), and it only ever names a day or a month that exists.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# "URL: https://…", "Source: https://…", or a bare address alone on the first line.
_SOURCE_LINE = re.compile(
    r"(?:(?i:url|source|link|address|original(?:ly)? at)\s*:\s*)?(?P<url>https?://[^\s<>\"]+)"
)
# " date 2024-03-05" opening a line (a scraper's date field), perhaps with the URL again.
_DATE_FIELD = re.compile(r"date\s*:?\s+(?P<iso>\d{4}-\d{2}-\d{2})(?:\s+https?://\S+)?(?=\s|$)")
_MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul",
                                       "aug", "sep", "oct", "nov", "dec"], start=1)}  # fmt: skip
_Y = r"(?P<y>(?:19|20)\d{2})"
_M = r"(?P<m>0?[1-9]|1[0-2])"
_D = r"(?P<d>0?[1-9]|[12]\d|3[01])"
# Date forms in URL paths, most specific first; each is bounded by "/" (or "-", "_", ".")
# so that long numeric ids ("/20200302172010144747.html") never read as a date.
_URL_DATES = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"/{_Y}[/-]{_M}[/-]{_D}(?=[/_.-]|$)",  # /2024/03/05/, /2024-03-05/
        rf"/{_Y}/(?P<mon>[a-z]{{3}})/{_D}(?=/)",  # /2024/mar/05/
        rf"/{_Y}(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?=[/_-])",  # /20240305/
        rf"/{_Y}(?P<m>0[1-9]|1[0-2])/{_D}(?=/)",  # /202403/05/
        rf"/{_Y}/{_M}(?=/)",  # /2024/03/ : the month only
    )
)


@dataclass(frozen=True, slots=True)
class DateField:
    iso: str
    start: int  # offsets of the field in the line
    end: int


def source_url(text: str) -> str | None:
    """The address a saved page opens with, or None."""
    first = text.lstrip("\ufeff \t\r\n").split("\n", 1)[0].strip()
    match = _SOURCE_LINE.fullmatch(first)
    return match.group("url") if match else None


def is_source_line(line: str, url: str | None) -> bool:
    match = _SOURCE_LINE.fullmatch(line)
    return bool(url and match and match.group("url") == url)


def date_field(line: str) -> DateField | None:
    """A " date YYYY-MM-DD" field opening a line, when it names a real day."""
    match = _DATE_FIELD.match(line)
    if not match or not _valid(match.group("iso")):
        return None
    return DateField(iso=match.group("iso"), start=0, end=match.end())


def url_date(url: str | None, today: dt.date | None = None) -> tuple[str, str] | None:
    """(YYYY-MM-DD or YYYY-MM, the part of the URL saying so) from a URL's path."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.IGNORECASE).split("?", 1)[0]
    latest = (today or dt.date.today()) + dt.timedelta(days=1)
    for pattern in _URL_DATES:
        match = pattern.search(path)
        if not match:
            continue
        parts = match.groupdict()
        month = _MONTHS.get((parts.get("mon") or "").lower()[:3]) or int(parts.get("m") or 0)
        if not month:
            continue
        year = int(parts["y"])
        iso = f"{year:04d}-{month:02d}"
        if parts.get("d"):
            iso += f"-{int(parts['d']):02d}"
        # A path that looks dated but names no real day ("/2021/02/30/") dates nothing.
        if not _valid(iso) or iso > latest.isoformat():
            return None
        return iso, match.group(0).strip("/")
    return None


def _valid(iso: str) -> bool:
    try:
        if len(iso) == 7:
            dt.date.fromisoformat(iso + "-01")
        else:
            dt.date.fromisoformat(iso)
    except ValueError:
        return False
    return True
