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

import logging
import math
import re
from dataclasses import dataclass, replace
from fractions import Fraction

from . import amounts, counts, cues, nonfigures
from .amounts import Amount
from .sentences import doc_text

log = logging.getLogger(__name__)


_NOT_FIGURES = {"DATE", "TIME", "ORDINAL"}
_NAMES = {"WORK_OF_ART", "LAW", "ORG", "EVENT", "FAC", "PRODUCT", "PERSON"}
_GROWTH_HEADS = {"grow", "increase", "rise", "multiply", "jump", "expand", "climb", "soar"}
_RANGE_LINKS = {"-", "–", "—", "to", "or"}


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
    # None for a figure a claim can be made of; otherwise the kind of figure the claim
    # layer leaves out (extract/kinds.py): "age", "time", "vague", "one", "restated"
    kind: str | None = None


def find_figures(sdoc, chrome: tuple[tuple[int, int], ...] = ()) -> list[Figure]:
    """Every figure stating a fact, in text order; none from page chrome."""
    lex = cues.load("units")
    figures: list[Figure] = []
    may_start = _may_start(sdoc, lex)
    i = 0
    n = len(sdoc)
    while i < n:
        fig = _read_figure(sdoc, i, lex, figures) if may_start[i] else None
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


_DIGIT = re.compile(r"\d")  # what numbers._CHUNK needs to read a number: the same \d


def _may_start(sdoc, lex) -> list[bool]:
    """For each token, whether `_read_figure` can find a figure starting there: a word it
    reads (number, fraction, growth verb, scale, "a"/"half") or a digit in the glued chunk
    from it or from the next token (a currency written apart: "USD 5bn", "HK $5.4m"). The
    full reader costs hundreds of token reads; one pass over the tokens rules out most
    of them with a superset test, so what it finds is unchanged."""
    words = {"a", "an", "half"}
    for key in ("fractions", "number_words", "growth_verbs", "word_scales"):
        words.update(lex.get(key) or ())
    n = len(sdoc)
    # digit_run[j]: a digit in token j or in the tokens glued after it (no space between)
    digit_run = [False] * (n + 1)
    lowers: list[str] = [""] * n
    for tok in reversed(sdoc):
        j = tok.i
        lowers[j] = tok.lower_
        digit_run[j] = bool(_DIGIT.search(tok.text)) or (not tok.whitespace_ and digit_run[j + 1])
    return [digit_run[j] or digit_run[j + 1] or lowers[j] in words for j in range(n)]


def qualifier_before(sdoc, first: int, lex) -> tuple[str | None, int]:
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
    if tok.lower_ in lex["number_words"]:
        several = _fraction_multiple(sdoc, i, lex)
        if several is not None:
            return several
    growth = lex["growth_verbs"]
    if tok.lower_ in growth and _is_growth_word(sdoc, i):
        return _growth_figure(sdoc, i, float(growth[tok.lower_]), lex)
    amount = amounts.read_amount(sdoc, i, lex)
    if amount is None:
        return None
    share = _one_in(sdoc, amount, lex)
    if share is not None:
        return share
    amount, high = _range(sdoc, amount, lex)
    if high is not None and counts.year_like(sdoc, amount) and counts.year_like(sdoc, high):
        return None  # "between 1600 and 1900": a span of years, not an amount
    if not may_be_figure(sdoc, amount, lex):
        return None
    if amount.unit is None:
        amount = _partitive_unit(sdoc, amount, lex)
    if amount.unit is None:
        amount = _level_of_change(sdoc, amount, lex)
    if amount.unit is None:
        carried = _carried_unit(sdoc, amount, before, lex)
        if carried is not None:
            return carried
    return _figure(sdoc, amount, high, lex)


def _one_in(sdoc, a: Amount, lex) -> Figure | None:
    """ "one in five adults", "1 in 4 homes", "one out of three voters": a share (1/5), not a
    count of adults. "12 out of 40 drones" stays two counts: the part is a number of drones."""
    k = a.last + 1
    out_of = k + 2 < len(sdoc) and sdoc[k].lower_ == "out" and sdoc[k + 1].lower_ == "of"
    if out_of and a.value == 1:
        k += 1
    elif a.unit is not None or k + 1 >= len(sdoc) or sdoc[k].lower_ != "in":
        return None
    if a.unit is not None:
        return None
    whole = amounts.read_amount(sdoc, k + 1, lex)
    if whole is None or whole.unit is not None or not 0 < a.value < whole.value:
        return None
    if counts.year_like(sdoc, whole):
        return None  # "3 in 2019": a count in a year
    if a.value != int(a.value) or whole.value != int(whole.value):
        return None
    qualifier, qstart = qualifier_before(sdoc, a.first, lex)
    start, end = sdoc[qstart].idx, sdoc[whole.last].idx + len(sdoc[whole.last].text)
    return Figure(
        start=start,
        end=end,
        text=doc_text(sdoc)[start:end],
        value=a.value / whole.value,
        unit="ratio",
        qualifier=qualifier,
        counted=None,
        anchor=counts.anchor(sdoc, a.first, whole.last),
        first=qstart,
        last=whole.last,
        dimension="ratio",
    )


def _level_of_change(sdoc, a: Amount, lex) -> Amount:
    """ "7,412.35, up 21.4 points", "4.5bn, down $200m": a bare level followed by its
    change takes the change's unit; not a percent ("4.5 million, up 3%" is no percent)."""
    k = a.last + 1
    if k < len(sdoc) and sdoc[k].text == ",":
        k += 1
    if k + 1 >= len(sdoc) or sdoc[k].lower_ not in ("up", "down"):
        return a
    change = amounts.read_amount(sdoc, k + 1, lex)
    if change is None or change.unit is None or change.unit.dimension == "ratio":
        return a
    return amounts.with_unit(a, change.unit)


def _is_growth_word(sdoc, i: int) -> bool:
    """ "trade doubled", "prices tripled": a verb; not "double standards", "double-digit"."""
    tok = sdoc[i]
    if tok.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    nxt = sdoc[i + 1] if i + 1 < len(sdoc) else None
    return not (tok.pos_ == "ADJ" and nxt is not None and (nxt.text == "-" or tok.dep_ == "amod"))


def may_be_figure(sdoc, a: Amount, lex) -> bool:
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
        # "2.7M users" tagged a product: a million written with the digits names no model
        named = head.ent_type_ in _NAMES and head.ent_type_ != "PERSON" and a.scale < 1e6
        if named and _in_named_entity(head):
            return False
        if nonfigures.in_name(sdoc, first, last) or nonfigures.is_address(sdoc, first, last):
            return False
        if head.ent_type_ in _NOT_FIGURES and not nonfigures.is_duration(sdoc, last, lex):
            return _date_but_counts(sdoc, a)
    return True


def _in_named_entity(tok) -> bool:
    """The tagger's name around the number has a word in it ("iPhone 11", "Stoxx 600"); a
    name tag on the bare number alone ("to 3,005.47" as a PRODUCT) is the tagger's slip."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is None or any(t.is_alpha for t in ent)


def _date_but_counts(sdoc, a: Amount) -> bool:
    """ "sales of 5835 units": the tagger called it a date, but no year, month or day is
    written and a plain noun follows it."""
    text = sdoc[a.num_first].text
    if a.spelled or counts.year_like(sdoc, a) or not text.replace(",", "").isdigit():
        return False
    if len(text) > 4:
        return True  # "1204577", "12,400": more digits than any day, month or year has
    month_before = a.first > 0 and sdoc[a.first - 1].lower_ in counts.months()
    if _per_time(sdoc, a.last + 1) and not month_before:
        return True  # "35 per week": a rate the tagger took for a date; not "May 12 each year"
    nxt = sdoc[a.last + 1] if a.last + 1 < len(sdoc) else None
    return (
        nxt is not None
        and nxt.pos_ == "NOUN"
        and not nxt.ent_type_
        and nxt.lower_ not in cues.load("units")["units"]
    )


def _per_time(sdoc, k: int) -> bool:
    """ "per week", "a day", "each month" from token k: the number before it is a rate."""
    if k + 1 >= len(sdoc) or sdoc[k].lower_ not in ("per", "a", "an", "each", "every"):
        return False
    unit = cues.load("units")["units"].get(sdoc[k + 1].lower_)
    return unit is not None and unit[0] in nonfigures.TIME_UNITS


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
    if a.unit is None and other.unit is not None and counts.year_like(sdoc, a):
        return a, None  # "from $8.3 million in 2011 to $10.1 million": a year, then an amount
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
    if (
        link == "to"
        and a.unit is not None
        and other.unit is None
        and other.scale <= max(a.scale, 1.0)
    ):
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
        occasions = low == "times" and not _is_growth_times(sdoc, last + 1)
        if occasions and a.spelled:
            return None  # "deported five times" counts occasions, it is no growth factor
        # "circled the moon 4100 times" counts occasions written as a figure: a count
        factor = low in cues.words("units", "factor_words") and not occasions
        if factor or (low == "-" and last + 2 < n and sdoc[last + 2].lower_ in ("fold", "folds")):
            unit, dimension, last = "factor", "factor", last + 1 + (low == "-")
    qualifier, qstart = qualifier_before(sdoc, a.first, lex)
    counted = None
    if unit is None:
        read = counts.count(sdoc, a, qualifier, lex) or counts.noun_ahead(sdoc, a, lex)
        if read is None:
            return None
        counted, anchor = read
        unit = "count"
    else:
        if unit in nonfigures.TIME_UNITS and not nonfigures.is_measuring_duration(
            sdoc, a.first, last, lex
        ):
            return None
        anchor = counts.anchor(sdoc, a.first, last)
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


def _carried_unit(sdoc, a: Amount, before: list[Figure], lex) -> Figure | None:
    """ "435 homes by sale and 187 by tender", "3.9 million headsets, up from 2.4 million",
    "rose 2 percent while the other fell 1": a bare number takes the unit of the figure it
    is coordinated with or compared to, earlier in the same sentence."""
    if not before or a.spelled or counts.year_like(sdoc, a):
        return None
    prev, aside = before[-1], range(0)
    converted = _converted_before(sdoc, a, before)
    if converted is not None:
        # "2.4m yen ($22,000) for the 5 door and 2.3m ($21,000) for the 3 door": converted
        # like an earlier figure, in that figure's unit, whatever lies between
        prev, aside = converted, range(converted.last + 1, a.first)
    elif len(before) > 1 and _in_brackets(sdoc, prev):
        # "5 million yen ($45,000) and 4 million": the bracket converts the figure before it
        prev, aside = before[-2], range(prev.first, prev.last + 1)
    if prev.unit == "factor" or sdoc[prev.last].sent != sdoc[a.first].sent:
        return None
    if prev.unit == "count" and prev.counted is None:
        return None  # "a total of 49 ..., 17 of them": the noun is too far to carry
    noun = counts.counted_noun(sdoc, a.first, a.last, cues.words("units", "count_increments"))
    counts_noun = noun is not None and not counts.places_in_time(sdoc, a.last, noun)
    if counts_noun and not _parallel_label(sdoc, prev, a, noun):
        return None
    between = sdoc[prev.last + 1 : a.first]
    # a year between them ("-1.4 degrees in 2018 and 2.1 last year") is no third figure
    numbers = [t for t in between if t.like_num and t.i not in aside]
    if len(between) > 15 or any(not counts.YEAR.match(t.text) for t in numbers):
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
    qualifier, qstart = qualifier_before(sdoc, a.first, lex)
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
        anchor=counts.anchor(sdoc, a.first, a.last),
        first=qstart,
        last=a.last,
        dimension=prev.dimension,
    )


def _parallel_label(sdoc, prev: Figure, a: Amount, noun: int) -> bool:
    """ "30 mpg city and 38 highway": a measure and a bare number each labelled by a
    singular noun right after them; the label names a case, the number is in the unit."""
    after_prev = prev.last + 1
    return (
        prev.unit not in ("count", "ratio", "factor")
        and noun == a.last + 1
        and sdoc[noun].tag_ == "NN"
        and after_prev < len(sdoc)
        and sdoc[after_prev].tag_ == "NN"
    )


def _converted_before(sdoc, a: Amount, before: list[Figure]) -> Figure | None:
    """When a bracket right after the amount converts it ("2.3m ($21,000)"), the last
    earlier figure that a bracket also converted."""
    k = a.last + 1
    if k + 1 >= len(sdoc) or sdoc[k].text != "(":
        return None
    for fig, nxt in zip(reversed(before[:-1]), reversed(before[1:]), strict=True):
        if _in_brackets(sdoc, nxt) and nxt.first == fig.last + 2 and fig.unit != "count":
            return fig
    return None


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
    return _share(sdoc, first, i, float(Fraction(str(lex["fractions"][tok.lower_]))), lex)


def _fraction_multiple(sdoc, i: int, lex) -> Figure | None:
    """ "two-thirds of voters", "nearly three quarters": a number word then a plural
    fraction is a share (2/3, 3/4), not a count of thirds."""
    j = i + 1
    if j < len(sdoc) and sdoc[j].text in ("-", "–") and not sdoc[i].whitespace_:
        j += 1
    plurals = lex.get("fraction_plurals") or {}
    if j >= len(sdoc) or sdoc[j].lower_ not in plurals:
        return None
    count = float(lex["number_words"][sdoc[i].lower_])
    return _share(sdoc, i, j, count * float(Fraction(str(plurals[sdoc[j].lower_]))), lex)


def _share(sdoc, first: int, last: int, value: float, lex) -> Figure:
    """A share written in words, tokens `first` to `last`, with any qualifier before it."""
    qualifier, qstart = qualifier_before(sdoc, first, lex)
    start, end = sdoc[qstart].idx, sdoc[last].idx + len(sdoc[last].text)
    return Figure(
        start=start,
        end=end,
        text=doc_text(sdoc)[start:end],
        value=value,
        unit="ratio",
        qualifier=qualifier,
        counted=None,
        anchor=last,
        first=qstart,
        last=last,
        dimension="ratio",
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
    nxt = sdoc[j + 1] if j + 1 < len(sdoc) else None
    if nxt is not None and nxt.lower_ in ("more", "as", "the", "over"):
        return True
    if nxt is not None and nxt.tag_ in ("JJR", "RBR"):
        return True  # "four times faster", "ten times cheaper": any comparative
    head = sdoc[j].head
    return head.lemma_.lower() in _GROWTH_HEADS
