"""Periods a figure covers: "between 2016 and 2020", "in 2020", "since March 2023",
"in the first quarter of 2022", "over the past seven years", "during that period".

Expressions are found with patterns over one sentence's text; which figure a period belongs
to is decided on the parse (see `choose_period`), so "X claimed in 2016 that ... $4.85
billion" does not date the purchase by the date of the claim.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from ..models import Period
from . import cues as lexicons
from .sentences import doc_text, sentences

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
            rf"\b(?:in|during|throughout|by|for|of|at|on)\s+(?:the\s+)?(?:(?:first|second|third|"
            rf"fourth|final|last)\s+(?:quarter|half)\s+of\s+|(?:autumn|fall|spring|summer|winter|"
            rf"beginning|start|end|middle|course|first\s+half|second\s+half)\s+of\s+|(?:early|late|"
            rf"mid)[-\s]+)?(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?({MONTH_PATTERN})\s+)?(?:\d{{1,2}},?\s+)?"
            rf"{_YEAR}\b(?!\s*[-–]\s*\d)",
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
            rf"\bon\s+{_WEEKDAY}\b|\bthis\s+{_WEEKDAY}\b|\blast\s+week\b",
            re.I,
        ),
        "0",
    ),
    (
        re.compile(r"\b(?:last|previous|past)\s+month\b|\ba\s+month\s+(?:ago|earlier)\b", re.I),
        "-1m",
    ),
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
            if how in ("-1", "0"):
                y = str(year + int(how))
                period = Period(start=y, end=y)
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


# --- Periods the text implies rather than states ----------------------------------------
#
# `claims.py` dates a figure by the period expressions of its own clause. A careful reader
# dates more: a total "under the deal" covers the deal's life when the text says when it
# began; a figure beside a dated one in the same sentence, or after one in the same
# paragraph, shares its period; a figure reported "on Wednesday" or "this week" is of the
# document's time. Figures about ongoing states with nothing around them stay undated.


def infer_periods(sdoc, claims: list, ref_year: str | None, doc_date: str | None) -> list:
    """`claims` with the periods their context implies filled in where they had none."""
    if not claims or all(c.period is not None for c in claims):
        return claims
    sents = sentences(sdoc)
    starts = [s.start_char for s in sents]
    breaks = [m.start() for m in re.finditer(r"\n[ \t\u00a0]*\n", doc_text(sdoc))]

    def sentence_of(char: int) -> int:
        return max(bisect.bisect_right(starts, char) - 1, 0)

    def paragraph_of(char: int) -> int:
        return bisect.bisect_right(breaks, char)

    arrangements = lexicons.words("periods", "arrangements")
    timeless = lexicons.words("periods", "duration_units")
    lifetime = _lifetime(sents, arrangements, ref_year, doc_date)
    named = set()
    if lifetime is not None:
        named = {paragraph_of(s.start_char) for s in sents if _names_arrangement(s, arrangements)}
    out = list(claims)
    # 1. the arrangement a total is counted within; a sentence anchored in the document's time
    for k, claim in enumerate(out):
        if claim.period is not None or claim.unit in timeless:
            continue  # "a war of 44 days" is itself a stretch of time, not dated by its context
        sent = sents[sentence_of(claim.start)]
        fig = _figure_token(sdoc, claim)
        period = None
        if (
            lifetime is not None
            and fig is not None
            and (
                _within_arrangement(sent, arrangements)
                or (_cumulative(fig) and paragraph_of(sent.start_char) in named)
            )
        ):
            period = lifetime
        if period is None and doc_date and fig is not None and not _in_relative_clause(fig):
            period = _anchored(sent, ref_year, doc_date)
        n = sentence_of(claim.start)
        if (
            period is None
            and n > 0
            and paragraph_of(sents[n - 1].start_char) == paragraph_of(sent.start_char)
        ):
            period = _referred(sent, sents[n - 1], ref_year, doc_date)
        if period is not None:
            out[k] = replace(claim, period=period)
    # 2. a figure beside a dated one shares its period: one in the same sentence, else one in
    # the sentence right before in the same paragraph, for what happened, not a state ("Some
    # 32.9 million tonnes left over twelve months. Egypt received 1.5 million tonnes of it.")
    dated = [(c.start, c.period) for c in out if c.period is not None]
    for k, claim in enumerate(out):
        if claim.period is not None or claim.unit in timeless:
            continue
        n, p = sentence_of(claim.start), paragraph_of(claim.start)
        same = [per for start, per in dated if sentence_of(start) == n]
        # across a paragraph break only when the figure points back ("half of the total")
        back = p if _TOTAL.search(claim.text) is None else paragraph_of(claim.start) - 1
        before = [
            per
            for start, per in dated
            if start < claim.start and sentence_of(start) == n - 1 and paragraph_of(start) >= back
        ]
        if same:
            out[k] = replace(claim, period=same[0])
        elif before:
            fig = _figure_token(sdoc, claim)
            if fig is not None and _cumulative(fig):
                out[k] = replace(claim, period=before[-1])
    return out


def _lifetime(sents, arrangements, ref_year, doc_date) -> Period | None:
    """The life of the arrangement the text counts within: from the first date the text
    gives for its start ("the deal was signed on 22 July 2022", "when the agreement was
    signed a year ago") to the document's year."""
    starts = lexicons.words("periods", "start_verbs")
    for sent in sents:
        for tok in sent:
            if tok.lemma_.lower() not in arrangements or tok.dep_ not in (
                "nsubj", "nsubjpass", "dobj",
            ):  # fmt: skip
                continue
            verb = tok.head
            if verb.lemma_.lower() not in starts:
                continue
            for cue in find_cues(sent.text, sent.start_char, ref_year, doc_date):
                if cue.period is None or cue.kind not in ("single", "since"):
                    continue
                # years only: the life is inferred, and "July 2022" to "2023" would read
                # as another span than the "2022-2023" another outlet states
                begin = cue.period.start[:4]
                end = ref_year or cue.period.end[:4]
                if begin <= end:
                    return Period(start=begin, end=end)
    return None


def _figure_token(sdoc, claim):
    at = claim.text.find(claim.value_text)
    start = claim.start + max(at, 0)
    span = sdoc.char_span(start, start + len(claim.value_text), alignment_mode="expand")
    return span.root if span is not None else None


def _within_arrangement(sent, arrangements) -> bool:
    """ "... left Ukrainian ports under the deal", "Thanks to the corridor, ..."."""
    within = lexicons.words("periods", "within_words")
    for tok in sent:
        if tok.lemma_.lower() in arrangements and tok.dep_ == "pobj":
            prep = tok.head
            if prep.lower_ in within or (prep.lower_ == "to" and prep.head.lower_ in within):
                return True
    return False


def _cumulative(fig) -> bool:
    """Whether a figure's clause is past or perfect ("went", "had been exported", "took"):
    what happened over a span, not an ongoing state ("holds 40%")."""
    verb = fig
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in aux)


def _names_arrangement(sent, arrangements) -> bool:
    """Whether a sentence speaks of the arrangement by a definite name ("the deal", "the
    agreement"), not just of an arrangement ("signed an agreement")."""
    return any(
        tok.lemma_.lower() in arrangements
        and tok.pos_ == "NOUN"
        and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in tok.children)
        for tok in sent
    )


def _anchored(sent, ref_year, doc_date) -> Period | None:
    """The year of a sentence anchored in the document's time ("said on Wednesday", "this
    week", "told a news conference on August 6"): its figures are of that year."""
    years = {
        (c.period.start[:4], c.period.end[:4])
        for c in find_cues(sent.text, sent.start_char, ref_year, doc_date)
        if c.relative and c.period is not None
    }
    if len(years) != 1:
        return None
    start, end = years.pop()
    return Period(start=start, end=end)


_TOTAL = re.compile(
    r"\b(?:of|from)\s+(?:the\s+(?:total|sum|whole|overall)|it|them|that|this)\b", re.I
)


def _in_relative_clause(fig) -> bool:
    """ "the record of more than $13 reached shortly after the invasion": a figure inside a
    clause that qualifies a noun keeps its own time, not the sentence's."""
    tok = fig
    for _ in range(32):
        if tok.dep_ in ("relcl", "acl"):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


_BACK = re.compile(
    r"\b(?:by\s+the\s+end\s+of|later\s+(?:in|that)|in|during|within|by)\s+(?:the\s+same|that|the)"
    r"\s+(month|year)\b|\bthe\s+(?:following|next)\s+(?:day|week|month)\b|\bthat\s+(month|year)\b",
    re.I,
)


def _referred(sent, previous, ref_year, doc_date) -> Period | None:
    """ "Azerbaijan launched an operation on 19 September 2023. ... by the end of the month
    100,000 people had left": "the month" is the one the sentence before names."""
    m = _BACK.search(sent.text)
    if m is None:
        return None
    named = [
        c.period
        for c in find_cues(previous.text, previous.start_char, ref_year, doc_date)
        if c.period is not None and c.kind == "single"
    ]
    if not named:
        return None
    when = named[-1].start
    unit = (m.group(1) or m.group(2) or "").lower()
    when = when[:4] if unit == "year" else when
    return Period(start=when, end=when)
