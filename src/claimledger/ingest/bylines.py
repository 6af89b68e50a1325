"""Bylines ("By: Jane Roe", "ByNews Desk- Outlet") and dateline prefixes ("Outlet- Text")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .chrome import normalise
from .dates import find_date

MAX_BYLINE_WORDS = 15
MAX_NAME_WORDS = 8
MAX_OUTLET_WORDS = 5

# "By" then a colon, spaces, or a capital glued to it when a page lost its markup ("ByNews").
_BYLINE = re.compile(r"By(?::\s*|\s+|(?=[A-Z]))(?P<rest>\S.*)")
# Parts of a byline: "Name - Outlet", "Name | Date", "Name- Outlet" (a dash followed by a
# space, so hyphenated names like "Zaïm-Bashi" stay whole).
_SEPARATOR = re.compile(r"\s*[|•·]\s*|\s+[-–—]+\s*|(?<=\S)[-–—]+\s+")
_PARTICLES = frozenset(
    {
        "and",
        "&",
        "de",
        "del",
        "der",
        "van",
        "von",
        "al",
        "al-",
        "el",
        "bin",
        "ibn",
        "da",
        "di",
        "la",
        "le",
        "du",
    }
)
_ROLE = re.compile(
    r"\b(?:correspondent|reporter|editor|writer|contributor|analyst|columnist|journalist)s?\b",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"(?:[A-Z]|\w+['’-][A-Z])[\w.'’-]*")

# "Outlet- Sentence" (the dash glued to the name), "CITY (Agency) - Sentence",
# "CITY, Jan. 12 (Agency) - Sentence". A spaced dash after a bare name ("Geneva - ",
# "WASHINGTON — ") is a place dateline: it names no outlet and stays article text.
_DATELINE = re.compile(
    r"(?P<prefix>(?P<name>[A-Z][\w'’.&]*(?:\s+[A-Z][\w'’.&]*){0,3})"
    r"(?:(?P<glued>[-–—]+)|(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*\((?P<paren>[^()]{2,40})\)\s*[-–—]+))\s+(?=[A-Z“\"‘'])"
)


@dataclass(frozen=True, slots=True)
class Byline:
    author: str | None
    outlet: str | None
    date: tuple[str, str] | None  # (iso, evidence)


@dataclass(frozen=True, slots=True)
class Dateline:
    length: int  # characters of the prefix, dash included
    outlet: str | None


def parse_byline(line: str, not_authors: frozenset[str]) -> Byline | None:
    """A Byline when the whole line is one, else None."""
    match = _BYLINE.fullmatch(line)
    if not match or len(line.split()) > MAX_BYLINE_WORDS:
        return None
    parts = [p.strip() for p in _SEPARATOR.split(match.group("rest")) if p.strip()]
    if not parts:
        return None
    name = parts[0].rstrip(",;")
    desk = normalise(name) in not_authors
    if not desk and not _is_name(name):
        return None
    outlet = date = None
    for part in parts[1:]:
        found = find_date(part)
        if found:
            date = date or found
        elif outlet is None and _is_outlet(part):
            outlet = part
    return Byline(author=None if desk else name, outlet=outlet, date=date)


def _is_name(text: str) -> bool:
    words = text.replace(",", " ").split()
    if not words or len(words) > MAX_NAME_WORDS or any(ch.isdigit() for ch in text):
        return False
    if _ROLE.search(text):
        return False
    return all(w.lower() in _PARTICLES or _NAME_WORD.fullmatch(w) for w in words)


def _is_outlet(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= MAX_OUTLET_WORDS
        and text[0].isupper()
        and not any(ch.isdigit() for ch in text)
        and not _ROLE.search(text)
    )


def parse_dateline(line: str) -> Dateline | None:
    """The dateline prefix that opens a first paragraph when it names the outlet."""
    match = _DATELINE.match(line)
    if not match:
        return None
    outlet = (match.group("paren") or match.group("name")).strip()
    return Dateline(length=len(match.group("prefix")), outlet=outlet)
