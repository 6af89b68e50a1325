"""Figures in a parsed text: "$4.85 billion", "69%", "twenty percent", "92 cargo flights",
"700-kilometer", "44 days", "roughly doubled", "nearly six folds".

spaCy's entity recogniser is used only as a hint: the small English pipeline merges two
figures into one MONEY entity ("US$1.1bn and €3") and leaves counts bare ("92" without
"cargo flights"), so figures are read token by token with the units lexicon
(data/units.yaml), and NER labels only rule numbers out (dates, times, ordinals).
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass

from . import cues
from .sentences import doc_text

log = logging.getLogger(__name__)

_DIGITS = re.compile(r"^(\d[\d,]*(?:\.\d+)?|\.\d+)([a-z]*)$", re.IGNORECASE)
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_NOT_FIGURES = {"DATE", "TIME", "ORDINAL"}
_TOTALS = {"total", "tally", "number", "count"}
_NAMES = {"WORK_OF_ART", "LAW", "ORG", "EVENT", "FAC", "PRODUCT", "PERSON"}
_GROWTH_HEADS = {"grow", "increase", "rise", "multiply", "jump", "expand", "climb", "soar"}


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure found in the text, before it becomes a Claim."""

    start: int  # character span of the figure as written, qualifier included
    end: int
    text: str
    value: float
    unit: str  # ratio | USD (or another currency code) | count | km | days | years | factor
    qualifier: str | None
    counted: str | None  # the thing counted ("cargo flights")
    anchor: int  # token index from which the figure's place in the parse is read
    first: int  # token indices of the figure itself (first, last inclusive)
    last: int


def find_figures(sdoc, chrome: tuple[tuple[int, int], ...] = ()) -> list[Figure]:
    """Every figure stating a fact, in text order; none from page chrome."""
    lex = cues.load("units")
    figures: list[Figure] = []
    i = 0
    n = len(sdoc)
    while i < n:
        fig = _read_figure(sdoc, i, lex)
        if fig is None and figures:
            fig = _tally_figure(sdoc, i, figures[-1], lex)
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


def _number_word(token, lex) -> float | None:
    return lex["number_words"].get(token.lower_)


def _read_number(sdoc, i: int, lex) -> tuple[float, int, str] | None:
    """(value, index of the last number token, suffix written on the digits) at token i."""
    tok = sdoc[i]
    m = _DIGITS.match(tok.text)
    if m:
        digits, last = m.group(1).replace(",", ""), i
        # "2 000 cases": thousands separated by a space
        while (
            not m.group(2)
            and tok.whitespace_ == " "
            and last + 1 < len(sdoc)
            and re.fullmatch(r"\d{3}", sdoc[last + 1].text)
            and "." not in digits
        ):
            last += 1
            digits += sdoc[last].text
            tok = sdoc[last]
        try:
            value = float(digits)
        except ValueError:
            return None
        return value, last, m.group(2).lower()
    value = _number_word(tok, lex)
    if value is None or tok.lower_ == "half":
        return None
    last = i
    # "twenty five", "twenty-five", "a hundred"
    j = i + 1
    if j < len(sdoc) and sdoc[j].text == "-" and j + 1 < len(sdoc):
        j += 1
    if j < len(sdoc) and value >= 20 and value % 10 == 0:
        nxt = _number_word(sdoc[j], lex)
        if nxt is not None and 0 < nxt < 10:
            value += nxt
            last = j
    return value, last, ""


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


def _read_figure(sdoc, i: int, lex) -> Figure | None:
    tok = sdoc[i]
    if tok.lower_ in (lex.get("fractions") or {}):
        return _fraction_figure(sdoc, i, lex)
    growth = lex["growth_verbs"]
    if tok.lower_ in growth and tok.pos_ in ("VERB", "AUX", "ADJ"):
        return _growth_figure(sdoc, i, float(growth[tok.lower_]), lex)
    currencies = lex["currencies"]
    currency = None
    first = i
    if tok.lower_ in currencies and tok.pos_ in ("SYM", "NOUN", "PROPN", "X", "NUM"):
        if not tok.text.isalpha() and i + 1 < len(sdoc):
            currency = currencies[tok.lower_]
            i += 1
        else:
            return None
    read = _read_number(sdoc, i, lex)
    if read is None:
        return None
    if sdoc[i].ent_type_ in _NAMES or (
        not sdoc[i].is_sent_start and sdoc[i].text[0].isupper() and sdoc[i].is_alpha
    ):
        return None  # "the Ten Commandments", "Fifth Avenue": part of a name
    if i > 0 and sdoc[i - 1].lower_ in lex.get("vague_before", ()):
        return None  # "several hundred dollars"
    value, last, suffix = read
    if sdoc[i].ent_type_ in _NOT_FIGURES and not _is_duration(sdoc, i, last, lex):
        return None
    if _is_calibre(sdoc, last, suffix, lex):
        return None
    if _is_list_marker(sdoc, i):
        return None
    scales = lex["scales"]
    if suffix:
        if suffix in scales and (currency or len(suffix) > 1):
            value *= scales[suffix]
        elif suffix in ("st", "nd", "rd", "th"):
            return None
    j = last + 1
    n = len(sdoc)
    if j < n and sdoc[j].lower_ in scales:
        word = sdoc[j].lower_
        if len(word) > 1 or currency:
            value *= scales[word]
            last = j
            j += 1
    unit = None
    # unit words after the number: "percent", "per cent", "dollars", "-kilometer", "folds"
    if j < n:
        t = sdoc[j]
        low = t.lower_
        two = f"{low} {sdoc[j + 1].lower_}" if j + 1 < n else ""
        percent = cues.words("units", "percent")
        units = lex["units"]
        if low in percent:
            unit, value, last = "ratio", value / 100, j
        elif two in percent:
            unit, value, last = "ratio", value / 100, j + 1
        elif low in currencies and t.text.isalpha():
            currency, last = currency or currencies[low], j
        elif low == "times" and not _is_growth_times(sdoc, j):
            return None  # "deported five times" counts occasions, it is no growth factor
        elif low in cues.words("units", "factor_words") or (
            low == "-" and j + 1 < n and (sdoc[j + 1].lower_ in ("fold", "folds"))
        ):
            unit, last = "factor", j + (1 if low == "-" else 0)
        elif low == "-" and j + 1 < n and sdoc[j + 1].lower_ in units:
            name, mult = units[sdoc[j + 1].lower_]
            unit, value, last = name, value * mult, j + 1
        elif two in units:
            name, mult = units[two]
            unit, value, last = name, value * mult, j + 1
        elif low in units:
            name, mult = units[low]
            unit, value, last = name, value * mult, j
    if currency:
        unit = currency
    qualifier, qstart = _qualifier(sdoc, first, lex)
    counted = None
    if unit is None:
        if _YEAR.match(sdoc[i].text) or (value < 2 and not sdoc[i].like_num):
            return None
        if sdoc[i].lower_ in cues.words("units", "vague_numbers"):
            return None
        increments = cues.words("units", "count_increments")
        bounded = qualifier is not None or (last + 1 < n and sdoc[last + 1].lower_ in increments)
        if not sdoc[i].text[0].isdigit() and value < 10 and not bounded:
            return None  # "the two countries": a spelled-out small number is rarely a statistic
        noun = _counted_noun(sdoc, first, last, increments)
        state = None if noun is not None else _counted_state(sdoc, last, lex)
        if noun is not None:
            counted = _noun_phrase(sdoc, noun)
            anchor = noun
        elif state is not None:
            counted = sdoc[state[0] : state[1] + 1].text
            anchor = state[0]  # what the count measures is the state ("killed")
        elif any(t.lower_ in _TOTALS for t in sdoc[max(0, first - 3) : first]):
            anchor = i  # "bringing the total to 103": a count whose noun came before
        else:
            return None
        unit = "count"
    else:
        if unit in ("hours", "days", "weeks", "months", "years") and not _is_measuring_duration(
            sdoc, i, last, lex
        ):
            return None
        anchor = _anchor(sdoc, first, last)
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
    if tok.ent_type_ in _NOT_FIGURES:
        return None
    prev = sdoc[i - 1].lower_ if i else ""
    nxt = sdoc[i + 1].lower_ if i + 1 < len(sdoc) else ""
    if prev in _NOT_FRACTION_BEFORE or nxt in _NOT_FRACTION_AFTER:
        return None
    if prev not in _FRACTION_BEFORE and nxt != "of":
        return None
    first = i - 1 if prev in ("a", "one") else i
    qualifier, qstart = _qualifier(sdoc, first, lex)
    start = sdoc[qstart].idx
    end = tok.idx + len(tok.text)
    return Figure(
        start=start,
        end=end,
        text=doc_text(sdoc)[start:end],
        value=float(lex["fractions"][tok.lower_]),
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


def _tally_figure(sdoc, i: int, before: Figure, lex) -> Figure | None:
    """ "79 votes to 18": the number after a tally link counts what the count before it
    counted, though no noun follows it."""
    if (
        before.unit != "count"
        or before.counted is None
        or i < 2
        or before.anchor != i - 2
        or sdoc[i - 1].lower_ not in cues.words("units", "tally_links")
        or not sdoc[i].text[0].isdigit()
        or sdoc[i].ent_type_ in _NOT_FIGURES
        or _YEAR.match(sdoc[i].text)
    ):
        return None
    read = _read_number(sdoc, i, lex)
    if read is None or read[2]:
        return None
    value, last, _suffix = read
    nxt = sdoc[last + 1] if last + 1 < len(sdoc) else None
    if nxt is not None and (nxt.pos_ in ("NOUN", "PROPN", "NUM") or nxt.text in ("%", "-")):
        return None  # "20 cases to 30 deaths", "10 tonnes to 12%": another figure's own unit
    start = sdoc[i].idx
    end = sdoc[last].idx + len(sdoc[last].text)
    return Figure(
        start=start,
        end=end,
        text=doc_text(sdoc)[start:end],
        value=value,
        unit="count",
        qualifier=None,
        counted=before.counted,
        anchor=i,
        first=i,
        last=last,
    )


def _is_calibre(sdoc, last: int, suffix: str, lex) -> bool:
    """ "155mm shells", "a 120-mm mortar", "5.56 mm rounds": the calibre of a weapon."""
    calibres = cues.words("units", "calibre_units")
    if suffix:
        return suffix in calibres
    j = last + 1
    hyphen = j < len(sdoc) and sdoc[j].text == "-"
    if hyphen:
        j += 1
    if j >= len(sdoc) or sdoc[j].lower_ not in calibres:
        return False
    nxt = sdoc[j + 1] if j + 1 < len(sdoc) else None
    # written before the thing it sizes; "50 millimetres of rain" measures instead
    return hyphen or (nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ"))


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


def _is_list_marker(sdoc, i: int) -> bool:
    """ "1." or "a)" opening a line is a list marker, not a figure."""
    tok = sdoc[i]
    line_start = i == 0 or "\n" in sdoc[i - 1].whitespace_ or "\n" in sdoc[i - 1].text
    nxt = sdoc[i + 1].text if i + 1 < len(sdoc) else ""
    return (line_start and nxt in (".", ")", ":")) or (tok.text.endswith(".") and line_start)


def _is_duration(sdoc, first: int, last: int, lex) -> bool:
    """A number the NER called a DATE that is a length of time ("44 days", "30 years")."""
    nxt = sdoc[last + 1] if last + 1 < len(sdoc) else None
    if nxt is not None and nxt.text == "-" and last + 2 < len(sdoc):
        nxt = sdoc[last + 2]  # "the 44-day war"
    if nxt is None or nxt.lower_ not in lex["units"]:
        return False
    return lex["units"][nxt.lower_][0] in ("hours", "days", "weeks", "months", "years")


def _is_measuring_duration(sdoc, first: int, last: int, lex) -> bool:
    """ "for 30 years" measures something; "19 years ago", "over 7 years", "within two weeks",
    "the past seven years" place an event or bound a period instead."""
    blockers = lex["duration_blockers"]
    if first > 0 and sdoc[first - 1].lower_ in blockers["before"]:
        overrides = cues.words("units", "duration_of_overrides")
        if sdoc[first - 1].lower_ not in overrides or not _measures_noun(sdoc, last):
            return False
    if sdoc[first].lower_ in ("one", "a", "an"):
        return False  # "one day a student saw ...": a time, not a length
    after = " ".join(t.lower_ for t in sdoc[last + 1 : last + 3])
    if after in blockers.get("after_phrases", ()):
        return False
    nxt = last + 1
    if nxt < len(sdoc) and sdoc[nxt].text == "-":
        nxt += 1  # "a 37-year-old man": an age, whatever the hyphens
    return not (nxt < len(sdoc) and sdoc[nxt].lower_ in blockers["after"])


def _measures_noun(sdoc, last: int) -> bool:
    """ "six months of delay", "44 days of heavy fighting": a length of something."""
    k = last + 1
    if k >= len(sdoc) or sdoc[k].lower_ != "of":
        return False
    k += 1
    if k < len(sdoc) and sdoc[k].pos_ == "ADJ":
        k += 1
    return k < len(sdoc) and sdoc[k].pos_ == "NOUN" and not sdoc[k].ent_type_


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


def _noun_phrase(sdoc, noun: int) -> str:
    """The counted noun with its compound modifiers ("cargo flights", "Merkava tanks")."""
    tok = sdoc[noun]
    first = noun
    for child in tok.lefts:
        if child.dep_ == "compound" and child.pos_ in ("NOUN", "PROPN") and child.i >= first - 1:
            first = min(first, child.i)
    return sdoc[first : noun + 1].text


def _anchor(sdoc, first: int, last: int) -> int:
    """The token of the figure whose head links it into the sentence."""
    span = sdoc[first : last + 1]
    return span.root.i
