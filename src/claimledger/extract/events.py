"""Dated statements for the timeline: a sentence with a DATE that names a specific time,
dated at the precision the text gives ("in 1993" -> 1993, "In April 2012" -> 2012-04,
"On September 19, 2023" -> 2023-09-19).

Only spaCy's DATE spans are read (dateparser over raw text invents dates from "69% of" and
the verb "may": notes/dependencies.md). Partial and relative dates ("On 22 May", "last
year", "on Wednesday") resolve against the document's own date, never today's; without one,
a day and month take the latest full year written nearby, or the date is dropped. A sentence
dated only as a shift ("ten days after ...", "two weeks later") counts from the day-precise
date just before it.
"""

from __future__ import annotations

import logging
import re
import warnings
from datetime import date, datetime

from ..models import DocumentMeta, Event, content_id
from . import cues as lexicons
from .period_cues import MONTH_PATTERN, MONTHS, find_cues
from .sentences import doc_ents, sentences

log = logging.getLogger(__name__)

_YEAR = r"(1[89]\d\d|20\d\d)"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_FULL = [
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?({MONTH_PATTERN}),?\s+{_YEAR}\b", re.I)),
    ("mdy", re.compile(rf"\b({MONTH_PATTERN})\s+{_DAY},?\s+{_YEAR}\b", re.I)),
    ("my", re.compile(rf"\b({MONTH_PATTERN}),?\s+(?:of\s+)?{_YEAR}\b", re.I)),
    ("dm", re.compile(rf"\b{_DAY}\s+(?:of\s+)?({MONTH_PATTERN})\b", re.I)),
    ("md", re.compile(rf"\b({MONTH_PATTERN})\s+{_DAY}\b(?!\s*,?\s*\d{{4}})", re.I)),
    ("y", re.compile(rf"(?<![\d-]){_YEAR}(?!s|\d|\s*(?:-|–|to|and)\s*\d)", re.I)),
    ("m", re.compile(rf"^(?:(?:early|late|mid)[-\s]+)?({MONTH_PATTERN})$", re.I)),
]
_RANGE = re.compile(
    rf"\b(?:between|from)\b.*{_YEAR}.*\b(?:and|to|until)\b.*{_YEAR}|{_YEAR}\s*[-–]\s*\d", re.I
)
_RELATIVE = re.compile(
    r"^(?:last|this|past|previous)\s+(?:year|month)$|^(?:\d+|a|one|two|three|four|five|six|"
    r"seven|eight|nine|ten)\s+(?:years?|months?)\s+ago$",
    re.I,
)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# at the start of the span only: spaCy's DATE span can run on into the clause ("Wednesday
# ends months" in "The package signed on Wednesday ends months of anxiety")
_WEEKDAY = re.compile(
    rf"^(?:on\s+|last\s+|this\s+)?({'|'.join(_WEEKDAYS)})(?:\s+(?:morning|afternoon|evening|night))?\b",
    re.I,
)
_VAGUE = re.compile(r"\b(?:later|earlier|before|after|recent|coming|next|century|decade)\b", re.I)


def find_events(sdoc, doc_id: str, meta: DocumentMeta) -> list[Event]:
    """Every dated statement in the text, in text order."""
    chrome = tuple((c.start, c.end) for c in meta.chrome)
    doc_date = _parse_iso(meta.published)
    sents = sentences(sdoc)
    sent_of = {tok.i: n for n, sent in enumerate(sents) for tok in sent}
    # sentence index -> [(rank, date text, date)]: see `_rank` for which of them date it
    found: dict[int, list[tuple[tuple[bool, bool], str, str]]] = {}
    for ent in doc_ents(sdoc):
        if ent.label_ != "DATE" or any(s < ent.end_char and ent.start_char < e for s, e in chrome):
            continue
        n = sent_of.get(ent.start)
        if n is None:
            continue
        sent = sents[n]
        if sum(1 for t in sent if t.is_alpha) < 4 or not any(
            t.pos_ in ("VERB", "AUX") for t in sent
        ):
            continue  # a dateline or heading, not a statement
        if (
            re.fullmatch(r"(?:the\s+)?\d{4}", ent.text.strip())
            and ent.root.dep_ in ("nummod", "compound", "amod")
            and ent.root.head.pos_ in ("NOUN", "PROPN")
        ):
            continue  # "the 2020 war" names the war, it does not date the sentence
        if any(
            c.kind == "range" and c.start <= ent.start_char and ent.end_char <= c.end
            for c in find_cues(sent.text, sent.start_char, None)
        ):
            continue  # one end of "from 2016 to 2023" is a period's bound, not an event
        text = ent.text.strip()
        when = resolve_date(text, doc_date, _nearby_year(sents, n), forward=looks_forward(ent.root))
        if when is not None:
            found.setdefault(n, []).append((_rank(ent), text, when))
    _shifted(sents, found)
    events: list[Event] = []
    for n in sorted(found):
        sent = sents[n]
        best = min(rank for rank, _, _ in found[n])
        seen: set[str] = set()
        for rank, text, when in found[n]:
            if rank != best or when in seen:
                continue
            seen.add(when)
            weekday = _WEEKDAY.match(text)
            if weekday is not None and not any(p.search(text) for _, p in _FULL):
                text = weekday.group(0)  # "Wednesday", not the clause spaCy ran it into
            events.append(
                Event(
                    id=content_id("v", doc_id, sent.start_char, when, text),
                    doc_id=doc_id,
                    start=sent.start_char,
                    end=sent.end_char,
                    text=sent.text,
                    date=when,
                    date_text=text,
                )
            )
    return events


_COUNTS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_SHIFT = re.compile(
    rf"\b(\d{{1,2}}|{'|'.join(_COUNTS)})\s+(days?|weeks?)\s+(after|before|later|earlier)\b"
    r"(\s+(?:that|this|it|then)\b)?",
    re.I,
)


def _shifted(sents, found) -> None:
    """Dates a sentence gives as a shift from the one dated just before it: "Putin spoke on
    Thursday. The announcement came ten days after the Kremlin ended the deal" dates the
    ending ten days before that Thursday; "... ten days later" dates what follows after it.
    Read only for a sentence with no date of its own, against a day-precise date at most
    two sentences back."""
    for n, sent in enumerate(sents):
        if n in found or n == 0:
            continue
        m = _SHIFT.search(sent.text)
        if m is None:
            continue
        anchor = next(
            (
                when
                for k in (n - 1, n - 2)
                if k >= 0
                for _, _, when in reversed(found.get(k, []))
                if len(when) == 10
            ),
            None,
        )
        if anchor is None:
            continue
        count = m.group(1).lower()
        days = (int(count) if count.isdigit() else _COUNTS[count]) * (
            7 if m.group(2).lower().startswith("week") else 1
        )
        how, pointer = m.group(3).lower(), m.group(4)
        # "X came ten days after Y": X is the event dated before, Y the earlier one
        earlier = (
            how == "earlier"
            or (how == "after" and not pointer)
            or (how == "before" and bool(pointer))
        )
        when = date.fromisoformat(anchor).toordinal() + (-days if earlier else days)
        found[n] = [((False, False), m.group(0), date.fromordinal(when).isoformat())]


def _rank(ent) -> tuple[bool, bool]:
    """Which dates of a sentence date its event, smaller first. A "since" phrase names where
    a running count or state starts, not something that happened: it dates the sentence
    only when nothing else does ("has maintained ties since 1992"), and one that qualifies
    a noun ("15 planes since the start of 2023, out of 100 flights since 2016") yields to
    one that qualifies the verb."""
    tok = ent.root
    if ent[0].lower_ == "since":
        prep = ent[0]  # spaCy put the preposition inside the DATE span
    elif tok.dep_ == "pobj":
        prep = tok.head
        # "since the beginning of 2023": the year hangs from "of", the "of" from a noun
        # that hangs from "since"
        up = prep.head
        if prep.lower_ != "since" and up.dep_ == "pobj" and up.head.lower_ == "since":
            prep = up.head
    else:
        return False, False
    if prep.lower_ != "since":
        return False, False
    return True, prep.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM")


def looks_forward(tok) -> bool:
    """Whether the clause holding `tok` speaks of the future: "will reopen on 2 February",
    "is due to start in June", "is set to open in May", "is to be signed in June"
    (data/periods.yaml). A partial date in such a clause is the next one, not the last."""
    forward = lexicons.words("periods", "forward_words")
    future = lexicons.words("periods", "future_auxiliaries")
    node, via_xcomp = tok, False
    for _ in range(16):
        lemma = node.lemma_.lower()
        if (lemma in forward or node.lower_ in forward) and (
            via_xcomp
            or node.pos_ not in ("VERB", "AUX")
            or (
                node.tag_ in ("VBN", "VBG")
                and not any(c.lower_ in ("was", "were", "had") for c in node.children)
            )
        ):
            return True
        if node.pos_ in ("VERB", "AUX"):
            kids = list(node.children)
            if any(c.dep_ == "aux" and c.lower_ in future for c in kids):
                return True
            to = any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
            if to and node.dep_ == "xcomp" and node.head.lemma_ == "be":
                return True  # "the port is to reopen in June"
            if node.dep_ != "xcomp" and node.dep_ not in ("conj", "prep", "pobj"):
                return False
            via_xcomp = node.dep_ == "xcomp"
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def resolve_date(
    text: str, doc_date: date | None, nearby_year: int | None, *, forward: bool = False
) -> str | None:
    """`text` (one DATE span) as YYYY, YYYY-MM or YYYY-MM-DD, or None when it names no
    specific time (durations, ranges, "a week later") or cannot be placed. A day or month
    without a year is the latest up to the document's date, or with `forward` (a future
    clause) the next one from it."""
    if _RANGE.search(text):
        return None
    for kind, pattern in _FULL:
        m = pattern.search(text)
        if not m:
            continue
        g = m.groups()
        if kind == "dmy":
            return _ymd(int(g[2]), g[1], int(g[0]))
        if kind == "mdy":
            return _ymd(int(g[2]), g[0], int(g[1]))
        if kind == "my":
            return f"{g[1]}-{_month(g[0]):02d}"
        if kind in ("dm", "md"):
            day, month = (int(g[0]), g[1]) if kind == "dm" else (int(g[1]), g[0])
            year = _year_for(_month(month), day, doc_date, nearby_year, forward)
            return _ymd(year, month, day) if year else None
        if kind == "y":
            if _VAGUE.search(text):
                return None
            return g[0]
        if kind == "m":
            # a month alone is placed by the document's date only: a year written nearby
            # is as likely to be another event's
            year = _year_for(_month(g[0]), 0, doc_date, None, forward)
            return f"{year}-{_month(g[0]):02d}" if year else None
    m = _WEEKDAY.match(text.strip())
    if m and doc_date is not None:
        # "on Monday" in news is the latest Monday up to the day of publication; in a future
        # clause ("talks will resume on Monday") the next one from it
        day = _WEEKDAYS.index(m.group(1).lower())
        if forward:
            return date.fromordinal(
                doc_date.toordinal() + (day - doc_date.weekday()) % 7
            ).isoformat()
        back = (doc_date.weekday() - day) % 7
        return date.fromordinal(doc_date.toordinal() - back).isoformat()
    if doc_date is not None and _RELATIVE.match(text.lower().strip()):
        return _relative(text, doc_date)
    return None


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _ymd(year: int, month: str, day: int) -> str | None:
    try:
        return date(year, _month(month), day).isoformat()
    except ValueError:
        return None


def _year_for(
    month: int, day: int, doc_date: date | None, nearby_year: int | None, forward: bool = False
) -> int | None:
    """The year of a day and month written without one (day 0: the month as a whole): the
    document's year, or the year before when that would fall after the document (the year
    after when it would fall before a `forward` one), else the latest year written nearby."""
    if doc_date is None:
        return nearby_year
    year = doc_date.year
    try:
        date(year, month, max(day, 1))
    except ValueError:
        return None
    now = (doc_date.month, doc_date.day)
    if forward and (month, day or 32) < now:
        return year + 1
    if not forward and (month, day or 1) > now:
        return year - 1
    return year


def _relative(text: str, doc_date: date) -> str | None:
    from dateparser.date import DateDataParser

    parser = DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(doc_date.year, doc_date.month, doc_date.day),
            "PREFER_DATES_FROM": "past",
        },
    )
    with warnings.catch_warnings():  # dateparser warns about pytz/tz internals on some installs
        warnings.simplefilter("ignore")
        data = parser.get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    when = data.date_obj
    if data.period == "year":
        return f"{when.year}"
    if data.period == "month":
        return f"{when.year}-{when.month:02d}"
    return when.date().isoformat()


def _parse_iso(value: str | None) -> date | None:
    """The document's date; a bare year or year-month counts as its last day."""
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if month is None:
        return date(year, 12, 31)
    if day is None:
        nxt = date(year + (month == "12"), int(month) % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(year, int(month), int(day))


def _nearby_year(sents, n: int) -> int | None:
    """The latest four-digit year written within two sentences of sentence n."""
    years = [
        int(y)
        for k in range(max(0, n - 2), min(len(sents), n + 3))
        for y in re.findall(rf"(?<!\d){_YEAR}(?!\d)", sents[k].text)
    ]
    return max(years) if years else None
