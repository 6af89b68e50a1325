"""Every figure a sentence holds, each with its kind: the quantity layer.

find_figures (quantities.py) reads the figures a claim can be made of. A sentence holds
more numbers than that, which the claim layer leaves out on purpose: an age ("a 48-year-old
nurse", "Dana Ortiz, 52,"), a length of time that places an event rather than measures
something ("three years later", "over the past four years"), a vague amount ("dozens of
homes", "tens of thousands of euros"), a determiner "one" ("one of the best riders",
"one motion"), and a spelled count that points back to things already named ("the two
firms"). `find_quantities` returns them all, the claim figures untouched (kind None) and the
others marked with their kind, so a reader of quantities sees every figure while claims stay
exactly what find_figures gives.
"""

from __future__ import annotations

import re

from . import amounts, counts, cues, numbers
from .nonfigures import TIME_UNITS
from .quantities import Figure, find_figures, qualifier_before
from .sentences import doc_text

AGE = "age"  # "a 48-year-old nurse", "Dana Ortiz, 52,"
TIME = "time"  # a length of time that places an event: "three years later"
VAGUE = "vague"  # "dozens of homes": a range of orders of magnitude
ONE = "one"  # "one of the best riders", "one motion"
RESTATED = "restated"  # "the two firms": a count of things already named
PART = "part"  # "3/4 of a cup": a fraction of one unit, a conversion rather than a fact

_AGE_SUFFIX = re.compile(r"^-(\w+)-old$", re.IGNORECASE)
_AGE_BEFORE = {"age"}  # "at age 45"; "aged 18 to 34" bounds a group, no one's age


def find_quantities(sdoc, chrome: tuple[tuple[int, int], ...] = ()) -> list[Figure]:
    """Every figure in the text, in text order: claim figures (kind None) and the figures
    of the kinds above, none from page chrome."""
    figures = find_figures(sdoc, chrome)
    taken = {k for f in figures for k in range(f.first, f.last + 1)}
    lex = cues.load("units")
    more: list[Figure] = []
    i, n = 0, len(sdoc)
    while i < n:
        fig = None if i in taken else _kind_figure(sdoc, i, lex)
        if fig is None or any(k in taken for k in range(fig.first, fig.last + 1)):
            i += 1
            continue
        if not any(s < fig.end and fig.start < e for s, e in chrome):
            more.append(fig)
        i = fig.last + 1
    return sorted([*figures, *more], key=lambda f: f.start)


def _kind_figure(sdoc, i: int, lex) -> Figure | None:
    for reader in (_vague, _one, _time_or_age, _apposed_age, _restated, _part):
        fig = reader(sdoc, i, lex)
        if fig is not None:
            return fig
    return None


def _make(sdoc, first: int, last: int, value: float, unit: str, kind: str, **more) -> Figure:
    """The Figure of kind `kind` over tokens first..last (any qualifier before them added);
    `more`: dimension (default "count"), counted, value_high."""
    qualifier, qstart = qualifier_before(sdoc, first, cues.load("units"))
    start, end = sdoc[qstart].idx, sdoc[last].idx + len(sdoc[last].text)
    return Figure(
        start=start,
        end=end,
        text=doc_text(sdoc)[start:end],
        value=value,
        unit=unit,
        qualifier=qualifier,
        counted=more.get("counted"),
        anchor=counts.anchor(sdoc, first, last),
        first=qstart,
        last=last,
        value_high=more.get("high"),
        dimension=more.get("dimension", "count"),
        kind=kind,
    )


def _time_or_age(sdoc, i: int, lex) -> Figure | None:
    """A number with a unit of time the claim layer left out: an age when "old" or "of age"
    follows ("48-year-old", "30 years old", "a 350 million-year-old fossil"), else a time
    reference ("three years later", "the past four years", "eight months after")."""
    a = amounts.read_amount(sdoc, i, lex)
    if a is None:
        return _hyphened_age(sdoc, i, lex)
    if a.unit is None or a.unit.name not in TIME_UNITS:
        return None
    if sdoc[a.num_first].ent_type_ == "ORDINAL" or a.value <= 0:
        return None
    if sdoc[a.num_first].lower_ in ("one", "a", "an"):
        return None  # "one day the river rose": a moment, no length
    k = a.last + 1
    if k < len(sdoc) and sdoc[k].text in ("-", "–"):
        k += 1
    after = " ".join(t.lower_ for t in sdoc[k : k + 2])
    old = after.split(" ")[0] == "old" or after == "of age"
    last = k if old and after.startswith("old") else a.last
    return _make(
        sdoc, a.first, last, a.value, a.unit.name, AGE if old else TIME, dimension="[time]"
    )


def _hyphened_age(sdoc, i: int, lex) -> Figure | None:
    """ "48-year-old", "14-month-old": the number, its unit of time and "old" in one chunk."""
    written = numbers.read_digits(sdoc, i)
    match = _AGE_SUFFIX.match(written.suffix) if written is not None else None
    unit = lex["units"].get(match.group(1).lower()) if match else None
    if unit is None or unit[0] not in TIME_UNITS or written.prefix:
        return None
    value = written.value * written.scale
    return _make(sdoc, i, written.last, value, unit[0], AGE, dimension="[time]")


def _apposed_age(sdoc, i: int, lex) -> Figure | None:
    """ "Dana Ortiz, 52, said", "Ortiz 52 left", "at age 45", "over the age of 23": a whole
    number of years set beside a person's name (between commas, or after a name the tagger
    calls a person), or after "age" / "the age of"."""
    tok = sdoc[i]
    if not (tok.text.isdigit() and 0 < int(tok.text) < 120):
        return None
    nxt = sdoc[i + 1] if i + 1 < len(sdoc) else None
    if nxt is not None and (nxt.like_num or nxt.pos_ in ("NOUN", "PROPN", "SYM")):
        return None  # "Ortiz 52 votes": a count
    prev = sdoc[i - 1] if i else None
    if prev is None:
        return None
    named = prev.text == "," and i >= 2 and sdoc[i - 2].pos_ == "PROPN" and nxt is not None
    named = named and (sdoc[i - 2].ent_type_ == "PERSON" or nxt.text == ",")
    named = named or (prev.ent_type_ == "PERSON" and prev.pos_ == "PROPN")
    after_of = prev.lower_ == "of" and i >= 2 and sdoc[i - 2].lower_ == "age"
    if named and nxt is not None and nxt.text not in (",", ")") and nxt.pos_ not in ("VERB", "AUX"):
        return None
    if not (named or after_of or prev.lower_ in _AGE_BEFORE):
        return None
    return _make(sdoc, i, i, float(tok.text), "years", AGE, dimension="[time]")


def _vague(sdoc, i: int, lex) -> Figure | None:
    """ "dozens of homes" (12 to 120), "tens of thousands of euros" (10,000 to 100,000),
    "hundreds of millions": each plural scale word multiplies, and the whole spans one
    order of magnitude from the product."""
    vague = cues.words("units", "vague_numbers")
    base, k = 1.0, i
    while k + 1 < len(sdoc) and sdoc[k].lower_ in vague and sdoc[k + 1].lower_ == "of":
        word = sdoc[k].lower_[:-1]
        factor = (lex.get("word_scales") or {}).get(word) or lex["number_words"].get(word)
        if factor is None:
            return None
        base *= float(factor)
        k += 2
    if k == i or (i > 1 and sdoc[i - 1].lower_ == "of" and sdoc[i - 2].lower_ in vague):
        return None
    last = k - 2  # the last scale word
    found = amounts.unit_after(sdoc, k, base, lex)
    if found is not None and found[0].dimension == "money":
        unit = found[0]
        return _make(sdoc, i, found[1], base, unit.name, VAGUE, dimension="money", high=base * 10)
    noun = _plural_ahead(sdoc, k)
    counted = counts.noun_phrase(sdoc, noun, last) if noun is not None else None
    return _make(sdoc, i, last, base, "count", VAGUE, counted=counted, high=base * 10)


def _one(sdoc, i: int, lex) -> Figure | None:
    """ "one of the best riders": one of a plural set; "one motion", "one count of
    fraud": a determiner one before a singular noun. Not "one day" (a time), "no one",
    "one another", "one of them"."""
    tok = sdoc[i]
    if tok.lower_ != "one" or tok.ent_type_ in ("DATE", "TIME") or i + 1 >= len(sdoc):
        return None
    prev = sdoc[i - 1].lower_ if i else ""
    if prev in ("no", "any", "every", "each", "this", "that", "which", "the"):
        return None
    nxt = sdoc[i + 1]
    if nxt.lower_ == "of":
        for k in range(i + 2, min(len(sdoc), i + 7)):
            if sdoc[k].tag_ in ("NNS", "NNPS"):
                words = sdoc[i + 2 : k + 1]
                while len(words) > 1 and words[0].pos_ == "DET":
                    words = words[1:]  # "the best riders" counts best riders
                return _make(sdoc, i, i, 1.0, "count", ONE, counted=words.text)
            if sdoc[k].pos_ not in ("DET", "ADJ", "ADV", "PROPN", "NOUN", "PART"):
                return None
        return None
    if tok.dep_ != "nummod" or nxt.lower_ in lex["units"]:
        return None
    noun = counts.counted_noun(sdoc, i, i)
    if noun is None or sdoc[noun].tag_ != "NN" or noun - i > 3:
        return None
    return _make(sdoc, i, i, 1.0, "count", ONE, counted=counts.noun_phrase(sdoc, noun, i))


def _restated(sdoc, i: int, lex) -> Figure | None:
    """ "the two firms", "its five launches": a spelled count after a word pointing back,
    before the plural noun it counts."""
    tok = sdoc[i]
    words = lex["number_words"]
    if tok.lower_ not in words or tok.lower_ in ("one", "zero", "half") or i == 0:
        return None
    prev = sdoc[i - 1]
    if prev.lower_ not in cues.words("units", "pointing_back") and prev.tag_ not in ("PRP$",):
        return None
    nxt = sdoc[i + 1] if i + 1 < len(sdoc) else None
    if nxt is None or nxt.tag_ not in ("NNS", "NNPS", "JJ"):
        return None
    noun = counts.counted_noun(sdoc, i, i)
    if noun is None or sdoc[noun].tag_ not in ("NNS", "NNPS"):
        return None
    value = float(words[tok.lower_])
    return _make(sdoc, i, i, value, "count", RESTATED, counted=counts.noun_phrase(sdoc, noun, i))


def _plural_ahead(sdoc, k: int) -> int | None:
    """The plural noun a few words from token k that a vague amount counts ("dozens of
    local firms", "thousands of COVID-19 tests")."""
    for j in range(k, min(len(sdoc), k + 5)):
        if sdoc[j].tag_ in ("NNS", "NNPS"):
            return j
        if sdoc[j].pos_ in ("AUX", "ADP") or sdoc[j].text in (",", ";", "."):
            return None
    return None


def _part(sdoc, i: int, lex) -> Figure | None:
    """ "3/4 of a cup", "3/4 of an inch": a fraction written in digits, of one unit named
    after "of a" (a word or two may qualify it: "of a US gallon")."""
    a = amounts.read_amount(sdoc, i, lex)
    written = sdoc[a.num_first : a.num_last + 1].text if a is not None else ""
    if a is None or a.unit is not None or not ("/" in written or "⁄" in written):
        return None
    k = a.last + 1
    if k + 2 >= len(sdoc) or sdoc[k].lower_ != "of" or sdoc[k + 1].lower_ not in ("a", "an"):
        return None
    for j in range(k + 2, min(len(sdoc), k + 5)):
        found = amounts.unit_after(sdoc, j, 1.0, lex)
        if found is not None:
            unit, end, _ = found
            return _make(sdoc, a.first, end, a.value, unit.name, PART, dimension=unit.dimension)
    return None
