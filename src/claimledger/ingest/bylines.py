"""Bylines ("By: Jane Roe", "ByNews Desk- Outlet", "Jane Roe - Outlet", "Jane Roe, Senior
Fellow"), credit lines ("Reporting by Jane Roe; Editing by Al Poe") and dateline prefixes
("Outlet- Text")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .chrome import normalise
from .dates import find_date

MAX_BYLINE_WORDS = 15
MAX_NAME_WORDS = 8
MAX_OUTLET_WORDS = 5

# "By" then a colon, spaces, or a capital glued to it when a page lost its markup ("ByNews");
# or a label: "Author: Jane Roe", "Written by Jane Roe".
_BYLINE = re.compile(
    r"(?:By(?::\s*|\s+|(?=[A-Z]))|(?:Authors?|Written by|Words by|Text by)(?::\s*|\s+))"
    r"(?P<rest>\S.*)"
)
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
    r"\b(?:correspondent|reporter|editor|writer|contributor|analyst|columnist|journalist"
    r"|fellow|researcher|professor|lecturer|director|scholar|economist|historian)s?\b",
    re.IGNORECASE,
)
# "Jane Roe, Senior Fellow" / "Jane Roe | Staff Writer": a name then its role, no "By".
MAX_ROLE_WORDS = 6
_NAME_ROLE = re.compile(r"(?P<name>[^,|]{3,60}?)\s*(?:,|\s[|–—-])\s*(?P<role>[^,|]{3,60})")
# Words before "staff" that are no outlet: "By Our Staff", "By The Staff".
_NOT_OUTLETS = frozenset({"our", "the", "our own", "news", "web", "sports", "special"})
# "(Video) - Text" labels the item; "(Reuters) - Text" names the agency.
_NOT_AGENCIES = frozenset(
    {"updated", "update", "video", "photos", "watch", "listen", "live", "opinion", "analysis"}
    | {"editorial", "exclusive", "breaking", "sponsored", "correction", "corrected", "audio"}
)
# "Name - Outlet" without "By": only when the outlet is one the page names elsewhere.
_NAME_OUTLET = re.compile(r"(?P<name>.{3,60}?)(?:\s+[-–—|]\s*|(?<=\S)[-–—]\s+)(?P<outlet>.{2,60})")
# Wire-style credits: "Reporting by Jane Roe in Lisbon; additional reporting by Al Poe;
# Editing by Kim Lee". Each part is a role then "by" and names.
_CREDIT_PART = re.compile(
    r"(?:additional\s+)?(?:reporting|writing|editing|compiled|research|graphics|photos?"
    r"|production|fact-checking)(?:\s+and\s+\w+)?\s+by\s+(?P<names>.+)",
    re.IGNORECASE,
)
_CREDIT_PLACE = re.compile(r"\s+in\s+[A-Z][\w .'’-]*$")
_CREDIT_JOIN = re.compile(r"\s*,\s*|\s+and\s+|\s*&\s*")
_NAME_WORD = re.compile(r"(?:[A-Z]|\w+['’-][A-Z])[\w.'’-]*")

# "Outlet- Sentence" (the dash glued to the name), "CITY (Agency) - Sentence",
# "CITY, Jan. 12 (Agency) - Sentence". A spaced dash after a bare name ("Geneva - ",
# "WASHINGTON — ") is a place dateline: it names no outlet and stays article text.
_DATELINE = re.compile(
    r"(?P<prefix>(?P<name>[A-Z][\w'’.&]*(?:\s+[A-Z][\w'’.&]*){0,3})"
    r"(?:(?P<glued>[-–—]+)|(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*\((?P<paren>[^()]{2,40})\)\s*[-–—]+)"
    # "(Agency) - Text" with no place before it
    r"|\((?P<bare>[A-Z][^()]{1,39})\)\s*[-–—]+)\s+(?=[A-Z“\"‘'])"
)
# "By Valley Courier Staff", "Valley Courier staff": a desk byline naming its outlet.
_OUTLET_DESK = re.compile(
    r"(?P<outlet>[A-Z].{1,50}?)\s+(?:staff(?:\s+(?:writers?|reporters?))?|news\s+desk|desk"
    r"|newsroom|editors|editorial\s+board)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Byline:
    author: str | None
    outlet: str | None
    date: tuple[str, str] | None  # (iso, evidence)


@dataclass(frozen=True, slots=True)
class Credits:
    author: str | None  # the first reporter named


@dataclass(frozen=True, slots=True)
class Dateline:
    length: int  # characters of the prefix, dash included
    outlet: str | None


def parse_byline(
    line: str, not_authors: frozenset[str], is_outlet_name: Callable[[str], bool] | None = None
) -> Byline | None:
    """A Byline when the whole line is one, else None. `is_outlet_name` tells an outlet
    after the name ("By Jane Roe, The Valley Post") from a place ("By Jane Roe, Porto")."""
    match = _BYLINE.fullmatch(line)
    if not match or len(line.split()) > MAX_BYLINE_WORDS:
        return None
    parts = [p.strip() for p in _SEPARATOR.split(match.group("rest")) if p.strip()]
    if not parts:
        return None
    name = parts[0].rstrip(",;")
    # "By Jane Roe, March 4, 2024": the date joined to the name by a comma
    date = find_date(name)
    if date is not None:
        name = name[: name.index(date[1])].rstrip(" ,;")
    # "By Jane Roe, Staff Writer": the role after a comma is no part of the name
    head, _, role = name.partition(",")
    named_outlet = None
    if role and _is_role(role.strip()):
        name = head.strip()
    elif role and is_outlet_name and _is_outlet(role.strip()) and is_outlet_name(role.strip()):
        name, named_outlet = head.strip(), role.strip()
    desk_outlet = _desk_outlet(name)  # "By Valley Courier Staff"
    outlet = desk_outlet or named_outlet
    desk = normalise(name) in not_authors or desk_outlet is not None
    if not desk and not _is_name(name):
        return None
    for part in parts[1:]:
        found = find_date(part)
        if found:
            date = date or found
        elif outlet is None and _is_outlet(part):
            outlet = part
    return Byline(author=None if desk else name, outlet=outlet, date=date)


def parse_bare_byline(
    line: str, not_authors: frozenset[str], outlets: frozenset[str]
) -> Byline | None:
    """A byline without "By": a desk or role alone ("Staff Reporter"), "Name, Role", or
    "Name - Outlet" where `outlets` (normalised names the page gives elsewhere) holds Outlet."""
    if len(line.split()) > MAX_BYLINE_WORDS:
        return None
    if normalise(line) in not_authors:
        return Byline(author=None, outlet=None, date=None)
    outlet = _desk_outlet(line)
    if outlet:
        return Byline(author=None, outlet=outlet, date=None)
    match = _NAME_ROLE.fullmatch(line)
    if match and _is_name(match.group("name")) and _is_role(match.group("role")):
        return Byline(author=match.group("name").strip(), outlet=None, date=None)
    match = _NAME_OUTLET.fullmatch(line)
    if match and normalise(match.group("outlet")) in outlets and _is_name(match.group("name")):
        return Byline(author=match.group("name").strip(), outlet=match.group("outlet"), date=None)
    return None


def parse_credits(line: str) -> Credits | None:
    """Credits when the whole line is "Role by Names" parts joined by ";"."""
    parts = [p.strip() for p in line.rstrip(".").split(";") if p.strip()]
    if not parts:
        return None
    author = None
    for part in parts:
        match = _CREDIT_PART.fullmatch(part)
        names = _credit_names(match.group("names")) if match else None
        if not names:
            return None
        if author is None and part.lower().startswith(("reporting", "writing")):
            author = names[0]
    return Credits(author=author)


def _credit_names(text: str) -> list[str] | None:
    """The people in "Jane Roe and Al Poe in Lisbon", or None when a part is not a name."""
    text = _CREDIT_PLACE.sub("", text.strip())
    names = [n.strip() for n in _CREDIT_JOIN.split(text) if n.strip()]
    return names if names and all(_is_name(n) for n in names) else None


def _desk_outlet(text: str) -> str | None:
    """The outlet of a desk byline ("Valley Courier Staff"), or None."""
    match = _OUTLET_DESK.fullmatch(text.strip())
    if not match:
        return None
    outlet = match.group("outlet").strip()
    words = outlet.split()
    if normalise(outlet) in _NOT_OUTLETS or not _is_outlet(outlet):
        return None
    # an outlet's name is capitalised: "Climate change staff" names none
    small = _PARTICLES | {"of", "the", "for", "on", "in"}
    return outlet if all(w[0].isupper() or w.lower() in small for w in words) else None


def _is_role(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= MAX_ROLE_WORDS and bool(_ROLE.search(text)) and text[0].isupper()


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
    if match.group("bare") and normalise(match.group("bare")) in _NOT_AGENCIES:
        return None
    outlet = (match.group("paren") or match.group("bare") or match.group("name")).strip()
    return Dateline(length=len(match.group("prefix")), outlet=outlet)
