"""Publication-date candidates: whole lines (or byline parts) that are a date and nothing else.

dateparser only ever sees a string these patterns already accepted as a date: over free
text it turns "69% of" into 1969 and the verb "may" into May (notes/dependencies.md).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|rsday|urday)?\.?,?\s+"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:{_WEEKDAY})?(?:{_MONTH}\s+{_DAY},?\s+\d{{4}}"  # Apr 15, 2023
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"  # 15 April 2023
    r"|\d{4}-\d{2}-\d{2})"  # 2023-04-15
)
_TIME = (
    r"(?:(?:\s*[-–—|,@/•·]\s*|\s+)(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?"
    r"(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:[A-Z]{2,4}|[+-]\d{2}:?\d{2}))?"
    r"|T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_PUBLISHED = r"Published|Posted|First published|Date|Released"
_UPDATED = r"Updated|Last updated|Modified|Last modified|Edited"

# "Published 3:45 PM EST, Mon March 4, 2024": some sites put the time first.
_LEAD_TIME = r"(?:\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?,?\s+)?"

DATE_LINE = re.compile(
    rf"(?:(?P<label>{_PUBLISHED}|{_UPDATED})(?:\s+on)?\s*:?\s*)?{_LEAD_TIME}"
    rf"(?P<date>{_DATE}){_TIME}\.?",
    re.IGNORECASE,
)
_UPDATED_LABEL = re.compile(rf"(?:{_UPDATED})\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateLine:
    iso: str  # YYYY-MM-DD
    evidence: str  # the line as written (label excluded)
    updated: bool  # labelled as an update time
    labelled: bool  # labelled at all ("Published:", "Updated on")


def parse_date_line(line: str) -> DateLine | None:
    """A DateLine when the whole (stripped) line is one date, with optional label and time."""
    match = DATE_LINE.fullmatch(line)
    if not match:
        return None
    iso = to_iso(match.group("date"))
    if iso is None:
        return None
    label = match.group("label")
    evidence = line[match.start("date") :].rstrip(".")
    return DateLine(
        iso=iso,
        evidence=evidence,
        updated=bool(label and _UPDATED_LABEL.match(label)),
        labelled=bool(label),
    )


def find_date(text: str) -> tuple[str, str] | None:
    """The first date inside a short string (a byline part): (iso, evidence)."""
    match = re.search(_DATE, text, re.IGNORECASE)
    if not match:
        return None
    iso = to_iso(match.group(0))
    return (iso, match.group(0)) if iso else None


@functools.lru_cache(maxsize=4096)
def to_iso(date_text: str) -> str | None:
    import dateparser

    parsed = dateparser.parse(
        " ".join(date_text.split()),
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date().isoformat() if parsed else None
