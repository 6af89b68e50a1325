"""An amount: a number with its currency, scale and unit, however they are written around
it ("USD10m", "HK $5.4m", "RM23.50", "€3 bn", "24pc", "+0.2%", "8.99 Australian dollars",
"640bhp", "2.4-liter", "15 to 22 miles per hour").

`read_amount` reads one at a token; quantities.py decides whether it is a figure (counts,
dates, names) and joins ranges. Currencies and units are looked up in extract/units.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import cues, numbers, units
from .units import Unit

RATIO = Unit("ratio", "ratio")
# 1st, 1990s, 2022's (any apostrophe or prime), 5G, 4x
_CLOSED_SUFFIXES = re.compile(r"^(st|nd|rd|th|s|['’′]s|d|g|x)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Amount:
    value: float  # scale applied
    scale: float  # the scale letter or word applied (1 when none)
    first: int  # token span: currency sign, number, scale, unit
    last: int
    num_first: int  # the number's own tokens
    num_last: int
    unit: Unit | None
    spelled: bool
    suffix: str  # what was glued after the digits, as written
    marked: bool  # a currency, unit or percent was written with it


def read_amount(sdoc, i: int, lex) -> Amount | None:
    """The amount whose first token is i, or None."""
    code, start = _currency_before(sdoc, i)
    written = numbers.read_digits(sdoc, start)
    if written is not None and written.prefix and (code is None or written.prefix != "$"):
        code = units.currency(written.prefix)
        if code is None:
            return None  # "S22", "G70", "V10": letters glued before digits name a model
    if written is None:
        if code is not None:
            return None
        written = numbers.read_words(sdoc, i, lex)
        if written is None:
            return None
    else:
        written = numbers.digits_then_words(sdoc, written, lex)
    return _with_unit(sdoc, i, written, code, lex)


def _currency_before(sdoc, i: int) -> tuple[str | None, int]:
    """A currency written as its own token(s) before the number: "USD 10m", "HK $5.4m",
    "S $1mil". Returns (code, index where the number's chunk starts)."""
    tok = sdoc[i]
    nxt = sdoc[i + 1] if i + 1 < len(sdoc) else None
    if nxt is None:
        return None, i
    letters = tok.text.isalpha() and len(tok.text) <= 3 and tok.text.isupper()
    if letters and tok.whitespace_ and nxt.text.startswith("$"):
        code = units.currency(tok.text + "$")
        if code is not None:
            return code, i + 1  # "HK $5.4m": the sign's own chunk carries the digits
    written_apart = tok.whitespace_ and nxt.text[:1].isdigit()
    # "USD 5bn", "€ 5", "Rs 500", "RM 20": a code, a sign, or a short capitalised symbol
    short = len(tok.text.rstrip(".")) <= 3 and tok.text[:1].isupper()
    if short and tok.text.isupper() and not units.is_symbol(tok.text):
        short = False  # "PS 5" is a games console; "PS2.7m" glued is pounds
    if written_apart and (units.is_iso_code(tok.text) or not tok.text.isalpha() or short):
        code = units.currency(tok.text)
        if code is not None:
            return code, i + 1
    return None, i


def _with_unit(sdoc, i: int, w: numbers.Written, code: str | None, lex) -> Amount | None:
    """The number's scale and unit: glued after it, or in the words that follow."""
    value, scale, last, unit = w.value, w.scale, w.last, None
    suffix = w.suffix
    if code is not None:
        unit = Unit(code, units.MONEY)
    if suffix:
        read = _glued(sdoc, w, suffix, code, lex)
        if read is None:
            return None
        glued_scale, glued_unit = read
        unit = unit or glued_unit
        value *= glued_scale
        scale *= glued_scale
    j = last + 1
    scales = lex["scales"]
    if j < len(sdoc) and sdoc[j].lower_ in scales and scale == 1.0:
        word = sdoc[j].lower_
        # "5.4 m" after a currency, "8 B people"; "3 m" alone is three metres
        money = unit is not None and unit.dimension == units.MONEY
        # "2.7 M sales": a capital M apart from the number is millions, never metres
        if len(word) > 1 or money or sdoc[j].text == "M" or _million_context(sdoc, j):
            scale = float(scales[word])
            value *= scale
            last = j
    if unit is None or unit.dimension == units.MONEY:
        after = unit_after(sdoc, last + 1, scale, lex)
        if after is not None:
            found, end, factor = after
            if unit is None or found.dimension == units.MONEY:
                unit = found
                value *= factor
                last = end
    marked = unit is not None
    first = i
    if i > 0 and sdoc[i - 1].lower_ == "minus" and value > 0:
        value, first = -value, i - 1  # "minus 40 degrees"
    return Amount(value, scale, first, last, w.first, w.last, unit, w.spelled, suffix, marked)


def _glued(sdoc, w: numbers.Written, suffix: str, code, lex) -> tuple[float, Unit | None] | None:
    """(scale, unit) of what is written against the digits: "m", "bn", "pc", "%", "kW",
    "-liter". None when the suffix makes it no amount ("1st", "1990s", "1.56pm", "5G")."""
    scales = lex["scales"]
    suffix = re.split(r"[()\[\]]", suffix)[0]  # "121ft)-long"
    low = suffix.lower().lstrip("-")
    if not low:
        return 1.0, None  # "7- or 8-inch": the hyphen waits for the unit after the range
    if low in scales:
        # a metre is "m"; "2.7M" in capitals is millions whatever follows
        if suffix == "m" and code is None and not _million_context(sdoc, w.last):
            return 1.0, units.physical_unit("m", glued=True)  # "a 37m skeleton": metres
        return float(scales[low]), None
    glued_code = units.currency(suffix) if not suffix.isalpha() else None
    if glued_code is not None and code is None:
        return 1.0, Unit(glued_code, units.MONEY)  # "1,200€"
    if low in cues.words("units", "percent"):
        return 0.01, RATIO  # "24pc": a ratio, like "69%" -> 0.69
    if code is None and suffix.startswith("-") and not low.replace("-", "").isalpha():
        return None
    if code is not None and suffix.startswith("-") and low not in scales:
        return 1.0, None  # "$15-an-hour", "$400,000-a-year": money with its rate
    if low in cues.words("units", "plus_suffixes"):
        return 1.0, None  # "2,000-plus volunteers"
    if low in cues.words("units", "factor_words"):
        return 1.0, Unit("factor", "factor")  # "17-fold"
    sub = (lex.get("subunit_suffixes") or {}).get(low)
    if sub is not None and code is None:
        return float(sub[1]), Unit(str(sub[0]), units.MONEY)  # "164p": pence, in pounds
    if suffix == "g" and code is None:
        pass  # "60g" weighs; "5G" (a generation) is written in capitals
    elif _CLOSED_SUFFIXES.match(low) or low in cues.words("units", "clock_words"):
        return None
    # "1.1bn", "3.06mil" are scales; "10kW", "1.5mm", "640bhp", "25.5″" units
    for size in range(len(low), 0, -1):
        head, rest = low[:size], low[size:]
        if head in scales and rest and rest in cues.words("units", "percent"):
            return float(scales[head]) / 100, RATIO
    unit = units.lexicon_unit(low) or units.physical_unit(suffix.lstrip("-"), glued=True)
    if unit is None:
        # "a 12-member panel", "an 18-hole course": the number counts the word glued to it
        # (quantities.py reads it from the suffix); "37-year-old" stays no amount
        return (1.0, None) if suffix.startswith("-") and low.isalpha() else None
    return 1.0, unit


def _million_context(sdoc, last: int) -> bool:
    """ "12m users", "3m people": an "m" before a plural noun is a million, not metres."""
    nxt = sdoc[last + 1] if last + 1 < len(sdoc) else None
    return nxt is not None and nxt.tag_ in ("NNS", "NNPS")


def unit_after(sdoc, j: int, scale: float, lex) -> tuple[Unit, int, float] | None:
    """The unit written in the words from token j: "percent", "per cent", "Australian
    dollars", "-kilometer", "miles per hour", "sq m". (unit, last token, multiplier)."""
    n = len(sdoc)
    if j >= n:
        return None
    hyphen = sdoc[j].text in ("-", "–") and j + 1 < n and not sdoc[j].whitespace_
    start = j + 1 if hyphen else j
    percent = cues.words("units", "percent")
    for size in (4, 3, 2, 1):
        end = start + size - 1
        if end >= n or any(t.is_punct and t.text not in _UNIT_PUNCT for t in sdoc[start : end + 1]):
            continue
        if size > 1 and (sdoc[end].is_punct or any(t.is_space for t in sdoc[start : end + 1])):
            continue  # "68 degrees." ends the sentence; "sq. ft" keeps its inner dot
        words = " ".join(t.text for t in sdoc[start : end + 1])
        written = sdoc[start : end + 1].text  # "km/h", "lb-ft" as written
        low = words.lower()
        if low in percent:
            return RATIO, end, 1 / 100
        if not hyphen:
            code = units.currency(words) if not sdoc[start].is_punct else None
            if code is not None and low in cues.words("units", "currency_before_only"):
                code = None  # "245 PS" is metric horsepower; "PS18,400" is pounds
            if code is not None and _of_after(sdoc, end) and units.physical_unit(words):
                code = None  # "3 drams of oil": a name both a currency and a unit weighs
            if code is not None and (sdoc[start].is_alpha or size > 1):
                if low in ("pound", "pounds") and scale == 1.0:
                    break  # "half a pound" weighs
                return Unit(code, units.MONEY), end, 1.0
        found = units.lexicon_unit(low)
        if found is not None:
            return found, end, found.multiplier
        if low in ("pound", "pounds") and scale > 1.0 and not _of_after(sdoc, end):
            return Unit("GBP", units.MONEY), end, 1.0  # "5 million pounds" is money
        found = _pint_unit(words, written, size)
        if found is not None and (size > 1 or sdoc[start].pos_ in _UNIT_POS):
            return found, end, 1.0
    return None


def _pint_unit(words: str, written: str, size: int) -> Unit | None:
    """A unit of one word, or of words joined into one ("miles per hour", "km/h", "lb-ft");
    pint names some with an underscore ("nautical miles" -> nautical_mile). Words merely
    side by side are no unit: pint would read "tonnes in" as tonne-inches."""
    if size == 1 or " " not in written:
        return units.physical_unit(written)
    if _joined(words):
        return units.physical_unit(written)
    if size == 2:
        return units.physical_unit(words.replace(" ", "_"))
    return None


def _of_after(sdoc, end: int) -> bool:
    return end + 1 < len(sdoc) and sdoc[end + 1].lower_ == "of"


_UNIT_PUNCT = ("/", "″", '"', "-", "°", ".")  # "km/h", "lb-ft", "°C", "sq. ft."
_UNIT_POS = ("NOUN", "PROPN", "X", "SYM", "ADJ", "NUM")
_JOINERS = ("per", "/", "square", "sq", "cubic", "degree", "degrees", "°")


def _joined(words: str) -> bool:
    """ "miles per hour", "kV/cm", "sq m", "degrees Celsius": words that make one unit."""
    parts = words.split()
    return any(j in parts for j in _JOINERS) or "/" in words


def with_unit(amount: Amount, unit: Unit | None, scale: float = 1.0) -> Amount:
    """The amount given a unit or scale read elsewhere ("$4 to $7 million": the scale of the
    upper end applies to the lower)."""
    return replace(
        amount,
        unit=unit,
        value=amount.value * scale,
        scale=amount.scale * scale,
        marked=amount.marked or unit is not None,
    )
