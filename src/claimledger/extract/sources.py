"""How a cited source is named: the words of its noun phrase, whether it names someone
one could look up, who "he" or "the minister" is, and abbreviations spelled out in the text
("The Joint Coordination Centre (JCC)")."""

from __future__ import annotations

import re
from functools import lru_cache

from . import cues as lexicons
from .sentences import doc_ents, doc_text

_NAMED_LABELS = {"ORG", "PERSON", "GPE", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LOC"}


def phrase(head) -> list:
    """The source's name: the head noun, its left modifiers and its "of"/"for" complements;
    not its dates, relative clauses or appositions."""
    keep = {head.i}

    def add(tok):
        for c in tok.children:
            if c.ent_type_ in ("DATE", "TIME"):
                continue
            if (
                c.i < tok.i
                and c.dep_
                in (
                    "det",
                    "compound",
                    "amod",
                    "poss",
                    "nmod",
                    "nummod",
                    "case",
                    "punct",
                    "cc",
                    "conj",
                )
            ) or (
                c.i > tok.i
                and (
                    (c.dep_ == "prep" and c.lower_ in ("of", "for", "at"))
                    or c.dep_ in ("pobj", "compound", "nummod", "flat")
                    or (c.dep_ in ("appos", "conj", "cc") and c.pos_ == "PROPN")
                    or (
                        c.dep_ in ("conj", "cc") and tok.i == head.i and c.pos_ in ("NOUN", "CCONJ")
                    )
                )
            ):
                keep.add(c.i)
                add(c)

    add(head)
    tokens = [head.doc[i] for i in sorted(keep)]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].pos_ == "CCONJ"):
        tokens.pop(0)
    # keep it contiguous: cut at the first gap
    out = [tokens[0]] if tokens else []
    for t in tokens[1:]:
        if t.i != out[-1].i + 1:
            if t.i > head.i:
                break
            out = [t]
            continue
        out.append(t)
    return out if any(t.i == head.i for t in out) else [head]


def span_text(sdoc, tokens) -> str:
    if not tokens:
        return ""
    return doc_text(sdoc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


def clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)


def is_named(tokens) -> bool:
    """A source one could look up: a proper name, or a nationality with a body or title
    ("Azerbaijani government statistics", "Ukrainian officials"), not "sources"."""
    if any(t.pos_ == "PROPN" or t.ent_type_ in _NAMED_LABELS for t in tokens):
        return True
    return any(t.ent_type_ == "NORP" or t.lower_ in _OFFICIAL for t in tokens[:-1])


_OFFICIAL = {"government", "state", "ministry"}


def is_person_title(tok) -> bool:
    """ "minister", "spokesman", "president": a singular title that names one person."""
    titles = lexicons.words("reporting_verbs", "person_titles")
    return tok.tag_ in ("NN", "NNP") and tok.lemma_.lower() in titles


def is_definite_title(head) -> bool:
    return is_person_title(head) and any(c.lower_ == "the" for c in head.lefts)


def last_person(sdoc, i: int, within: int = 120) -> tuple[str, str] | None:
    """The last PERSON named before token i (within a few sentences): who "he" is, with
    the words before the name that may hold a title ("President Vladimir Putin")."""
    for ent in reversed(doc_ents(sdoc)):
        if ent.end <= i and ent.label_ == "PERSON":
            if i - ent.end > within:
                return None
            name = clean(ent.text)
            return name, person_context(sdoc, name)
    return None


def person_context(sdoc, name: str) -> str:
    """The words before every mention of a person's surname, where titles are written
    ("President Vladimir Putin" ... "Putin said")."""
    surname = name.split()[-1] if name.split() else name
    parts = [
        sdoc[max(0, ent.start - 3) : ent.end].text
        for ent in doc_ents(sdoc)
        if ent.label_ == "PERSON" and ent.text.split() and ent.text.split()[-1] == surname
    ]
    return " ".join(parts) or name


# "(JCC)": the abbreviation in brackets. The name before it is read word by word from a
# bounded window, not by one regex over the text: a regex with a repeated group of words
# backtracks over every capital of an unbroken 500k-character token (issue 12).
_ABBREVIATION = re.compile(r"\(\s*([A-Z][A-Za-z&]{1,9})\s*\)")
_NAME_WORD = re.compile(r"[A-Z][\w'’&.-]*")
_NAME_LINKS = {"of", "for", "the", "and", "on", "de", "du", "des", "la"}
# Ten initials at most, each word with a link word or two between: 30 words is plenty.
_NAME_WINDOW_WORDS = 30


def _name_before(text: str, at: int) -> list[str]:
    """The capitalised words (and the links between them) that end just before `at`."""
    window = text[max(0, at - 40 * _NAME_WINDOW_WORDS) : at]
    words = window.split()
    if at > len(window) and window[:1].strip():
        words = words[1:]  # the window cut a word in two
    name: list[str] = []
    for word in reversed(words[-_NAME_WINDOW_WORDS:]):
        if _NAME_WORD.fullmatch(word) or (word in _NAME_LINKS and name):
            name.append(word)
        else:
            break
    while name and not _NAME_WORD.fullmatch(name[-1]):
        name.pop()  # a name starts with a capital, not a link word
    return name[::-1]


@lru_cache(maxsize=4)  # one document at a time; its cues ask many times
def _abbreviations(text: str) -> dict[str, str]:
    """ "The Joint Coordination Centre (JCC)": abbreviation -> name, where the initials fit."""
    found: dict[str, str] = {}
    for m in _ABBREVIATION.finditer(text):
        words = _name_before(text, m.start())
        if len(words) < 2:
            continue
        caps = "".join(c for c in m.group(1) if c.isupper())
        for k in range(len(words)):
            initials = "".join(w[0] for w in words[k:] if w[0].isupper())
            if words[k][0].isupper() and initials.upper() == caps:
                found[m.group(1)] = " ".join(words[k:])
                break
    return found


def expand_abbreviation(source: str, sdoc) -> str:
    """ "JCC figures" -> "Joint Coordination Centre" when the text spells JCC out."""
    table = _abbreviations(doc_text(sdoc))
    first = source.split()[0] if source.split() else ""
    return table.get(first, source)


def seat_name(head) -> str | None:
    """ "the government in Yerevan" -> "Armenian government", "officials in Baku" ->
    "Azerbaijani officials": a state's body or people named by the seat they sit in
    (the capitals listed as metonyms in countries.yaml and actors.yaml)."""
    for c in head.children:
        if c.dep_ != "prep" or c.lower_ != "in":
            continue
        place = next((p for p in c.children if p.dep_ == "pobj"), None)
        if place is None:
            continue
        demonym = _seats(lexicons.current_dirs()).get(place.text.lower())
        if demonym:
            words = [t for t in head.lefts if t.dep_ in ("amod", "compound")] + [head]
            # "Officials in Lisbon" opening a sentence: common nouns in lower case
            return " ".join([demonym, *(t.text if t.pos_ == "PROPN" else t.lower_ for t in words)])
    return None


@lru_cache(maxsize=4)
def _seats(_dirs) -> dict[str, str]:
    """Lowercased capital -> the demonym of its state."""
    out: dict[str, str] = {}
    for name in ("countries", "actors"):
        for entry in lexicons.load(name).get("entities") or ():
            demonyms = entry.get("demonyms") or ()
            seats = (entry.get("aliases") or {}).get("metonym") or ()
            if demonyms:
                for seat in seats:
                    out.setdefault(str(seat).lower(), str(demonyms[0]))
    return out
