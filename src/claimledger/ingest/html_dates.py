"""An HTML page's publication date: htmldate's answer, unless the page's own statements
contradict it, by a documented precedence.

htmldate (which trafilatura runs) gives one date and no evidence. It takes the URL's date
before anything the page states, and its search through the page meets modification
dates, navigation bars and readers' comments. Its answer mostly agrees with the date the
page shows its reader, which is the date readers (and the gold) go by, so it stands when
the page supports it:

- the page states it: a publication statement (JSON-LD datePublished, a publication meta
  tag, itemprop="datePublished", a "Published:" line, the first <time> element), or
  its visible text writes that day ("6 November 2023", "06.11.2023").

It is replaced when nothing the page says or shows names its day (it came from the URL
alone, from a modification field nobody sees, from a comment) by, in order (except that
a URL date more than two days before the declared publication stands: the page is a
republished original, and its address kept the original's day):

1. the page's declared publication: a JSON-LD page item's datePublished (dateCreated
   when it has none), an itemprop="datePublished" element, a publication meta tag
   (article:published_time, pubdate, DC issued ...);
2. a visible labelled line: "Published: 6 March 2024", "Veröffentlicht am 06.03.2024";
3. when htmldate's answer is a modification date, the first <time> element's earlier
   day (an update is never before the publication);

and never by an "Updated" statement, a copyright year or a header's "today".

A moment written in UTC ("2024-03-05T23:10:00Z") names Greenwich's day. When the page
states the same moment with its own offset ("2024-03-06T00:10:00+01:00"), or shows a
publication statement on the neighbouring day the clock allows, the page's own day wins:
an article is dated by the day the site printed on it.

The chosen statement and the runners-up naming other days (the URL's date, htmldate's
answer, an "Updated" line) travel together as the date's evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .html_stamps import Stamp, Statements, collect
from .source import url_date

# Declared publication statements, strongest first.
DECLARED = ("jsonld", "itemprop", "meta")
# A UTC moment at or after this hour may show as the next day east of Greenwich (offsets up
# to +14 h); one before this hour may show as the previous day west of it (down to -12 h).
EAST_FROM_HOUR = 10
WEST_BEFORE_HOUR = 12
MAX_EVIDENCE = 3
# A story's address is often minted when work on it starts, a day or two before it is
# published; a URL date further before the declared publication dates an original that
# the page republishes.
MAX_URL_LEAD_DAYS = 2
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")


@dataclass(frozen=True, slots=True, kw_only=True)
class PageDate:
    iso: str | None
    evidence: str | None  # the chosen statement, then the runners-up that disagree


def page_date(html: str | bytes, fallback: str | None, url: str | None = None) -> PageDate:
    """The publication date of an HTML page; `fallback` is htmldate's answer (trafilatura's
    metadata date)."""
    root = _parse(html)
    if root is None:
        return _dated(fallback, _htmldate(fallback), (), None, url)
    return choose(collect(root), fallback, url)


def choose(page: Statements, fallback: str | None, url: str | None = None) -> PageDate:
    """The date by the module's precedence, with its evidence."""
    stamps = page.stamps
    published = [s for s in stamps if s.published]
    day = fallback[:10] if fallback else None
    if day is not None:
        local = _local_day(day, published)
        if local is not None:
            return _dated(local.iso, local.describe(), stamps, fallback, url)
        support = sorted((s for s in published if s.iso == day), key=_strength)
        if support:
            return _dated(fallback, support[0].describe(), stamps, None, url)
        if page.shows(day):
            return _dated(fallback, f"{_htmldate(fallback)} (shown on the page)", stamps, None, url)
        if _original_in_url(day, published, url):
            return _dated(fallback, f"URL {day}", stamps, None, url)
    declared = sorted(
        (s for s in published if s.kind in DECLARED), key=lambda s: DECLARED.index(s.kind)
    )
    labelled = [s for s in published if s.kind == "label"]
    if declared:
        pick = _local_day(declared[0].iso, published) or declared[0]
    elif labelled:
        pick = labelled[0]
    else:
        pick = _before_modification(stamps, day)
    if pick is not None:
        return _dated(pick.iso, pick.describe(), stamps, fallback, url)
    return _dated(fallback, _htmldate(fallback), stamps, None, url)


def _strength(stamp: Stamp) -> int:
    """Declared statements first (JSON-LD, itemprop, meta), then labels, then <time>."""
    order = (*DECLARED, "label", "time")
    return order.index(stamp.kind) if stamp.kind in order else len(order)


def _original_in_url(day: str, published: list[Stamp], url: str | None) -> bool:
    """Whether htmldate's answer is the URL's day and the page declares a publication more
    than MAX_URL_LEAD_DAYS later: a page republished or moved to a new system keeps its
    original address, so the address dates the original."""
    from_url = url_date(url)
    if from_url is None or from_url[0] != day:
        return False
    later = [
        s
        for s in published
        if (dt.date.fromisoformat(s.iso) - dt.date.fromisoformat(day)).days > MAX_URL_LEAD_DAYS
    ]
    return bool(later)


def _local_day(day: str, published: list[Stamp]) -> Stamp | None:
    """The page's own statement of a day that a UTC publication moment on `day` shows as
    elsewhere (see the module docstring), or None."""
    for pick in published:
        if pick.iso != day or not pick.utc or pick.moment is None:
            continue
        for other in published:
            if other.iso == day:
                continue
            if other.moment is not None:
                if other.moment == pick.moment and not other.utc:
                    return other
                continue
            shift = (dt.date.fromisoformat(other.iso) - dt.date.fromisoformat(day)).days
            hour = pick.moment.astimezone(dt.UTC).hour
            if (shift == 1 and hour >= EAST_FROM_HOUR) or (shift == -1 and hour < WEST_BEFORE_HOUR):
                return other
    return None


def _before_modification(stamps: tuple[Stamp, ...], day: str | None) -> Stamp | None:
    """The first <time> element's earlier day, when htmldate's answer is a modification
    date."""
    if day is None or day not in {s.iso for s in stamps if not s.published}:
        return None
    first_time = next((s for s in stamps if s.kind == "time" and s.published), None)
    if first_time is not None and first_time.iso < day:
        return first_time
    return None


def _htmldate(fallback: str | None) -> str | None:
    return f"htmldate {fallback}" if fallback else None


def _dated(
    iso: str | None,
    chosen: str | None,
    stamps: tuple[Stamp, ...],
    fallback: str | None,
    url: str | None,
) -> PageDate:
    """The date with its evidence: the chosen statement first, then up to MAX_EVIDENCE
    runners-up naming other days (the URL's date, htmldate's answer, other statements)."""
    if iso is None:
        return PageDate(iso=None, evidence=None)
    day = iso[:10]
    others: list[str] = []
    from_url = url_date(url)
    if from_url and from_url[0] != day[: len(from_url[0])]:
        others.append(f"URL {from_url[1]}")
    if fallback and fallback[:10] != day:
        others.append(f"htmldate {fallback[:10]}")
    seen = {day}
    for stamp in stamps:
        if stamp.iso not in seen:
            seen.add(stamp.iso)
            others.append(("" if stamp.published else "updated: ") + stamp.describe())
    evidence = chosen or iso
    if others:
        evidence += "; runners-up: " + "; ".join(others[:MAX_EVIDENCE])
    return PageDate(iso=iso, evidence=evidence)


def _parse(html: str | bytes):
    import lxml.html
    from lxml.etree import ParserError

    try:
        return lxml.html.fromstring(html)
    except ValueError:  # lxml refuses a str that still declares its encoding
        if isinstance(html, bytes):
            return None
        try:
            return lxml.html.fromstring(_XML_DECLARATION.sub("", html, count=1))
        except (ParserError, ValueError):
            return None
    except ParserError:
        return None
