"""Period expressions in a sentence: "between 2016 and 2020", "in 2022 and 2023", "in
2020", "since March 2023", "through 2027", "in the first quarter of 2022", "over the past
seven years", "during that period", "since the start of the war".

Expressions are found with patterns over one sentence's text; which figure a period belongs
to is decided on the parse (claims.py), so "X claimed in 2016 that ... $4.85 billion" does
not date the purchase by the date of the claim. What the context implies is periods.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Literal

from ..models import Period
from . import cues as lexicons

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
# never a prefix of a longer word: "jul" of "July 2022", "sep" of "separate"
MONTH_PATTERN = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?(?![a-z])"
_YEAR = r"(1[89]\d\d|20\d\d)"
# "Dec. 8, 2022": a day between the month and the year, read at the month's precision
_DAY = r"(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?"
# "in fiscal 2010", "in fiscal year 2010", "in FY2010": a budget's year, read as that year
_BOOK_YEAR = r"(?:(?:fiscal|financial|budget|tax|calendar)\s+(?:years?\s+)?|FY\s?)?"
# "8 December 2022": the day before the month
_DAY_FIRST = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?={MONTH_PATTERN}))?"
_SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip
_COUNT = r"(\d{1,3}|" + "|".join(_SMALL) + r")"

Kind = Literal["range", "since", "single", "span", "carry"]
# "the end of", "early", "mid-": the bound of a range is read at the year's precision
_PART = (
    r"(?:the\s+(?:start|beginning|end|middle|close|first\s+half|second\s+half)\s+of\s+)?"
    r"(?:(?:early|late|mid)[-\s]+)?"
)

_UNTIL = re.compile(r"(?:through|until|till|by)\b", re.I)


_START_OF = r"(?:the\s+(?:start|beginning|outbreak|onset|launch)\s+of\s+)?"
# an event given a year right after ("the war of 2014", "the war began in 2014") is dated by
# the patterns above, not left to `infer_periods`
_DATED_AFTER = r"(?!\s+(?:in|of|on)\s+(?:\w+\s+){0,2}(?:1[89]|20)\d\d)"


@cache
def _event_patterns_for(dirs: tuple) -> tuple[re.Pattern[str], re.Pattern[str]]:
    events = sorted(lexicons.load("periods").get("onsets") or {}, key=len, reverse=True)
    names = "|".join(re.escape(e) for e in events)
    event = (
        rf"(?:the|its|their|this|that|\w+'s)\s+(?:[\w-]+\s+){{0,3}}?(?:{names})\b"
        rf"(?:\s+(?:began|started|broke\s+out))?+{_DATED_AFTER}"
    )
    since = rf"\bsince\s+{_START_OF}{event}"
    after = rf"\b(?:(?:shortly|soon|just|right)\s+)?(?:after|following)\s+{_START_OF}{event}"
    return re.compile(since, re.I), re.compile(after, re.I)


def onset_pattern() -> re.Pattern[str]:
    """ "since the start of the war", "since the invasion began": a count from the start of
    an event the text may date elsewhere (data/periods.yaml, onsets)."""
    return _event_patterns_for(lexicons.current_dirs())[0]


def after_event_pattern() -> re.Pattern[str]:
    """ "shortly after the invasion": the time an event began, where the text dates it."""
    return _event_patterns_for(lexicons.current_dirs())[1]


_PATTERNS: list[tuple[Kind, re.Pattern[str]]] = [
    (
        "range",
        re.compile(
            rf"\b(?:between|from)\s+{_PART}{_DAY_FIRST}(?:({MONTH_PATTERN})\s+)?{_DAY}{_YEAR}\s*"
            rf"(?:and|to|until|till|through|-|–)\s*{_PART}{_DAY_FIRST}(?:({MONTH_PATTERN})\s+)?"
            rf"{_DAY}"
            rf"(?:{_YEAR}\b|(last|this|next)\s+year\b)",
            re.I,
        ),
    ),
    # "in 2022 and 2023", "during 2021, 2022 and 2023": the years listed, first to last
    (
        "range",
        re.compile(
            rf"\b(?:in|during|for|over|throughout|across)\s+(?:both\s+)?{_YEAR}"
            rf"(?:\s*,\s*(?:1[89]\d\d|20\d\d))*\s*,?\s+and\s+{_YEAR}\b",
            re.I,
        ),
    ),
    # "through 2027", "until the end of 2026", "by 2030": from the document's time on
    (
        "range",
        re.compile(
            rf"\b(?:through|until|till|by)\s+{_PART}(?:({MONTH_PATTERN})\s+)?"
            rf"{_YEAR}\b(?!\s*[-–]\s*\d)",
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
            rf"\b(?:in|during|throughout|by|for|of|at|on)\s+(?:the\s+)?(?:(?:first|second|third|"
            rf"fourth|final|last)\s+(?:quarter|half)\s+of\s+|(?:autumn|fall|spring|summer|winter|"
            rf"beginning|start|end|middle|course|first\s+half|second\s+half)\s+of\s+|(?:early|late|"
            rf"mid)[-\s]+)?(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?({MONTH_PATTERN})\s+)?(?:\d{{1,2}},?\s+)?"
            rf"{_BOOK_YEAR}{_YEAR}\b(?!\s*[-–]\s*\d)",
            re.I,
        ),
    ),
    ("single", re.compile(rf"\bthe\s+{_YEAR}\s+(?=[A-Za-z])", re.I)),
    (
        "span",
        re.compile(
            rf"\b(?:(?:over|in|during|within)\s+the\s+(?:past|last|previous)|over)\s+{_COUNT}"
            # "over 65 years old", "over 18 years of age": an age, not a stretch of time
            rf"\s+years\b(?!\s+(?:old|of\s+age))",
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
    # claims, periods and events each read the same sentence again (periods once per claim
    # in it); the cues depend only on these arguments and the lexicons in force
    return list(_find_cues(text, offset, ref_year, doc_date, lexicons.current_dirs()))


@lru_cache(maxsize=2048)
def _find_cues(
    text: str, offset: int, ref_year: str | None, doc_date: str | None, dirs: tuple
) -> tuple[PeriodCue, ...]:
    cues: list[PeriodCue] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            cue = _cue(kind, m, ref_year, doc_date[:4] if doc_date else None)
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
    for m in onset_pattern().finditer(text):
        # "since the start of the war": dated by `infer_periods` when the text dates the war
        if not any(s < m.end() and m.start() < e for s, e in taken):
            taken.append((m.start(), m.end()))
            cues.append(
                PeriodCue(start=offset + m.start(), end=offset + m.end(), kind="since", period=None)
            )
    if doc_date:
        cues.extend(_relative_cues(text, offset, doc_date, taken))
    return tuple(_previous_of_named(sorted(cues, key=lambda c: c.start), text, offset))


_PREVIOUS = re.compile(r"\b(?:previous|preceding|earlier|before)\b", re.I)


def _previous_of_named(cues: list[PeriodCue], text: str, offset: int) -> list[PeriodCue]:
    """ "85% in October, up from 83% in the previous month": "previous", "earlier" and "before"
    count back from the month or year the sentence has just named, not from the document's
    date ("last month" does count from the document's)."""
    out: list[PeriodCue] = []
    for cue in cues:
        named = next((c.period for c in reversed(out) if c.period is not None), None)
        if (
            cue.relative
            and cue.period is not None
            and named is not None
            and _PREVIOUS.search(text[cue.start - offset : cue.end - offset])
        ):
            cue = replace(
                cue, period=_one_before(named, monthly=len(cue.period.start) == 7) or cue.period
            )
        out.append(cue)
    return out


def _one_before(named: Period, monthly: bool) -> Period | None:
    """The month (or year) before the one a period starts in."""
    year = int(named.start[:4])
    if not monthly:
        return Period(start=str(year - 1), end=str(year - 1))
    if len(named.start) != 7:
        return None
    month = int(named.start[5:7])
    start = f"{year - 1}-12" if month == 1 else f"{year}-{month - 1:02d}"
    return Period(start=start, end=start)


_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NOT_A_BASE = r"(?<!from\s)(?<!than\s)(?<!with\s)(?<!from\sthe\s)(?<!than\sthe\s)(?<!with\sthe\s)"
_ORD = r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?"
_RELATIVE: list[tuple[re.Pattern[str], str]] = [
    # "between Dec. 8 and Jan. 12", "from 8 December to 12 January": months without years,
    # the later one the last of them up to the document's month
    (
        re.compile(
            rf"\b(?:between|from)\s+{_DAY_FIRST}({MONTH_PATTERN}){_ORD}\s+(?:and|to|until|through)"
            rf"\s+{_DAY_FIRST}({MONTH_PATTERN}){_ORD}\b(?!,?\s*(?:1[89]|20)\d\d)",
            re.I,
        ),
        "between",
    ),
    # "up 8% from a year earlier", "than the previous year": the base a change is measured
    # against, not the time the figure holds for
    (
        re.compile(
            rf"{_NOT_A_BASE}(?:\b(?:last|previous|past)\s+year\b|\ba\s+year\s+(?:ago|earlier)\b)",
            re.I,
        ),
        "-1",
    ),
    # "next year", "the coming year": the year after the document's ("the following year"
    # follows whatever year the text last named, not the document's)
    (re.compile(r"\b(?:next|the\s+coming)\s+year\b", re.I), "+1"),
    (
        re.compile(
            rf"\b(?:(?:in|during)\s+the\s+(?:first|last|past)\s+\w+\s+(?:months|weeks|days)\s+"
            rf"of\s+)?(?:this|the\s+current)\s+(?:year|week)\b|\b(?:today|yesterday)\b|"
            rf"\bon\s+{_WEEKDAY}\b|\bthis\s+{_WEEKDAY}\b|\blast\s+week\b|"
            # "over the past week", "in the last few days": the days before the document's
            rf"\b(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+(?:few\s+|"
            rf"couple\s+of\s+)?(?:week|days|fortnight)\b",
            re.I,
        ),
        "0",
    ),
    (
        re.compile(
            rf"{_NOT_A_BASE}(?:\b(?:last|previous|past)\s+month\b|\ba\s+month\s+(?:ago|earlier)\b)",
            re.I,
        ),
        "-1m",
    ),
    (re.compile(r"\b(?:this|the\s+current)\s+month\b", re.I), "0m"),
    (
        re.compile(
            rf"\b(?:in|over|within|during)\s+the\s+(?:next|coming)\s+(?:{_COUNT}\s+(?:to|or|-|–)\s+)?"
            rf"{_COUNT}\s+(months|weeks|days)\b",
            re.I,
        ),
        "ahead",
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
    forward = bool(_future_pattern().search(text))
    out: list[PeriodCue] = []
    for pattern, how in _RELATIVE:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if how in ("-1", "0", "+1"):
                y = str(year + int(how))
                period = Period(start=y, end=y)
            elif how == "0m":
                start = f"{year}-{month:02d}"
                period = Period(start=start, end=start)
            elif how == "-1m":  # "last month" in a January article is last December
                y = str(year if month > 1 else year - 1)
                start = f"{y}-{month - 1 if month > 1 else 12:02d}"
                period = Period(start=start, end=start)
            elif how == "ahead":  # "in the next three to four months", from the document's date
                count = m.group(2).lower()
                n = int(count) if count.isdigit() else _SMALL[count]
                months = {"months": n, "weeks": -(-n * 7 // 30), "days": -(-n // 30)}[
                    m.group(3).lower()
                ]
                period = Period(start=str(year), end=str(year + (month - 1 + months) // 12))
            elif how == "between":
                first, last = (MONTHS[m.group(k).lower().rstrip(".")] for k in (1, 2))
                y2 = year if last <= month else year - 1
                y1 = y2 if first <= last else y2 - 1
                period = Period(start=f"{y1}-{first:02d}", end=f"{y2}-{last:02d}")
            elif how in ("month", "since"):
                mon = MONTHS[m.group(1).lower().rstrip(".")]
                if how == "month" and forward:
                    y = str(year if mon >= month else year + 1)  # "due to start in June"
                else:
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


@cache
def _future_pattern_for(dirs: tuple) -> re.Pattern[str]:
    auxiliaries = [re.escape(w) for w in lexicons.words("periods", "future_auxiliaries")]
    # lemmas in running text: "expected to", "planned for", "scheduled to", "is due to"
    heads = [
        rf"{re.escape(w)}\w{{0,3}}\s+(?:to|for)" for w in lexicons.words("periods", "forward_words")
    ]
    options = sorted([*auxiliaries, *heads, r"(?:is|are)\s+to"], key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(options) + r")\b", re.I)


def _future_pattern() -> re.Pattern[str]:
    """A sentence speaking of the future ("will", "is due to", "is set to", "scheduled for"):
    a month it names alone is the next one (data/periods.yaml)."""
    return _future_pattern_for(lexicons.current_dirs())


def _cue(
    kind: Kind, m: re.Match[str], ref_year: str | None, doc_year: str | None = None
) -> tuple[Period | None, int] | None:
    groups = [g for g in m.groups()]
    if kind == "range":
        if _UNTIL.match(m.group(0)):
            # "through 2027": from the document's time on; a past bound ("by 2019") is the
            # year something stood at, read as that year by the patterns after this one
            month, year = groups
            now = doc_year or ref_year
            if now is None or int(now) >= int(year):
                return None
            return Period(start=now, end=_month(month, year)), 0
        if len(groups) == 5:
            m1, y1, m2, y2, relative = groups
            if relative:  # "between February 2022 and the end of last year"
                if doc_year is None:
                    return None
                y2 = str(int(doc_year) + {"last": -1, "this": 0, "next": 1}[relative.lower()])
        else:
            (y1, y2), m1, m2 = groups, None, None
        if int(y1) > int(y2):
            return None
        if m1 and m2 is None and y1 != y2:
            m1 = None  # "from February 2022 to the end of 2023": both bounds as years
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
