"""Figures in a parsed text: "$4.85 billion", "69%", "twenty percent", "92 cargo flights",
"700-kilometer", "44 days", "roughly doubled", "nearly six folds", "$4 to $7 million".

spaCy's entity recogniser is used only as a hint: the small English pipeline merges two
figures into one MONEY entity ("US$1.1bn and €3") and leaves counts bare ("92" without
"cargo flights"), so amounts are read token by token (extract/amounts.py, with currencies
and units from extract/units.py), and NER labels only rule numbers out (dates, times,
ordinals) when nothing written with the number says otherwise. Numbers that are no figure
(names, addresses, clock times, ranks, calibres) are told apart in extract/nonfigures.py.
"""

from __future__ import annotations

import calendar
import logging
import math
import re
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import cache

from . import amounts, cues, nonfigures
from .amounts import Amount
from .sentences import doc_text

log = logging.getLogger(__name__)

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_NOT_FIGURES = {"DATE", "TIME", "ORDINAL"}
_TOTALS = {"total", "tally", "number", "count"}
_NAMES = {"WORK_OF_ART", "LAW", "ORG", "EVENT", "FAC", "PRODUCT", "PERSON"}
_GROWTH_HEADS = {"grow", "increase", "rise", "multiply", "jump", "expand", "climb", "soar"}
_RANGE_LINKS = {"-", "–", "—", "to", "or"}
_DEICTIC = {"last", "next", "this", "that", "previous", "past", "coming"}
_TIME_PREPOSITIONS = {"in", "since", "by", "until", "before", "after", "during", "of", "from"}


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure found in the text, before it becomes a Claim."""

    start: int  # character span of the figure as written, qualifier included
    end: int
    text: str
    value: float  # the figure, or the lower end of a range
    unit: str  # ratio | ISO 4217 code (USD...) | count | factor | km | days | a pint unit name
    qualifier: str | None
    counted: str | None  # the thing counted ("cargo flights")
    anchor: int  # token index from which the figure's place in the parse is read
    first: int  # token indices of the figure itself (first, last inclusive)
    last: int
    value_high: float | None = None  # the upper end of a range ("$4 to $7 million")
    # what later stages may compare: "money" (unit is the currency code), "ratio", "count",
    # "factor", or a pint dimensionality ("[length]", "[time]", "[length] / [time]")
    dimension: str = "count"


def find_figures(sdoc, chrome: tuple[tuple[int, int], ...] = ()) -> list[Figure]:
    """Every figure stating a fact, in text order; none from page chrome."""
    lex = cues.load("units")
    figures: list[Figure] = []
    i = 0
    n = len(sdoc)
    while i < n:
        fig = _read_figure(sdoc, i, lex, figures)
        if fig is None:
            i += 1
            continue
        if not math.isfinite(fig.value):
            # "1" and 400 zeros overflows a float: no figure anyone can compare or write
            # into strict JSON (issue 12); the text keeps it, the ledger does not.
            log.warning("figure %r at %d skipped: out of range", fig.text[:40], fig.start)
        elif not any(s < fig.end and fig.start < e for s, e in chrome):
            figures.append(fig)
        i = fig.last + 1
    return figures


def _qualifier(sdoc, first: int, lex) -> tuple[str | None, int]:
    """The bounding phrase written just before token `first` ("at least"), and where it starts."""
    quals = lex["qualifiers"]
    for size in (3, 2, 1):
        if first - size < 0:
            continue
        words = " ".join(t.lower_ for t in sdoc[first - size : first])
        if words in quals:
            start_tok = first - size
            # "more than" inside "no more than" is read by the longer phrase first
            return quals[words], start_tok
    return None, first


def _read_figure(sdoc, i: int, lex, before: list[Figure]) -> Figure | None:
    tok = sdoc[i]
    half_dozen = tok.lower_ == "half" and sdoc[i + 1 : i + 3].text.lower() == "-dozen"
    if tok.lower_ in (lex.get("fractions") or {}) and not half_dozen:
        return _fraction_figure(sdoc, i, lex)
    growth = lex["growth_verbs"]
    if tok.lower_ in growth and _is_growth_word(sdoc, i):
        return _growth_figure(sdoc, i, float(growth[tok.lower_]), lex)
    amount = amounts.read_amount(sdoc, i, lex)
    if amount is None:
        return None
    amount, high = _range(sdoc, amount, lex)
    if not _may_be_figure(sdoc, amount, lex):
        return None
    if amount.unit is None:
        amount = _partitive_unit(sdoc, amount, lex)
    if amount.unit is None:
        carried = _carried_unit(sdoc, amount, before, lex)
        if carried is not None:
            return carried
    return _figure(sdoc, amount, high, lex)


def _is_growth_word(sdoc, i: int) -> bool:
    """ "trade doubled", "prices tripled": a verb; not "double standards", "double-digit"."""
    tok = sdoc[i]
    if tok.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    nxt = sdoc[i + 1] if i + 1 < len(sdoc) else None
    return not (tok.pos_ == "ADJ" and nxt is not None and (nxt.text == "-" or tok.dep_ == "amod"))


def _may_be_figure(sdoc, a: Amount, lex) -> bool:
    """Rules out numbers that are part of a name, an address, a time, a rank, a calibre, a
    list marker, or a date; a currency, unit or percent written with it overrides NER."""
    first, last = a.num_first, a.num_last
    head = sdoc[first]
    if a.spelled and (
        head.ent_type_ in _NAMES
        or (not head.is_sent_start and head.text[0].isupper() and head.is_alpha)
    ):
        return False  # "the Ten Commandments", "Fifth Avenue": part of a name
    if first > 0 and sdoc[first - 1].lower_ in lex.get("vague_before", ()):
        return False  # "several hundred dollars"
    if nonfigures.is_clock(sdoc, first, last, a.suffix) or nonfigures.is_rank(sdoc, first):
        return False
    if not a.marked and a.scale == 1.0 and nonfigures.is_score(sdoc, first, last):
        return False
    if nonfigures.is_calibre(sdoc, last, a.suffix) or nonfigures.is_list_marker(sdoc, first):
        return False
    if not a.marked:
        if head.ent_type_ in _NAMES and head.ent_type_ != "PERSON":
            return False
        if nonfigures.in_name(sdoc, first, last) or nonfigures.is_address(sdoc, first, last):
            return False
        if head.ent_type_ in _NOT_FIGURES and not nonfigures.is_duration(sdoc, last, lex):
            return _date_but_counts(sdoc, a)
    return True


def _year_like(sdoc, a: Amount) -> bool:
    """ "2019", "post-2008": four digits that read as a year."""
    digits = re.sub(r"^[a-z]+-", "", sdoc[a.num_first].text.lower())
    return a.scale == 1.0 and a.unit is None and bool(_YEAR.match(digits))


def _date_but_counts(sdoc, a: Amount) -> bool:
    """ "sales of 5835 units": the tagger called it a date, but no year, month or day is
    written and a plain noun follows it."""
    text = sdoc[a.num_first].text
    if a.spelled or _year_like(sdoc, a) or not text.replace(",", "").isdigit():
        return False
    nxt = sdoc[a.last + 1] if a.last + 1 < len(sdoc) else None
    return (
        nxt is not None
        and nxt.pos_ == "NOUN"
        and not nxt.ent_type_
        and nxt.lower_ not in cues.load("units")["units"]
    )


def _range(sdoc, a: Amount, lex) -> tuple[Amount, Amount | None]:
    """ "$4 to $7 million", "between 15kHz and 17kHz", "5-10W", "7- or 8-inch": the second
    number closes a range. A scale or unit written once serves both ends; "from X to Y" is
    a change, not a range: its ends stay two figures, sharing the unit."""
    j = a.last + 1
    if j + 1 >= len(sdoc):
        return a, None
    link = sdoc[j].lower_
    between = a.first > 0 and sdoc[a.first - 1].lower_ == "between"
    if not (link in _RANGE_LINKS or (link == "and" and between)):
        return a, None
    if link == "-" and sdoc[j + 1].lower_ in ("or", "to") and j + 2 < len(sdoc):
        j += 1  # "7- or 8-inch"
    other = amounts.read_amount(sdoc, j + 1, lex)
    if other is None or other.spelled != a.spelled:
        return a, None
    if (
        link == "or"
        and not sdoc[j - 1].text.endswith("-")
        and a.unit is None
        and other.unit is None
    ):
        return a, None  # "two or three times" is kept; "6 or 7" with nothing shared is not
    scale = 1.0
    if a.scale == 1.0 and other.scale > 1.0 and a.value < other.value / other.scale:
        scale = other.scale  # "$4 to $7 million"
    unit = a.unit or other.unit
    if a.unit is None and unit is not None and unit.dimension == "ratio":
        scale *= 0.01  # "5-10%": the lower end is a percent too
    if other.unit is not None and a.unit is not None and other.unit.name != a.unit.name:
        return a, None  # "20 cases to 30 deaths", "10 tonnes to 12%"
    if link == "to" and a.unit is not None and other.unit is None and other.scale <= a.scale:
        # "climbed 0.4% to 9,812.55": a unit written on the first end only names a change,
        # and "to" the level it reached; a range writes its unit on the last end or both
        return a, None
    low = amounts.with_unit(a, unit, scale)
    before = sdoc[a.first - 1].lower_ if a.first > 0 else ""
    if before == "from" or (before == "by" and a.marked):
        # "rose from 240 to 273", "grew by $43.6 billion to $419.2 billion": a change, two
        # figures sharing the unit
        return low, None
    if other.value < low.value:
        return a, None  # "9-2": not a range
    return replace(low, last=other.last), other


def _figure(sdoc, a: Amount, high: Amount | None, lex) -> Figure | None:
    """The Figure an amount makes: a measure with its unit, or a count of the noun it
    counts; None when a bare number counts nothing."""
    unit, dimension = (a.unit.name, a.unit.dimension) if a.unit is not None else (None, "count")
    last, value, n = a.last, a.value, len(sdoc)
    if unit is None and last + 1 < n:
        low = sdoc[last + 1].lower_
        if low == "times" and not _is_growth_times(sdoc, last + 1):
            return None  # "deported five times" counts occasions, it is no growth factor
        if low in cues.words("units", "factor_words") or (
            low == "-" and last + 2 < n and sdoc[last + 2].lower_ in ("fold", "folds")
        ):
            unit, dimension, last = "factor", "factor", last + 1 + (low == "-")
    qualifier, qstart = _qualifier(sdoc, a.first, lex)
    counted = None
    if unit is None:
        read = _count(sdoc, a, qualifier, lex) or _noun_ahead(sdoc, a, lex)
        if read is None:
            return None
        counted, anchor = read
        unit = "count"
    else:
        if unit in nonfigures.TIME_UNITS and not nonfigures.is_measuring_duration(
            sdoc, a.first, last, lex
        ):
            return None
        anchor = _anchor(sdoc, a.first, last)
    start = sdoc[qstart].idx
    end = sdoc[last].idx + len(sdoc[last].text)
    return Figure(
        start=start,
        end=end,
        text=doc_text(sdoc)[start:end],
        value=value,
        unit=unit,
        qualifier=qualifier,
        counted=counted,
        anchor=anchor,
        first=qstart,
        last=last,
        value_high=None if high is None else _high_value(a, high),
        dimension=dimension,
    )


def _high_value(low: Amount, high: Amount) -> float:
    """The upper end in the lower end's terms: its scale, and a percent as a ratio."""
    value = high.value
    if low.scale > 1.0 and high.scale == 1.0:
        value *= low.scale
    return value


def _count(sdoc, a: Amount, qualifier: str | None, lex) -> tuple[str | None, int] | None:
    """(counted noun phrase, anchor) of a bare number that counts something."""
    i, first, last, n = a.num_first, a.first, a.last, len(sdoc)
    if _year_like(sdoc, a) and not _counts_plural(sdoc, a):
        return None
    if a.value < 2 and not sdoc[i].like_num:
        return None
    if sdoc[i].lower_ in cues.words("units", "vague_numbers"):
        return None
    increments = cues.words("units", "count_increments")
    bounded = qualifier is not None or (last + 1 < n and sdoc[last + 1].lower_ in increments)
    glued_noun = a.suffix[1:].lower()
    plus = cues.words("units", "plus_suffixes")
    if a.suffix.startswith("-") and glued_noun.isalpha() and glued_noun not in plus:
        return a.suffix[1:], a.num_first  # "a 12-member panel" counts members
    noun = _counted_noun(sdoc, first, last, increments)
    if noun is None:
        noun = _partitive_noun(sdoc, last)
    if a.spelled and a.value < 10 and not bounded and not _counts_news(sdoc, first, noun):
        # "the two countries": a spelled-out small number that points back
        return None
    state = None if noun is not None else _counted_state(sdoc, last, lex)
    if noun is not None and sdoc[noun].lower_ in _months():
        return None  # "1 September": a date the tagger missed
    if noun is not None and _places_in_time(sdoc, last, noun):
        return None  # "2.1 last year": the noun places the number in time, it counts nothing
    if noun is not None and _singular_measure(sdoc, a, noun):
        return sdoc[last + 1].text, last + 1  # "a 12 page report" counts pages
    if noun is not None:
        return _noun_phrase(sdoc, noun, last), noun
    if state is not None:
        return sdoc[state[0] : state[1] + 1].text, state[0]  # the count measures "killed"
    if any(t.lower_ in _TOTALS for t in sdoc[max(0, first - 3) : first]):
        return None, i  # "bringing the total to 103": a count whose noun came before
    if _is_level(sdoc, first, a.value):
        return None, i  # "the index closed at 9,812.55": the level its subject reached
    return None


def _singular_measure(sdoc, a: Amount, noun: int) -> bool:
    """ "a 12 page report", "a 4 cylinder engine": a count above one written with a singular
    noun that modifies a singular noun after it is an unhyphenated compound ("12-page");
    the first noun is what is counted."""
    nxt = a.last + 1
    # "40 cargo flights" counts flights: a plural head is what the number counts
    singular = sdoc[noun].tag_ in ("NN", "NNP")
    return (
        noun > nxt
        and a.value > 1
        and singular
        and sdoc[nxt].tag_ == "NN"
        and not sdoc[nxt].ent_type_
    )


def _is_level(sdoc, first: int, value: float) -> bool:
    """ "climbed 0.4% to 9,812.55", "ended at 27,010", "rose from 310": a bare number after
    "to", "at" or "from" that hangs on a verb of moving or closing is a level the verb's
    subject reached or left."""
    if first == 0 or sdoc[first - 1].lower_ not in ("to", "at", "from"):
        return False
    prep = sdoc[first - 1]
    if "." not in sdoc[first].text and value < 100:
        return False  # "ended at 5", "fell to 3rd": an hour, a place
    verb = prep.head if prep.head.pos_ == "VERB" else prep.head.head  # "gained 0.6% to"
    return verb.pos_ == "VERB" and verb.lemma_ in cues.words("units", "level_verbs")


def _places_in_time(sdoc, last: int, noun: int) -> bool:
    """ "2.1 last year": a deictic word between a number and the noun after it."""
    return any(t.lower_ in _DEICTIC for t in sdoc[last + 1 : noun])


@cache
def _months() -> frozenset[str]:
    names = [*calendar.month_name[1:], *calendar.month_abbr[1:]]
    return frozenset(m.lower() for m in names)


def _counts_plural(sdoc, a: Amount) -> bool:
    """ "hiring 2000 people": a number that looks like a year but counts a plural noun
    right after it, with no preposition of time before it ("in 2019 elections")."""
    nxt = sdoc[a.last + 1] if a.last + 1 < len(sdoc) else None
    prev = sdoc[a.first - 1] if a.first > 0 else None
    return (
        nxt is not None
        and sdoc[a.num_first].text[:1].isdigit()  # not "post-2008 rules"
        and nxt.tag_ == "NNS"
        and (prev is None or (prev.pos_ != "DET" and prev.lower_ not in _TIME_PREPOSITIONS))
        and sdoc[a.first].ent_type_ != "DATE"
    )


def _partitive_noun(sdoc, last: int) -> int | None:
    """ "Two of the mayor's deputies", "40 of the 60 seats": the plural noun after "of"
    (and a determiner or possessor) is what the number counts."""
    k = last + 1
    if k >= len(sdoc) or sdoc[k].lower_ != "of":
        return None
    for j in range(k + 1, min(len(sdoc), k + 5)):
        tok = sdoc[j]
        if tok.tag_ in ("NNS", "NNPS"):
            return j
        possessor = j + 1 < len(sdoc) and sdoc[j + 1].tag_ == "POS"  # "the mayor's"
        determiner = tok.pos_ in ("DET", "PROPN", "PART", "ADJ", "NUM") or tok.tag_ == "PRP$"
        if not (determiner or possessor):
            return None
    return None


def _noun_ahead(sdoc, a: Amount, lex) -> tuple[str, int] | None:
    """ "from 1000 to 2000 hires", "4821 in the north while the south had 3310 strikes": a
    bare number counts what the next number, coordinated with it, counts."""
    if a.spelled or _year_like(sdoc, a) or a.value < 2:
        return None
    links = cues.words("units", "carry_links") | cues.words("units", "count_links")
    stop = min(sdoc[a.last].sent.end, a.last + 13)
    for j in range(a.last + 1, stop):
        if not sdoc[j].text[:1].isdigit():
            continue
        other = amounts.read_amount(sdoc, j, lex)
        if other is not None and _year_like(sdoc, other) and not _counts_plural(sdoc, other):
            continue  # "4821 in 2019 while ...": a year on the way
        if not any(t.lower_ in links for t in sdoc[a.last + 1 : j]):
            return None
        if other is None or other.unit is not None:
            return None
        increments = cues.words("units", "count_increments")
        noun = _counted_noun(sdoc, other.first, other.last, increments)
        if noun is None or sdoc[noun].lower_ in _months():
            return None
        return _noun_phrase(sdoc, noun, other.last), _anchor(sdoc, a.first, a.last)
    return None


def _partitive_unit(sdoc, a: Amount, lex) -> Amount:
    """ "raised 280 million of the 1.5 billion shekels": a bare part of a whole written
    with its unit right after "of (the)" is in that unit."""
    k = a.last + 1
    if k + 1 >= len(sdoc) or sdoc[k].lower_ != "of" or a.spelled:
        return a
    k += 1
    if sdoc[k].lower_ in ("the", "a", "an", "its", "their"):
        k += 1
    whole = amounts.read_amount(sdoc, k, lex) if k < len(sdoc) else None
    if whole is None or whole.unit is None or whole.unit.name == "ratio":
        return a
    return amounts.with_unit(a, whole.unit)


def _counts_news(sdoc, first: int, noun: int | None) -> bool:
    """ "eight other employees left", "two viruses": a small spelled-out count is news when
    it counts a plural noun right after it; after "the", "these", "both", a possessive, it
    points back to things already named ("the two countries")."""
    if noun is None or sdoc[noun].tag_ not in ("NNS", "NNPS") or noun - first > 5:
        return False
    if sdoc[first].lower_ in ("one", "a", "an"):
        return False
    head = sdoc[noun].head
    if sdoc[noun].dep_ == "nsubj" and head.lemma_.lower() in cues.words("reporting_verbs", "verbs"):
        return False  # "two officials said": who speaks, not what is counted
    prev = sdoc[first - 1] if first > 0 else None
    return prev is None or not (
        prev.lower_ in cues.words("units", "pointing_back")
        or prev.tag_ in ("PRP$", "POS")
        or (prev.pos_ == "DET" and prev.lower_ not in ("a", "an", "another"))
    )


def _carried_unit(sdoc, a: Amount, before: list[Figure], lex) -> Figure | None:
    """ "435 homes by sale and 187 by tender", "3.9 million headsets, up from 2.4 million",
    "rose 2 percent while the other fell 1": a bare number takes the unit of the figure it
    is coordinated with or compared to, earlier in the same sentence."""
    if not before or a.spelled or _year_like(sdoc, a):
        return None
    prev, aside = before[-1], range(0)
    if len(before) > 1 and _in_brackets(sdoc, prev):
        # "5 million yen ($45,000) and 4 million": the bracket converts the figure before it
        prev, aside = before[-2], range(prev.first, prev.last + 1)
    if prev.unit == "factor" or sdoc[prev.last].sent != sdoc[a.first].sent:
        return None
    if prev.unit == "count" and prev.counted is None:
        return None  # "a total of 49 ..., 17 of them": the noun is too far to carry
    noun = _counted_noun(sdoc, a.first, a.last, cues.words("units", "count_increments"))
    if noun is not None and not _places_in_time(sdoc, a.last, noun):
        return None
    between = sdoc[prev.last + 1 : a.first]
    # a year between them ("-1.4 degrees in 2018 and 2.1 last year") is no third figure
    numbers = [t for t in between if t.like_num and t.i not in aside]
    if len(between) > 15 or any(not _YEAR.match(t.text) for t in numbers):
        return None
    links = cues.words("units", "carry_links")
    came_from = prev.first > 0 and sdoc[prev.first - 1].lower_ == "from"
    tally = between[-1].lower_ in cues.words("units", "count_links") if len(between) else False
    # "31 votes to 9", "from 21 mpg to 23": "to" right before the number
    if not (
        any(t.lower_ in links for t in between) or (tally and (prev.unit == "count" or came_from))
    ):
        return None
    value = a.value / 100 if prev.unit == "ratio" else a.value
    qualifier, qstart = _qualifier(sdoc, a.first, lex)
    start = sdoc[qstart].idx
    end = sdoc[a.last].idx + len(sdoc[a.last].text)
    return Figure(
        start=start,
        end=end,
        text=doc_text(sdoc)[start:end],
        value=value,
        unit=prev.unit,
        qualifier=qualifier,
        counted=prev.counted,
        anchor=_anchor(sdoc, a.first, a.last),
        first=qstart,
        last=a.last,
        dimension=prev.dimension,
    )


def _in_brackets(sdoc, fig: Figure) -> bool:
    """ "($21,972)": a figure alone in brackets restates the one before it."""
    after = fig.last + 1
    return (
        fig.first > 0
        and sdoc[fig.first - 1].text == "("
        and after < len(sdoc)
        and sdoc[after].text == ")"
    )


_FRACTION_BEFORE = {
    "a", "one", "about", "nearly", "almost", "roughly", "around", "some", "than", "over",
    "under", "just", "only", "exactly", "approximately",
}  # fmt: skip
_NOT_FRACTION_BEFORE = {"first", "second", "third", "fourth", "last", "final", "latter"}
_NOT_FRACTION_AFTER = {"a", "an", "hour", "day", "year", "century", "time", "way", "decade"}


def _fraction_figure(sdoc, i: int, lex) -> Figure | None:
    """ "about half of the total", "a quarter": a share written as a word. Not "the first
    half of 2022", "half an hour"."""
    tok = sdoc[i]
    prev = sdoc[i - 1].lower_ if i else ""
    nxt = sdoc[i + 1].lower_ if i + 1 < len(sdoc) else ""
    if tok.ent_type_ in _NOT_FIGURES and not (prev in ("a", "one") and nxt == "of"):
        return None  # "the third day"; but "a third of" is a share whatever the tagger says
    if prev in _NOT_FRACTION_BEFORE or nxt in _NOT_FRACTION_AFTER:
        return None
    if prev not in _FRACTION_BEFORE and nxt != "of" and not (tok.is_sent_start and nxt == "the"):
        return None
    first = i - 1 if prev in ("a", "one") else i
    qualifier, qstart = _qualifier(sdoc, first, lex)
    start = sdoc[qstart].idx
    end = tok.idx + len(tok.text)
    return Figure(
        start=start,
        end=end,
        text=doc_text(sdoc)[start:end],
        value=float(Fraction(str(lex["fractions"][tok.lower_]))),
        unit="ratio",
        qualifier=qualifier,
        counted=None,
        anchor=i,
        first=qstart,
        last=i,
    )


def _growth_figure(sdoc, i: int, value: float, lex) -> Figure:
    tok = sdoc[i]
    qualifier, first = None, i
    for child in tok.lefts:
        if child.dep_ == "advmod" and child.lower_ in lex["qualifiers"]:
            qualifier, first = lex["qualifiers"][child.lower_], child.i
    start = sdoc[first].idx
    end = tok.idx + len(tok.text)
    return Figure(
        start=start,
        end=end,
        text=doc_text(sdoc)[start:end],
        value=value,
        unit="factor",
        qualifier=qualifier,
        counted=None,
        anchor=i,
        first=first,
        last=i,
    )


def _is_growth_times(sdoc, j: int) -> bool:
    """ "five times more", "three times as large", "grew four times": a factor."""
    nxt = sdoc[j + 1].lower_ if j + 1 < len(sdoc) else ""
    if nxt in ("more", "higher", "larger", "greater", "bigger", "as", "the", "over"):
        return True
    head = sdoc[j].head
    return head.lemma_.lower() in _GROWTH_HEADS


def _counted_state(sdoc, last: int, lex) -> tuple[int, int] | None:
    """ "315,000 killed and wounded", "12 dead": the count stands for people in a state the
    word after it names. Returns the token span of that phrase."""
    j = last + 1
    if j >= len(sdoc):
        return None
    tok = sdoc[j]
    states = cues.words("units", "counted_states")
    if tok.lower_ not in states:
        return None
    end = j
    # "killed and wounded", "dead or missing"
    if j + 2 < len(sdoc) and sdoc[j + 1].lower_ in ("and", "or") and sdoc[j + 2].lower_ in states:
        end = j + 2
    return j, end


def _counted_noun(sdoc, first: int, last: int, increments=frozenset()) -> int | None:
    """The noun a bare number counts: its syntactic head, or the noun right after it,
    across an increment word ("seven more Patriot systems")."""
    line_end = next(
        (k for k in range(last, min(len(sdoc), last + 8)) if "\n" in sdoc[k].whitespace_), None
    )
    limit = line_end if line_end is not None else len(sdoc) - 1
    for k in range(first, last + 1):
        tok = sdoc[k]
        head = tok.head
        if (
            tok.dep_ in ("nummod", "det", "quantmod", "amod", "compound")
            and head.pos_ in ("NOUN", "PROPN")
            and last < head.i <= limit
        ):
            return head.i
        # "seven more systems": the parser hangs the number on "more", which modifies the noun
        if head.lower_ in increments and head.i == last + 1:
            noun = head.head
            if noun.pos_ in ("NOUN", "PROPN") and last < noun.i <= limit:
                return noun.i
    nxt = last + 1
    if nxt <= limit and sdoc[nxt].lower_ in increments:
        nxt += 1
    while nxt <= limit and sdoc[nxt].pos_ in ("ADJ", "NOUN", "PROPN") and nxt - last <= 3:
        if sdoc[nxt].pos_ in ("NOUN", "PROPN") and (
            nxt + 1 >= len(sdoc) or sdoc[nxt + 1].pos_ not in ("NOUN", "PROPN")
        ):
            return nxt
        nxt += 1
    return None


def _noun_phrase(sdoc, noun: int, after: int) -> str:
    """The counted noun with its compound modifiers ("cargo flights", "Merkava tanks")."""
    tok = sdoc[noun]
    first = noun
    for child in tok.lefts:
        if (
            child.dep_ == "compound"
            and child.pos_ in ("NOUN", "PROPN")
            and after < child.i >= first - 1
        ):
            first = min(first, child.i)
    return sdoc[first : noun + 1].text


def _anchor(sdoc, first: int, last: int) -> int:
    """The token of the figure whose head links it into the sentence."""
    span = sdoc[first : last + 1]
    return span.root.i
