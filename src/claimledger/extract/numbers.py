"""Numbers as written in news text, before any unit: digits glued to what surrounds them
("USD10m", "RM23.50", "24pc", "+0.2", "minus-130", "1/2"), thousands split by a space
("2 000"), and number words however compounded ("twenty-eight thousand six hundred
forty-two", "4 hundred million", "a half-dozen", "three dozen").

A chunk is the run of tokens with no space between them ("$", "US113" -> "$US113"): the
tokenizer splits glued forms differently each time, so the chunk's text, not its tokens, is
read with one pattern. Scale words and units come from data/units.yaml (`scales`,
`number_words`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# prefix (currency), sign, digits, suffix (scale letter, unit, "pc"): one glued chunk.
_CHUNK = re.compile(
    r"^(?P<pre>[^\d+\-−~.]*?)"
    r"(?P<sign>minus-|[+\-−~])?"
    r"(?P<num>\d[\d,]*(?:\.\d+)?|\.\d+)"
    # "1.99×10−30", "6.02x10^23": scientific notation whose superscript became plain text;
    # the exponent needs its caret or sign, since "×1023" cannot say where the 10 ends
    r"(?:[×x]10(?:(?:\^|\*\*)(?P<exp>[+\-−]?\d+)|(?P<sexp>[\-−+]\d+)))?"
    r"(?:[/⁄](?P<den>\d+))?"  # "1/2", "1⁄32" (the fraction slash)
    # a unit's power may close the suffix: "28m2", "5km2"
    r"(?P<suf>[^\d]*?(?:(?<=[a-z])[23])?)$",
    re.IGNORECASE,
)
_WORD_PREFIX = re.compile(r"^[a-z]{2,}-(?=\d)")
_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$|^\.\d+$")
# Punctuation around a chunk that belongs to the sentence, not to the figure.
_OUTER = "()[]{},;:!?\"'“”‘’"


@dataclass(frozen=True, slots=True)
class Written:
    """A number read from the text: its value, token span, and what was glued to it."""

    value: float
    first: int  # token indices, inclusive
    last: int
    prefix: str = ""  # "US$", "RM", "AUD" written before the digits in the same chunk
    suffix: str = ""  # "m", "bn", "pc", "kw" written after them
    spelled: bool = False  # written as words ("twenty")
    scale: float = 1.0  # the scale words read with it ("4 hundred million" -> 1e8)


def chunk_end(sdoc, i: int) -> int:
    """Index of the last token glued to token i (no whitespace in between), short of a
    full stop that ends the sentence ("$1,800."). A line break is a token of its own with no
    whitespace before it: it ends the chunk ("reach 85.5%" ending a headline's line)."""
    j = i
    while (
        j + 1 < len(sdoc)
        and not sdoc[j].whitespace_
        and sdoc[j + 1].text not in _OUTER
        and not sdoc[j + 1].is_space
    ):
        j += 1
    while j > i and sdoc[j].text == "." and sdoc[j].is_punct:
        j -= 1
    return j


def read_digits(sdoc, i: int) -> Written | None:
    """A number written with digits that starts in token i, with its glued prefix/suffix.

    Token i must begin the chunk or hold its first digit: "$", "US113" is read from "$"."""
    if sdoc[i].text in _OUTER:
        return None
    end = chunk_end(sdoc, i)
    m = _match(sdoc, i, end)
    if m is None and end > i:
        end = i  # "5-10W", "16-18": the chunk holds a range; read its first number alone
        m = _match(sdoc, i, end)
    if m is None:
        return None
    digits = m.group("num").replace(",", "")
    value = float(digits)
    exponent = m.group("exp") or m.group("sexp")
    if exponent:
        value *= 10.0 ** int(exponent.replace("−", "-"))
    if m.group("den"):
        den = float(m.group("den"))
        if den == 0:
            return None
        value /= den  # "1/2 pound"
    sign = (m.group("sign") or "").lower()
    if sign in ("-", "−", "minus-") and (m.group("pre") or i == 0 or sdoc[i - 1].whitespace_):
        value = -value  # "$-50.8bn", "minus-130"; not the "-" of "5-10"
    last = end
    suffix = m.group("suf").rstrip(".")
    # "2 000 cases": thousands separated by a space
    while (
        not suffix
        and not m.group("den")
        and "." not in digits
        and sdoc[last].whitespace_ == " "
        and last + 1 < len(sdoc)
        and re.fullmatch(r"\d{3}", sdoc[last + 1].text)
    ):
        last += 1
        digits += sdoc[last].text
        value = float(digits)
    return Written(value, i, last, prefix=m.group("pre"), suffix=suffix)


def _match(sdoc, i: int, end: int):
    text = "".join(t.text for t in sdoc[i : end + 1]).strip(_OUTER)
    # "sub-300", "over-65s": a word prefix joined by a hyphen says nothing of the value
    text = _WORD_PREFIX.sub("", text)
    m = _CHUNK.match(text)
    if m is None or not _GROUPED.match(m.group("num")):
        return None
    return m


def read_words(sdoc, i: int, lex) -> Written | None:
    """A number written in words from token i: "twenty-eight thousand six hundred forty-two",
    "a hundred", "three dozen", "a half-dozen"; also digits followed by number words
    ("4 hundred million")."""
    small = lex["number_words"]
    scales = lex["word_scales"]
    prev = sdoc[i - 1].lower_ if i else ""
    if prev in small or prev in scales or (prev == "-" and i > 1 and sdoc[i - 2].lower_ in small):
        return None  # inside a number already read ("half-dozen", "forty-two")
    total, current, last = 0.0, None, i - 1
    k = i
    if sdoc[k].lower_ in ("a", "an"):
        k += 1  # "a hundred", "a dozen", "a half-dozen": the article stands for one
    while k < len(sdoc):
        low = sdoc[k].lower_
        if low in ("-", "and") and last >= k - 1 and last >= i and k + 1 < len(sdoc):
            nxt = sdoc[k + 1].lower_
            if nxt in small or nxt in scales:
                k += 1  # "forty-two", "one hundred and five"
                continue
            break
        if low == "half":
            if k + 2 < len(sdoc) and sdoc[k + 2].lower_ == "dozen" and sdoc[k + 1].text == "-":
                current = 0.5 * (current or 1.0)  # "a half-dozen"
            else:
                break
        elif low in small:
            if current is not None and small[low] >= 10 and current % 100 != 0:
                break  # "ten twenty" is two numbers
            current = (current or 0.0) + float(small[low])
        elif low in scales:
            current = (current if current is not None else 1.0) * float(scales[low])
            if scales[low] >= 1000:
                total, current = total + current, None
        else:
            break
        last = k
        k += 1
    if last < i or (last == i and sdoc[i].lower_ in ("a", "an")):
        return None
    value = total + (current or 0.0)
    if value == 0 and sdoc[last].lower_ != "zero":
        return None
    return Written(value, i, last, spelled=True)


def digits_then_words(sdoc, written: Written, lex) -> Written:
    """ "4 hundred million": scale words after digits multiply them one after another."""
    scales = lex["word_scales"]
    value, last, scale = written.value, written.last, 1.0
    while last + 1 < len(sdoc) and sdoc[last + 1].lower_ in scales:
        scale *= float(scales[sdoc[last + 1].lower_])
        last += 1
    if last == written.last:
        return written
    return replace(written, value=value * scale, last=last, scale=scale)
