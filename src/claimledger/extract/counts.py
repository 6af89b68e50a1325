"""What a bare number counts: the noun it counts ("92 cargo flights", "a 12 page report",
"Two of the mayor's deputies"), a state it stands for ("315,000 killed"), the noun of a
coordinated neighbour ("from 1000 to 2000 hires"), the level a moving quantity reached
("closed at 9,812.55"); and the numbers that count nothing (years, months, deictic times,
small spelled-out numbers that point back). Split from extract/quantities.py, which reads
the figure these belong to.
"""

from __future__ import annotations

import calendar
import re
from functools import cache

from . import amounts, cues
from .amounts import Amount

YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_TOTALS = {"total", "tally", "number", "count"}
_DEICTIC = {"last", "next", "this", "that", "previous", "past", "coming"}
_TIME_PREPOSITIONS = {"in", "since", "by", "until", "before", "after", "during", "of", "from"}


def count(sdoc, a: Amount, qualifier: str | None, lex) -> tuple[str | None, int] | None:
    """(counted noun phrase, anchor) of a bare number that counts something."""
    i, first, last, n = a.num_first, a.first, a.last, len(sdoc)
    if year_like(sdoc, a) and not _counts_plural(sdoc, a):
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
        # "a 12-member panel" counts members: the noun's own token when the hyphen split it
        noun = last if sdoc[last].lower_ == glued_noun else a.num_first
        return a.suffix[1:], noun
    if a.spelled and _hyphened_noun(sdoc, last):
        return sdoc[last + 2].text, last + 2  # "a four-cylinder engine": a modifier, not a
        # small number pointing back
    noun = counted_noun(sdoc, first, last, increments)
    if noun is None:
        noun = _partitive_noun(sdoc, last)
    if a.spelled and a.value < 10 and not bounded and not _counts_news(sdoc, first, noun):
        # "the two countries": a spelled-out small number that points back
        return None
    state = None if noun is not None else _counted_state(sdoc, last, lex)
    if noun is not None and sdoc[noun].lower_ in months():
        return None  # "1 September": a date the tagger missed
    if noun is not None and places_in_time(sdoc, last, noun):
        # "2.1 last year": the noun places the number in time, it counts nothing; the number
        # may still be a level its verb's subject reached ("peaked at 2,310 last week")
        return (None, i) if _is_level(sdoc, first, a.value) else None
    if noun is not None and _singular_measure(sdoc, a, noun):
        return sdoc[last + 1].text, last + 1  # "a 12 page report" counts pages
    if noun is not None:
        return noun_phrase(sdoc, noun, last), noun
    if state is not None:
        return sdoc[state[0] : state[1] + 1].text, state[0]  # the count measures "killed"
    if any(t.lower_ in _TOTALS for t in sdoc[max(0, first - 3) : first]):
        return None, i  # "bringing the total to 103": a count whose noun came before
    if _is_level(sdoc, first, a.value):
        return None, i  # "the index closed at 9,812.55": the level its subject reached
    return None


def _hyphened_noun(sdoc, last: int) -> bool:
    """ "four-cylinder engine", "a five-member panel": a singular noun joined by a hyphen
    to the number, modifying the noun after it."""
    if last + 3 >= len(sdoc) or sdoc[last].whitespace_ or sdoc[last + 1].whitespace_:
        return False
    hyphen, noun, after = sdoc[last + 1], sdoc[last + 2], sdoc[last + 3]
    return hyphen.text == "-" and noun.tag_ == "NN" and after.pos_ in ("NOUN", "PROPN")


def _singular_measure(sdoc, a: Amount, noun: int) -> bool:
    """ "a 12 page report", "a 4 cylinder engine": a count above one written with a singular
    noun that modifies a singular noun after it is an unhyphenated compound ("12-page");
    the first noun is what is counted. The compound shows in the parse (the number hangs
    on the first noun) or in the article ("a" on a noun counted above one); "30 combat
    aircraft", with neither, counts aircraft, whose plural looks singular."""
    nxt = a.last + 1
    # "40 cargo flights" counts flights: a plural head is what the number counts
    singular = sdoc[noun].tag_ in ("NN", "NNP")
    if not (noun > nxt and a.value > 1 and singular and sdoc[nxt].tag_ == "NN"):
        return False
    if sdoc[nxt].ent_type_:
        return False
    article = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in sdoc[noun].children)
    return article or sdoc[a.num_last].head.i == nxt


def _is_level(sdoc, first: int, value: float) -> bool:
    """ "climbed 0.4% to 9,812.55", "ended at 27,010", "rose from 310", "totalled 4,210": a
    bare number after "to", "at" or "from" that hangs on a verb of moving or closing, or the
    object of a verb of reaching, is a level the verb's subject reached or left."""
    if first == 0:
        return False
    if "." not in sdoc[first].text and value < 100:
        return False  # "ended at 5", "fell to 3rd": an hour, a place
    before = sdoc[first - 1]
    if before.pos_ == "VERB":
        # "deaths totalled 4,210", "reaching 9,800": the level is the verb's object
        return before.lemma_ in cues.words("units", "reach_verbs")
    if before.lower_ not in ("to", "at", "from"):
        return False
    verb = before.head if before.head.pos_ == "VERB" else before.head.head  # "gained 0.6% to"
    return verb.pos_ == "VERB" and verb.lemma_ in (
        cues.words("units", "level_verbs") | cues.words("units", "reach_verbs")
    )


def places_in_time(sdoc, last: int, noun: int) -> bool:
    """ "2.1 last year": a deictic word between a number and the noun after it."""
    return any(t.lower_ in _DEICTIC for t in sdoc[last + 1 : noun])


@cache
def months() -> frozenset[str]:
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
    """ "Two of the mayor's deputies", "40 of the 60 seats", "9 out of 14 attack
    drones": the plural noun after "(out) of" (and a determiner, possessor or compound)
    is what the number counts."""
    k = last + 1
    if k + 1 < len(sdoc) and sdoc[k].lower_ == "out" and sdoc[k + 1].lower_ == "of":
        k += 1
    if k >= len(sdoc) or sdoc[k].lower_ != "of":
        return None
    if k + 1 < len(sdoc) and sdoc[k + 1].lower_ in PLURAL_PRONOUNS:
        # "3.3 million of them": what the pronoun stands for is read by `antecedent`
        return k + 1 if antecedent(sdoc[k + 1]) is not None else None
    for j in range(k + 1, min(len(sdoc), k + 5)):
        tok = sdoc[j]
        if tok.tag_ in ("NNS", "NNPS"):
            return j
        possessor = j + 1 < len(sdoc) and sdoc[j + 1].tag_ == "POS"  # "the mayor's"
        determiner = (
            tok.pos_ in ("DET", "PROPN", "PART", "ADJ", "NUM")
            or tok.tag_ == "PRP$"
            or tok.dep_ == "compound"
        )
        if not (determiner or possessor):
            return None
    return None


PLURAL_PRONOUNS = frozenset({"them", "these", "those"})


def antecedent(pron):
    """The plural noun a pronoun stands for: the nearest one before it in its sentence, else
    in the sentence before ("more Syrians would flee ..., holding 3.3 million of them")."""
    sent = pron.sent
    doc = pron.doc
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for tok in reversed(doc[start : pron.i]):
        if tok.tag_ in ("NNS", "NNPS") and tok.ent_type_ not in (
            "DATE",
            "TIME",
            "MONEY",
            "PERCENT",
        ):
            return tok
    return None


def noun_ahead(sdoc, a: Amount, lex) -> tuple[str, int] | None:
    """ "from 1000 to 2000 hires", "4821 in the north while the south had 3310 strikes": a
    bare number counts what the next number, coordinated with it, counts."""
    if a.spelled or year_like(sdoc, a) or a.value < 2:
        return None
    links = cues.words("units", "carry_links") | cues.words("units", "count_links")
    stop = min(sdoc[a.last].sent.end, a.last + 13)
    for j in range(a.last + 1, stop):
        if not sdoc[j].text[:1].isdigit():
            continue
        other = amounts.read_amount(sdoc, j, lex)
        if other is not None and year_like(sdoc, other) and not _counts_plural(sdoc, other):
            continue  # "4821 in 2019 while ...": a year on the way
        if not any(t.lower_ in links for t in sdoc[a.last + 1 : j]):
            return None
        if other is None or other.unit is not None:
            return None
        increments = cues.words("units", "count_increments")
        noun = counted_noun(sdoc, other.first, other.last, increments)
        if noun is None or sdoc[noun].lower_ in months():
            return None
        return noun_phrase(sdoc, noun, other.last), anchor(sdoc, a.first, a.last)
    return None


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


def counted_noun(sdoc, first: int, last: int, increments=frozenset()) -> int | None:
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


def noun_phrase(sdoc, noun: int, after: int) -> str:
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


def anchor(sdoc, first: int, last: int) -> int:
    """The token of the figure whose head links it into the sentence."""
    span = sdoc[first : last + 1]
    return span.root.i


def year_like(sdoc, a: Amount) -> bool:
    """ "2019", "post-2008": four digits that read as a year."""
    digits = re.sub(r"^[a-z]+-", "", sdoc[a.num_first].text.lower())
    return a.scale == 1.0 and a.unit is None and bool(YEAR.match(digits))
