"""Periods a figure covers: "between 2016 and 2020", "in 2020", "since March 2023",
"in the first quarter of 2022", "over the past seven years", "during that period".

Expressions are found with patterns over one sentence's text; which figure a period belongs
to is decided on the parse (see `choose_period`), so "X claimed in 2016 that ... $4.85
billion" does not date the purchase by the date of the claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..models import Period

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
MONTH_PATTERN = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(1[89]\d\d|20\d\d)"
_SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip
_COUNT = r"(\d{1,3}|" + "|".join(_SMALL) + r")"

Kind = Literal["range", "since", "single", "span", "carry"]

_PATTERNS: list[tuple[Kind, re.Pattern[str]]] = [
    (
        "range",
        re.compile(
            rf"\b(?:between|from)\s+(?:({MONTH_PATTERN})\s+)?{_YEAR}\s*(?:and|to|until|till|through|-|–)"
            rf"\s*(?:({MONTH_PATTERN})\s+)?{_YEAR}\b",
            re.I,
        ),
    ),
    ("range", re.compile(rf"(?<![\d-]){_YEAR}\s*[-–]\s*{_YEAR}\b")),
    (
        "since",
        re.compile(
            rf"\bsince\s+(?:(?:the|their|its|a|his|her)\s+(?:\w+\s+){{0,2}}?(?:in|of)\s+)?"
            rf"(?:the\s+(?:beginning|start|end|middle)\s+of\s+)?(?:(?:early|late|mid)"
            rf"[-\s]+)?(?:({MONTH_PATTERN})\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?{_YEAR}\b",
            re.I,
        ),
    ),
    (
        "single",
        re.compile(
            rf"\b(?:in|during|throughout|by|for|of|at)\s+(?:the\s+)?(?:(?:first|second|third|"
            rf"fourth|final|last)\s+(?:quarter|half)\s+of\s+|(?:autumn|fall|spring|summer|winter|"
            rf"beginning|start|end|middle|course|first\s+half|second\s+half)\s+of\s+|(?:early|late|"
            rf"mid)[-\s]+)?(?:({MONTH_PATTERN})\s+)?(?:\d{{1,2}},?\s+)?{_YEAR}\b(?!\s*[-–]\s*\d)",
            re.I,
        ),
    ),
    ("single", re.compile(rf"\bthe\s+{_YEAR}\s+(?=[A-Za-z])", re.I)),
    (
        "span",
        re.compile(
            rf"\b(?:(?:over|in|during|within)\s+the\s+(?:past|last|previous)|over)\s+{_COUNT}"
            rf"\s+years\b",
            re.I,
        ),
    ),
    (
        "carry",
        re.compile(
            r"\b(?:during|over|in|for|throughout|within)\s+(?:the\s+same|that|this|the|those)\s+"
            r"(?:same\s+)?(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)?"
            r"(?:period|time\s*frame|years)\b",
            re.I,
        ),
    ),
]


@dataclass(frozen=True, slots=True)
class PeriodCue:
    """A period expression found in a sentence."""

    start: int  # character span in the document
    end: int
    kind: Kind
    period: Period | None  # None for "carry" (resolved against an earlier period)
    years: int = 0  # for "span": how many years back from the reference year
    relative: bool = False  # read against the document's date ("last year", "in November")


def _month(name: str | None, year: str) -> str:
    if not name:
        return year
    return f"{year}-{MONTHS[name.lower().rstrip('.')]:02d}"


def find_cues(
    text: str, offset: int, ref_year: str | None, doc_date: str | None = None
) -> list[PeriodCue]:
    """Period expressions in `text` (one sentence starting at `offset`), in text order.

    `ref_year` ends open periods ("since 2016"): the document's own year, or the latest year
    the text mentions; never today's. `doc_date` (the document's own date, if known) places
    "last year", "in November", "on Tuesday".
    """
    cues: list[PeriodCue] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            cue = _cue(kind, m, ref_year)
            if cue is None:
                continue
            taken.append((m.start(), m.end()))
            cues.append(
                PeriodCue(
                    start=offset + m.start(),
                    end=offset + m.end(),
                    kind=kind,
                    period=cue[0],
                    years=cue[1],
                )
            )
    if doc_date:
        cues.extend(_relative_cues(text, offset, doc_date, taken))
    return sorted(cues, key=lambda c: c.start)


_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_RELATIVE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:last|previous|past)\s+year\b|\ba\s+year\s+(?:ago|earlier)\b", re.I), "-1"),
    (
        re.compile(
            rf"\b(?:(?:in|during)\s+the\s+(?:first|last|past)\s+\w+\s+(?:months|weeks|days)\s+"
            rf"of\s+)?(?:this|the\s+current)\s+(?:year|month|week)\b|\b(?:today|yesterday)\b|"
            rf"\bon\s+{_WEEKDAY}\b|\bthis\s+{_WEEKDAY}\b|\blast\s+(?:week|month)\b",
            re.I,
        ),
        "0",
    ),
    (
        re.compile(
            rf"\b(?:in|during|by)\s+(?:early\s+|late\s+|mid-?)?({MONTH_PATTERN})(?!\s*\d)", re.I
        ),
        "month",
    ),
    (
        re.compile(rf"\bsince\s+(?:early\s+|late\s+|mid-?)?({MONTH_PATTERN})(?!\s*\d)", re.I),
        "since",
    ),
    (
        re.compile(rf"\bon\s+\d{{1,2}}(?:st|nd|rd|th)?\s+({MONTH_PATTERN})(?!\s*,?\s*\d)", re.I),
        "month",
    ),
    (
        re.compile(rf"\bon\s+({MONTH_PATTERN})\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)", re.I),
        "month",
    ),
    (
        re.compile(
            rf"\b(?:(?:over|in|during|within)\s+the\s+(?:past|last|previous|first)|over)\s+"
            rf"{_COUNT}\s+months\b",
            re.I,
        ),
        "months",
    ),
]


def _relative_cues(
    text: str, offset: int, doc_date: str, taken: list[tuple[int, int]]
) -> list[PeriodCue]:
    """Periods named relative to the document's date: "last year", "this week", "on
    Tuesday", "in November", "since July", "over twelve months"."""
    year = int(doc_date[:4])
    month = int(doc_date[5:7]) if len(doc_date) >= 7 else 12
    out: list[PeriodCue] = []
    for pattern, how in _RELATIVE:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if how in ("-1", "0"):
                y = str(year + int(how))
                period = Period(start=y, end=y)
            elif how in ("month", "since"):
                mon = MONTHS[m.group(1).lower().rstrip(".")]
                y = str(year if mon <= month else year - 1)
                start = f"{y}-{mon:02d}"
                period = Period(start=start, end=start if how == "month" else str(year))
            else:
                count = m.group(1).lower()
                months = int(count) if count.isdigit() else _SMALL[count]
                first = year - (months - month + 12) // 12
                period = Period(start=str(first), end=str(year))
            taken.append((m.start(), m.end()))
            out.append(
                PeriodCue(
                    start=offset + m.start(),
                    end=offset + m.end(),
                    kind="single" if how != "since" else "since",
                    period=period,
                    relative=True,
                )
            )
    return out


def _cue(kind: Kind, m: re.Match[str], ref_year: str | None) -> tuple[Period | None, int] | None:
    groups = [g for g in m.groups()]
    if kind == "range":
        if len(groups) == 4:
            m1, y1, m2, y2 = groups
        else:
            (y1, y2), m1, m2 = groups, None, None
        if int(y1) > int(y2):
            return None
        return Period(start=_month(m1, y1), end=_month(m2, y2)), 0
    if kind == "since":
        month, year = groups
        if ref_year is None or int(ref_year) < int(year):
            return Period(start=_month(month, year), end=year), 0
        return Period(start=_month(month, year), end=ref_year), 0
    if kind == "single":
        month, year = groups if len(groups) == 2 else (None, groups[0])
        value = _month(month, year)
        return Period(start=value, end=value), 0
    if kind == "span":
        count = groups[0].lower()
        years = int(count) if count.isdigit() else _SMALL[count]
        if ref_year is None:
            return None
        return Period(start=str(int(ref_year) - years), end=ref_year), years
    return None, 0
