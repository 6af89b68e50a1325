"""Numbers that are no figure, told apart by how they are written rather than by example:
part of a name or model ("S&P 500", "iPhone 14 Pro", "737 Max"), a street address ("49 Elm
Road"), a clock time ("0915 GMT", "2 p.m."), a rank ("No. 3"), a calibre ("155mm shells"), a
list marker ("1."), and durations that place an event rather than measure something ("19
years ago"). The words each test needs are lists in data/units.yaml.
"""

from __future__ import annotations

import calendar
from functools import cache

from . import cues

TIME_UNITS = ("hours", "days", "weeks", "months", "years")


def in_name(sdoc, first: int, last: int) -> bool:
    """ "S&P 500", "Stoxx 600", "Galaxy Note 20 Ultra", "737 Max jets": a number inside a
    proper name. The word before is a capitalised name word glued into the same name
    (not a month, not sentence-initial), or a product-line word follows ("Pro", "Max")."""
    suffixes = cues.words("units", "model_words")
    nxt = sdoc[last + 1] if last + 1 < len(sdoc) else None
    if nxt is not None and nxt.text.lower() in suffixes and nxt.text[:1].isupper():
        return True
    if nxt is not None and _names_what_precedes(sdoc, last + 1):
        return True
    if first == 0:
        return False
    prev = sdoc[first - 1]
    # "Stoxx 600", "iPhone 14", "S&P 500": a capital inside or starting a word the tagger
    # may call a noun; not the first word of the sentence, where every word has one
    acronym = prev.is_alpha and prev.text.isupper() and len(prev.text) >= 2  # "COVID -19"
    if prev.is_sent_start or (prev.pos_ not in ("PROPN", "NOUN", "X", "ADJ") and not acronym):
        return False
    if not any(c.isupper() for c in prev.text) or prev.lower_ in _months():
        return False
    if "\n" in prev.whitespace_:
        return False
    return acronym or prev.ent_type_ not in ("DATE", "TIME", "MONEY", "NORP", "PERSON")


def _names_what_precedes(sdoc, k: int) -> bool:
    """ "its 787 Dreamliner starting in 2011": a capitalised singular name right after the
    number, with no plural noun it could be counting in the next words ("460 Kia and
    Hyundai vehicles" counts vehicles)."""
    tok = sdoc[k]
    if tok.tag_ != "NNP" or not tok.text[:1].isupper() or tok.lower_ in _months():
        return False
    if tok.ent_type_ in ("GPE", "NORP", "DATE", "TIME", "MONEY"):
        return False
    return not any(t.tag_ in ("NNS", "NNPS") for t in sdoc[k + 1 : k + 4])


@cache
def _months() -> frozenset[str]:
    names = [*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name]
    return frozenset(m.lower() for m in names)


def is_address(sdoc, first: int, last: int) -> bool:
    """ "49 Zorro Ranch Road", "16-18 Industrial Avenue": a house number before capitalised
    words that end in a street type."""
    streets = cues.words("units", "street_types")
    k = last + 1
    if k < len(sdoc) and sdoc[k].text in ("-", "–") and k + 1 < len(sdoc):
        k += 2  # "16-18 Industrial Avenue"
    for j in range(k, min(len(sdoc), k + 4)):
        word = sdoc[j].text.rstrip(".").lower()
        if not sdoc[j].text[:1].isupper():
            return False
        if word in streets and j > k - 1:
            return True
    return False


def is_clock(sdoc, first: int, last: int, suffix: str) -> bool:
    """ "0915 GMT", "2 p.m.", "1.56pm", "11:30": a time of day."""
    clock = cues.words("units", "clock_words")
    if suffix.lower().rstrip(".") in clock:
        return True
    nxt = sdoc[last + 1].text.lower() if last + 1 < len(sdoc) else ""
    if nxt in clock or nxt.rstrip(".") in clock:
        return True
    return ":" in sdoc[first].text and sdoc[first].text.replace(":", "").isdigit()


def is_score(sdoc, first: int, last: int) -> bool:
    """ "beat them 2-1", "a 9-2 lead": two small whole numbers joined by a hyphen."""

    def small(tok) -> bool:
        return tok.text.isdigit() and len(tok.text) <= 3

    n = len(sdoc)
    if sdoc[first].text in ("-", "–") and first < last:
        first += 1  # "9-2" read from its hyphen as a negative number: the hyphen joins a score
    if last + 2 < n and sdoc[last + 1].text in ("-", "–") and small(sdoc[last + 2]):
        glued = not sdoc[last].whitespace_ and not sdoc[last + 1].whitespace_
        return glued and small(sdoc[first])
    if first >= 2 and sdoc[first - 1].text in ("-", "–") and small(sdoc[first - 2]):
        return not sdoc[first - 2].whitespace_ and not sdoc[first - 1].whitespace_
    return False


def is_rank(sdoc, first: int) -> bool:
    """ "No. 3 official", "number 2 seed", "#1": a place in an order, not an amount."""
    if first == 0:
        return False
    prev = sdoc[first - 1].text.lower()
    if prev == "#":
        return True
    if prev == "." and first >= 2:
        prev = sdoc[first - 2].text.lower() + "."
    return prev in cues.words("units", "rank_words")


def is_calibre(sdoc, last: int, suffix: str) -> bool:
    """ "155mm shells", "a 120-mm mortar", "5.56 mm rounds": the calibre of a weapon."""
    calibres = cues.words("units", "calibre_units")
    j = last + 1
    suffix = suffix.lower().lstrip("-")
    if suffix:
        if suffix not in calibres:
            return False
        nxt = sdoc[j] if j < len(sdoc) else None
        return nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.lower_ in _weapons()
    hyphen = j < len(sdoc) and sdoc[j].text == "-"
    if hyphen:
        j += 1
    if j >= len(sdoc) or sdoc[j].lower_ not in calibres:
        return False
    nxt = sdoc[j + 1] if j + 1 < len(sdoc) else None
    # written before the thing it sizes; "50 millimetres of rain" measures instead
    return nxt is not None and nxt.lower_ in _weapons()


def _weapons() -> frozenset[str]:
    return cues.words("units", "calibre_nouns")


def is_list_marker(sdoc, i: int) -> bool:
    """ "1." or "a)" opening a line is a list marker, not a figure."""
    tok = sdoc[i]
    line_start = i == 0 or "\n" in sdoc[i - 1].whitespace_ or "\n" in sdoc[i - 1].text
    nxt = sdoc[i + 1].text if i + 1 < len(sdoc) else ""
    return (line_start and nxt in (".", ")", ":")) or (tok.text.endswith(".") and line_start)


def is_duration(sdoc, last: int, lex) -> bool:
    """A number the NER called a DATE that is a length of time ("44 days", "30 years")."""
    nxt = sdoc[last + 1] if last + 1 < len(sdoc) else None
    if nxt is not None and nxt.text == "-" and last + 2 < len(sdoc):
        nxt = sdoc[last + 2]  # "the 44-day war"
    if nxt is None or nxt.lower_ not in lex["units"]:
        return False
    return lex["units"][nxt.lower_][0] in TIME_UNITS


def is_measuring_duration(sdoc, first: int, last: int, lex) -> bool:
    """ "for 30 years" measures something; "19 years ago", "over 7 years", "within two weeks",
    "the past seven years" place an event or bound a period instead."""
    blockers = lex["duration_blockers"]
    if first > 0 and sdoc[first - 1].lower_ in blockers["before"] and not _listed(sdoc, first, lex):
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


def _listed(sdoc, first: int, lex) -> bool:
    """ "for 3 years, 2 months and 16 hours": after "and" or "or" that closes a list of
    lengths of time, the last one is measured like the others ("between 18 and 25 years"
    is not such a list: no unit of time before "and")."""
    k = first - 1
    if sdoc[k].lower_ not in ("and", "or"):
        return False
    k -= 1
    if k >= 0 and sdoc[k].text == ",":
        k -= 1
    unit = lex["units"].get(sdoc[k].lower_) if k >= 0 else None
    return unit is not None and unit[0] in TIME_UNITS


def _measures_noun(sdoc, last: int) -> bool:
    """ "six months of delay", "44 days of heavy fighting": a length of something."""
    k = last + 1
    if k >= len(sdoc) or sdoc[k].lower_ != "of":
        return False
    k += 1
    if k < len(sdoc) and sdoc[k].pos_ == "ADJ":
        k += 1
    return k < len(sdoc) and sdoc[k].pos_ == "NOUN" and not sdoc[k].ent_type_
