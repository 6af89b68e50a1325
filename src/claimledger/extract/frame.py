"""The rest of a claim's frame, read off the parse: what happened to what is counted (the
predicate's event class), where, whether the figure revises an earlier one, and the whole a
subset is part of.

    "The death toll rose to 41"          -> counted "death toll", predicate killed, revision
    "63 miners were rescued in Quellbrook" -> counted "miner", predicate rescued, place
    "12 of the 40 trucks"                -> part of "40 trucks"

Event classes, light verbs and revision verbs are data (data/predicates.yaml); this module
only walks the parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import cues as lexicons
from .counts import PLURAL_PRONOUNS, antecedent

# "shot down", "knocked out": the particle says what happened
_PARTICLES = {"down", "out", "up", "off"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PLACE_PREPS = {"in", "at", "across", "near", "inside", "throughout"}
# "by 4 p.m.", "as of 10 a.m.", "until noon": a count's cut-off within its day
_CUTOFF_PREPS = {"by", "as", "until", "till", "through"}
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?")
_DAY_TIMES = {"noon", "midday", "midnight"}
# the noun's roles that make its verb the predicate of what it counts
_ARGUMENTS = {"dobj", "nsubj", "nsubjpass"}


@dataclass(frozen=True, slots=True)
class Frame:
    predicate: str | None = None
    place: str | None = None
    revision: bool = False
    as_of: str | None = None
    part_of: str | None = None
    subject_noun: int | None = None  # token of the noun a bare figure is said of ("the toll")


@cache
def _classes(dirs_key: tuple) -> dict[str, str]:
    table: dict[str, str] = {}
    for name, words in (lexicons.load("predicates").get("classes") or {}).items():
        table[str(name)] = str(name)  # a class name is its own class
        for word in words or ():
            table.setdefault(str(word).lower(), str(name))
    return table


def event_class(lemma: str) -> str | None:
    """The event class of a lemma, or of the verb a gerund or participle the tagger left as
    an adjective comes from ("voting men", "killing")."""
    table = _classes(lexicons.current_dirs())
    word = lemma.lower()
    found = table.get(word)
    if found is None and word.endswith("ing") and len(word) > 5:
        found = table.get(word[:-3]) or table.get(word[:-3] + "e")
    return found


def doer_class(lemma: str) -> str | None:
    """The class of the event a noun for its doer ("voters", "protesters") or for the one it
    befalls ("detainees") is derived from, when the class counts that role (doer_classes)."""
    table = _classes(lexicons.current_dirs())
    word = lemma.lower()
    doers = lexicons.words("predicates", "doer_classes")
    for suffix, doer in (("er", True), ("or", True), ("ee", False)):
        if not word.endswith(suffix) or len(word) < len(suffix) + 3:
            continue
        stem = word[: -len(suffix)]
        found = table.get(stem) or table.get(stem + "e")
        if found is not None and (found in doers) == doer:
            return found
    return None


def read_frame(fig, chain, measured) -> Frame:
    """The frame of one figure; `chain` is its path up to its clause (anchor first) and
    `measured` the noun it quantifies, as claims.py found them."""
    noun = _said_of(fig, chain, measured)
    return Frame(
        predicate=_predicate(fig, chain, noun if noun is not None else measured),
        place=_place(chain),
        revision=_revision(chain),
        as_of=_as_of(chain),
        part_of=_part_of(chain[0]) or _whole_of(fig, measured),
        subject_noun=noun.i if noun is not None and noun is not measured else None,
    )


def _said_of(fig, chain, measured):
    """A bare figure carried by a light verb is said of that verb's subject: "the toll rose to
    41", "the number of dead stood at 41". Else the measured noun."""
    if measured is not None and measured.pos_ in ("NOUN", "PROPN"):
        return measured
    light = lexicons.words("predicates", "light_verbs")
    for tok in chain[1:]:
        if tok.pos_ in ("VERB", "AUX"):
            if tok.lemma_.lower() not in light:
                return measured
            # "put the toll at 41": the object a figure is set on, before the one setting it
            via = next((t for t in chain[1:] if t.pos_ != "NUM"), tok)  # "at 2 million"
            setting = via.dep_ == "prep" and via.lower_ in ("at", "to") and via.head.i == tok.i
            deps = ("dobj", "nsubjpass", "nsubj") if setting else ("nsubj", "nsubjpass")
            said = [
                c for dep in deps for c in _arguments(tok) if c.dep_ == dep and c.pos_ == "NOUN"
            ]
            return through_rate(said[0]) if said else measured
    return measured


def _arguments(verb) -> list:
    """A verb's dependents, with the subject it shares with the verb it is coordinated with
    ("the number peaked at 2.9 million and had fallen to 477,000": "fallen" has no subject of
    its own)."""
    own = list(verb.children)
    if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in own):
        own += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return own


def through_rate(noun):
    """ "the rate of change in the price index" -> "index", "the number of deaths" ->
    "deaths": a rate, level or number noun followed by what it is the rate or number of says
    less than that thing."""
    rate_nouns = lexicons.words("claims_roles", "rate_nouns")
    seen = [noun]
    while seen[-1].lemma_.lower() in rate_nouns:
        inner = [
            p
            for tok in seen
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in ("of", "in")
            for p in c.children
            if p.dep_ == "pobj" and _thing_noun(p) and p not in seen
        ]
        if not inner:
            break
        seen.append(next((p for p in inner if p.lemma_.lower() not in rate_nouns), inner[0]))
    return seen[-1] if len(seen) == 1 or seen[-1].lemma_.lower() not in rate_nouns else noun


def _thing_noun(tok) -> bool:
    """A noun for a thing: a common noun, a titled one ("the Consumer Price Index") or a
    people ("the number of Syrians"), not a place, body or person that is an actor. A
    statistic's titled name is one whatever the tagger calls it."""
    if tok.pos_ == "NOUN":
        return True
    return tok.pos_ == "PROPN" and (
        tok.ent_type_ in ("", "NORP")
        or tok.lower_ in lexicons.words("claims_roles", "statistic_heads")
    )


def _predicate(fig, chain, noun) -> str | None:
    """The event class of what happened to the counted thing: its own noun or a compound
    ("deaths", "the death toll"), the noun a light verb above it is said of ("the toll rose
    to 58 people"), a participle or relative clause on it ("people killed"), else the first
    verb above the figure that is not a light verb."""
    light = lexicons.words("predicates", "light_verbs")
    nouns = [noun] if noun is not None else []
    verb = next((t for t in chain[1:] if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None and verb.lemma_.lower() in light:
        nouns += [
            c for c in _arguments(verb) if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"
        ]
    for n in nouns:
        for tok in (n, *(c for c in n.children if c.dep_ in ("compound", "amod"))):
            found = event_class(tok.lemma_)
            if found:
                return found
    if verb is not None and verb.lemma_.lower() in light:
        # "300 people were dead", "40 remain missing": the state a copula gives the counted
        # thing is what befell it
        for c in verb.children:
            found = event_class(c.lemma_) if c.dep_ == "acomp" else None
            if found:
                return found
    part = _part_number(chain)
    # "shot down 12 of the 40 drones launched ...": the part is what the verb befell
    if (
        part is not None
        and fig.first <= part.i <= fig.last
        and part.dep_ in _ARGUMENTS
        and part.head.pos_ == "VERB"
    ):
        found = _verb_class(part.head)
        if event_class(found):
            return found
    if noun is not None and _is_part_of(fig, noun):
        # "destroyed 71 out of the 103 missiles the rebels fired": the noun and its clauses
        # belong to the whole; the part's own verb says what befell the part
        verb = next(
            (t for t in chain[1:] if t.pos_ == "VERB" and t.lemma_.lower() not in light), None
        )
        return _verb_class(verb) if verb is not None else None
    if noun is not None:
        # "shot down 46 missiles fired at the base": the verb the counted noun is the
        # object or subject of says what the count is of, when it names an event; the
        # participle on the noun only describes the things counted
        head = noun.head
        if noun.dep_ in _ARGUMENTS and head.pos_ == "VERB" and head.lemma_.lower() not in light:
            found = _verb_class(head)
            if event_class(found):
                return found
        for c in noun.children:
            if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB":
                return _verb_class(_reported(c))
        # "the deaths of 12 guards", "the arrest of 40 students": an event noun the
        # counted noun is the "of" object of
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":
            found = event_class(noun.head.head.lemma_)
            if found:
                return found
        # "8 million voters": no verb says what happened, the noun's own verb does
        found = doer_class(noun.lemma_) or _restated_event(noun)
        if found:
            return found
    if part is not None:
        return None  # "downed 9 out of 14 drones": the verb befell the 9, not the 14
    for tok in chain[1:]:
        if tok.pos_ == "VERB" and tok.lemma_.lower() not in light:
            return _verb_class(tok)
    return None


def _part_number(chain):
    """The number of the part when the counted noun is the whole a part is taken from: "71
    out of 14 drones", "12 of the 40 drones" (the noun hangs from "of" under the part)."""
    for tok in chain[1:4]:
        if tok.dep_ == "prep" and tok.lower_ == "of":
            if tok.head.lower_ == "out":
                # the part's number, whether the parse hangs "out of" under it or beside it
                out = tok.head
                for head in (out.head, out.doc[out.i - 1] if out.i else out):
                    if head.like_num or head.pos_ == "NUM":
                        return head
                return out
            head = tok.head
            return head if head.like_num or head.pos_ == "NUM" else None
    return None


def _is_part_of(fig, noun) -> bool:
    """The figure is the part and the counted noun the whole it is taken from: "71 out of
    the 103 missiles", "12 of the 40 drones", however the parse hangs "out of"."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    holder = noun.head.head
    holders = [holder]
    if holder.lower_ == "out":
        holders += [holder.head, holder.doc[holder.i - 1]] if holder.i else [holder.head]
    return any(fig.first <= t.i <= fig.last for t in holders)


def _whole_of(fig, measured) -> str | None:
    """The whole a count's part is taken from when the count is anchored on its noun ("30
    out of the 45 shells": both numbers hang on "shells")."""
    if measured is None or measured.pos_ not in ("NOUN", "PROPN") or not _is_part_of(fig, measured):
        return None
    return " ".join(t.text for t in measured.subtree)


def _restated_event(noun) -> str | None:
    """ "turnout was 40%, or 7 million people": a count restating a figure ("X, or N
    people") counts the event of what that figure is said of."""
    first = noun.head
    if noun.dep_ != "conj" or not any(c.lower_ == "or" for c in first.children):
        return None
    verb = first.head
    if verb.pos_ not in ("VERB", "AUX") or first.dep_ not in ("attr", "dobj"):
        return None
    said = (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c is not first)
    return next((found for c in said if (found := event_class(c.lemma_))), None)


def _reported(verb):
    """ "the 400 miners the company said it rescued": past a saying, the verb it reports."""
    if verb.lemma_.lower() not in lexicons.words("reporting_verbs", "verbs"):
        return verb
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), verb)


def _verb_class(verb) -> str:
    """The class of a verb, a phrasal verb first ("pull out", "shoot down")."""
    lemma = verb.lemma_.lower()
    for c in verb.children:
        if c.dep_ in ("prt", "advmod") and c.i == verb.i + 1 and c.lower_ in _PARTICLES:
            found = event_class(f"{lemma} {c.lower_}")
            if found:
                return found
    return event_class(lemma) or lemma


def _place(chain) -> str | None:
    """A place named by "in/at/across X" on the figure's own clause or noun."""
    for depth, tok in enumerate(chain):
        for c in tok.children:
            if c.dep_ != "prep" or c.lower_ not in _PLACE_PREPS:
                continue
            for p in c.children:
                if p.dep_ == "pobj" and p.ent_type_ in _PLACE_LABELS:
                    span = next((e for e in p.doc.ents if e.start <= p.i < e.end), None)
                    return span.text if span is not None else p.text
        if depth > 0 and tok.pos_ in ("VERB", "AUX"):
            break
    return None


def _as_of(chain) -> str | None:
    """A clock time the count runs to, on the figure's own clause: "had voted by 4 p.m.",
    "as of 10 a.m.", "until noon" (a cut-off the final count of the day comes after)."""
    for depth, tok in enumerate(chain):
        for c in tok.children:
            if c.dep_ != "prep" or c.lower_ not in _CUTOFF_PREPS:
                continue
            for p in c.subtree:
                if p.ent_type_ == "TIME" or _CLOCK.fullmatch(p.text) or p.lower_ in _DAY_TIMES:
                    span = next((e for e in p.doc.ents if e.start <= p.i < e.end), None)
                    return span.text if span is not None else p.text
        if depth > 0 and tok.pos_ in ("VERB", "AUX"):
            break
    return None


def _revision(chain) -> bool:
    """The figure is the "to" object of a revising verb ("raised the toll to 89")."""
    verbs = lexicons.words("predicates", "revision_verbs")
    if len(chain) < 3 or chain[1].lower_ != "to" or chain[1].dep_ != "prep":
        return False
    return chain[2].lemma_.lower() in verbs


def _part_of(anchor) -> str | None:
    """ "12 of the 40 trucks", "two of them", "12 out of the 40": the whole a subset is taken
    from ("out of" may hang from the verb beside the part)."""
    after = anchor.doc[anchor.i + 1] if anchor.i + 1 < len(anchor.doc) else None
    outs = [c for c in anchor.children if c.lower_ == "out"]
    if after is not None and after.lower_ == "out" and after.dep_ == "prep":
        outs.append(after)
    for c in [*anchor.children, *(o for out in outs for o in out.children)]:
        if c.dep_ == "prep" and c.lower_ == "of":
            obj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if obj is None:
                continue
            if obj.lower_ in PLURAL_PRONOUNS:
                # "12 of them" is a part of a counted whole ("40 trucks ... 12 of them"), not
                # of a class named bare ("more refugees came ... 3 million of them")
                whole = antecedent(obj)
                counted = whole is not None and any(d.dep_ == "nummod" for d in whole.children)
                if counted:
                    return " ".join(t.text for t in obj.subtree)
                continue
            definite = any(d.dep_ in ("det", "nummod", "poss") for d in obj.children)
            if obj.pos_ == "PRON" or definite:
                return " ".join(t.text for t in obj.subtree)
    return None
