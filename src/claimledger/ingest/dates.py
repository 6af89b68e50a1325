"""Publication-date candidates: whole lines (or byline parts) that are a date and nothing else.

dateparser only ever sees a string these patterns already accepted as a date: over free
text it turns "69% of" into 1969 and the verb "may" into May (notes/dependencies.md).

All-numeric dates are read here, not by dateparser, because "04/09/2023" is April or
September depending on the site's convention. A reading is only given when the date itself
settles it (a part above 12, the dotted European "27.07.2023", a year first), or when the
caller passes the order the document signals elsewhere (`order`), or when the line's own
weekday or time zone settles it. Otherwise the line is a date of unknown order: no date is
better than a wrong one.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from dataclasses import dataclass
from typing import Literal

Order = Literal["dmy", "mdy"]

_WEEKDAYS = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|rsday|urday)?"
_WEEKDAY = rf"(?P<weekday>{_WEEKDAYS})\.?,?\s+"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# Day, month and year as numbers: "27.07.2023", "04/09/2023", "2023/09/04".
_NUMERIC = r"\d{1,2}(?P<sep>[./-])\d{1,2}(?P=sep)\d{4}|\d{4}/\d{1,2}/\d{1,2}"
_WORDED = (
    rf"{_MONTH}\s+{_DAY}(?:,\s*|\s+)\d{{4}}"  # Apr 15, 2023 (and "Apr 15,2023")
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"  # 15 April 2023
    rf"|\d{{1,2}}-{_MONTH}-\d{{4}}"  # 15-Apr-2023
    r"|\d{4}-\d{2}-\d{2}"  # 2023-04-15
)
_DATE_BODY = rf"(?:{_WORDED}|{_NUMERIC})"
# A time zone after the time: "GMT", "GMT+3", "(UTC+3)", "+03:00", "Moscow time".
_ZONE = (
    r"(?P<zone>\(?(?:[A-Z]{1,5}\s?[+\-−]\s?\d{1,2}(?::?\d{2})?|[A-Z]{2,5}"
    r"|[+\-−]\d{2}:?\d{2})\)?"
    r"|(?:[A-Z][a-z]+|local)\s+time)"
)
_TIME = (
    r"(?:(?:\s*[-–—|,@/•·]\s*|\s+)(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?"
    rf"(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*{_ZONE})?"
    r"|T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_PUBLISHED = r"Published|Posted|First published|Date|Released"
_UPDATED = r"Updated|Last updated|Modified|Last modified|Edited"

# "Published 3:45 PM EST, Mon March 4, 2024": some sites put the time first.
_LEAD_TIME = r"(?:\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?,?\s+)?"
# "Outlet Name, July 19, 2023": a short name before the date (an outlet or a place). Never a
# weekday, which belongs to the date, nor "By Jane Roe" (a byline) or a label.
_LEAD_NAME = (
    rf"(?:(?!(?:{_WEEKDAYS}|By|{_PUBLISHED}|{_UPDATED})\b)"
    r"(?P<lead>(?-i:[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3})),\s+)?"
)
# "Posted on December 1st, 2023 by Jane Roe": the author after the date.
_BY_NAME = r"(?-i:[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|al|and|&)){0,5})"
_BY_TAIL = rf"(?:\s+by\s+(?P<author>{_BY_NAME}))?"

DATE_LINE = re.compile(
    rf"{_LEAD_NAME}(?:(?P<label>{_PUBLISHED}|{_UPDATED})(?:\s+on)?\s*:?\s*)?{_LEAD_TIME}"
    rf"(?P<date>(?:{_WEEKDAY})?{_DATE_BODY}){_TIME}(?P<end>){_BY_TAIL}\.?",
    re.IGNORECASE,
)
_DATE_IN_TEXT = re.compile(rf"(?:{_WEEKDAY})?{_DATE_BODY}", re.IGNORECASE)
_UPDATED_LABEL = re.compile(rf"(?:{_UPDATED})\b", re.IGNORECASE)
_NUMERIC_PARTS = re.compile(r"(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})")
# Numeric dates anywhere in a text, to learn the site's order from an unambiguous one.
_NUMERIC_ANYWHERE = re.compile(r"(?<![\d./-])(\d{1,2})([/-])(\d{1,2})\2((?:19|20)\d{2})(?![\d/-])")

# UTC offsets whose countries all write the day first (Europe, Africa, the Middle East,
# Russia, South Asia); month-first writing is American (and Philippine, at +8), so an
# offset outside this range settles nothing.
DAY_FIRST_OFFSETS = range(-1, 8)
DAY_FIRST_ZONES = frozenset(
    {"GMT", "BST", "WET", "WEST", "CET", "CEST", "EET", "EEST", "MSK", "TRT", "EAT", "WAT"}
    | {"CAT", "SAST", "IST", "PKT", "GST", "AZT"}
)
MONTH_FIRST_ZONES = frozenset(
    {"EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "PT", "CT", "MT", "HST"}
)
_OFFSET = re.compile(r"(?:UTC|GMT)?\s?([+\-−])\s?(\d{1,2})")
_WEEKDAY_INDEX = {d: i for i, d in enumerate(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])}


@dataclass(frozen=True, slots=True)
class DateLine:
    iso: str | None  # YYYY-MM-DD; None for a numeric date whose day/month order is unknown
    evidence: str  # the date (and time) as written, label and trailing byline excluded
    updated: bool  # labelled as an update time
    labelled: bool  # labelled at all ("Published:", "Updated on")
    author: str | None = None  # "Posted on 1 May 2024 by Jane Roe"
    lead: str | None = None  # the name before the date: "Outlet, July 19, 2023"


def parse_date_line(line: str, order: Order | None = None) -> DateLine | None:
    """A DateLine when the whole (stripped) line is one date, with optional label and time.

    A numeric date whose order neither the line nor `order` settles comes back with
    `iso=None`: the line is still a date line (never a headline), it just names no date."""
    match = DATE_LINE.fullmatch(line)
    if not match:
        return None
    date_text = match.group("date")
    order = _zone_order(match.group("zone")) or order
    iso = _numeric_iso(date_text, order) if _NUMERIC_PARTS.search(date_text) else to_iso(date_text)
    if iso is None and not _NUMERIC_PARTS.search(date_text):
        return None
    label = match.group("label")
    author = match.group("author")
    return DateLine(
        iso=iso,
        evidence=line[match.start("date") : match.start("end")].rstrip("."),
        updated=bool(label and _UPDATED_LABEL.match(label)),
        labelled=bool(label),
        author=author.strip() if author else None,
        lead=match.group("lead"),
    )


# "Published: <date> Updated: <date>" on one line, perhaps after a short byline or a wire
# name ("By Agency Published: ..."): each label starts a stamp of its own.
_STAMP_LABEL = re.compile(rf"(?<![\w-])(?:{_PUBLISHED}|{_UPDATED})\b", re.IGNORECASE)
MAX_STAMP_PREFIX_WORDS = 6


def parse_stamp_line(line: str, order: Order | None = None) -> tuple[DateLine, str] | None:
    """(the publication stamp, the text before the first label) of a line made of labelled
    stamps, or None. Each stamp must parse as a date line; an "Updated" stamp alone names
    no publication, so a line without a publication stamp gives None."""
    labels = list(_STAMP_LABEL.finditer(line))
    if not labels:
        return None
    prefix = line[: labels[0].start()].strip()
    if len(prefix.split()) > MAX_STAMP_PREFIX_WORDS or (len(labels) < 2 and not prefix):
        return None
    bounds = [m.start() for m in labels] + [len(line)]
    parts = (line[a:b].strip(" |,;·•") for a, b in itertools.pairwise(bounds))
    stamps = [parse_date_line(part, order) for part in parts]
    if any(s is None for s in stamps):
        return None
    published = [s for s in stamps if s is not None and not s.updated and s.iso]
    return (published[0], prefix) if published else None


def find_date(text: str, order: Order | None = None) -> tuple[str, str] | None:
    """The first date inside a short string (a byline part): (iso, evidence)."""
    match = _DATE_IN_TEXT.search(text)
    if not match:
        return None
    date_text = match.group(0)
    numeric = _NUMERIC_PARTS.search(date_text)
    iso = _numeric_iso(date_text, order) if numeric else to_iso(date_text)
    return (iso, date_text) if iso else None


# "CITY (Agency - 5 March 2024) - Text": a dateline whose parenthesis dates the article.
_DATED_DATELINE = re.compile(r"[A-Z][^()\n]{0,40}\((?P<inner>[^()]{4,80})\)")


def dated_dateline(line: str, order: Order | None = None) -> tuple[str, str] | None:
    """(iso, evidence) of a dated dateline opening a line, when its date has a year."""
    match = _DATED_DATELINE.match(line)
    if not match:
        return None
    return find_date(match.group("inner"), order)


def numeric_order(text: str) -> Order | None:
    """The day/month order a text's own numeric dates settle: one of them with a day above
    12 ("18/07/2023") fixes the order of the ambiguous ones; disagreeing dates settle none."""
    found: set[Order] = set()
    for match in _NUMERIC_ANYWHERE.finditer(text):
        first, second = int(match.group(1)), int(match.group(3))
        if first > 12 and 1 <= second <= 12:
            found.add("dmy")
        elif second > 12 and 1 <= first <= 12:
            found.add("mdy")
    return found.pop() if len(found) == 1 else None


def readings(date_text: str) -> tuple[str, ...]:
    """Every valid ISO reading of a numeric date ("04/09/2023" has two)."""
    return tuple(
        iso for iso in {_numeric_iso(date_text, "dmy"), _numeric_iso(date_text, "mdy")} if iso
    )


def _numeric_iso(date_text: str, order: Order | None) -> str | None:
    match = _NUMERIC_PARTS.search(date_text)
    if not match:
        return None
    a, b, c = match.groups()
    if len(a) == 4:  # year first is always year-month-day
        return _iso(int(a), int(b), int(c))
    first, second, year = int(a), int(b), int(c)
    if "." in match.group(0):  # dotted dates are written day first
        order = "dmy"
    if first > 12 or second > 12:
        order = "dmy" if first > 12 else "mdy"
    elif first == second:
        order = order or "dmy"  # both readings are the same day
    if order is None:
        order = _weekday_order(date_text, first, second, year)
    if order is None:
        return None
    day, month = (first, second) if order == "dmy" else (second, first)
    return _iso(year, month, day)


def _weekday_order(date_text: str, first: int, second: int, year: int) -> Order | None:
    """The order under which a weekday written beside the date is right, if only one fits."""
    weekday = re.match(_WEEKDAYS, date_text.strip(), re.IGNORECASE)
    if not weekday:
        return None
    wanted = _WEEKDAY_INDEX[weekday.group(0)[:3].lower()]
    fits = [
        order
        for order, (day, month) in (("dmy", (first, second)), ("mdy", (second, first)))
        if (iso := _iso(year, month, day)) and dt.date.fromisoformat(iso).weekday() == wanted
    ]
    return fits[0] if len(fits) == 1 else None


def _zone_order(zone: str | None) -> Order | None:
    """The order a time zone signals: day first for Europe to South Asia, month first for
    the United States' zones."""
    if not zone:
        return None
    name = zone.strip("()").strip()
    offset = _OFFSET.search(name)
    if offset:
        hours = int(offset.group(2)) * (-1 if offset.group(1) in "-−" else 1)
        return "dmy" if hours in DAY_FIRST_OFFSETS else None
    if name.upper() in DAY_FIRST_ZONES:
        return "dmy"
    if name.upper() in MONTH_FIRST_ZONES:
        return "mdy"
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def to_iso(date_text: str) -> str | None:
    if _NUMERIC_PARTS.fullmatch(date_text.strip()):
        return _numeric_iso(date_text, None)
    import dateparser

    parsed = dateparser.parse(
        " ".join(date_text.split()),
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date().isoformat() if parsed else None
