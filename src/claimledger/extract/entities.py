"""Canonical entities and their mentions in one annotated document.

Two sources, in order of trust:
1. the actor gazetteer's spans (`doc.spans["actors"]`): states with ISO3 and Wikidata ids,
   whatever name, capital or label the text uses for them, with their framing;
2. the NER's PERSON, ORG, GPE, LOC and FAC spans that no actor span overlaps: people,
   organisations and places outside the gazetteer, keyed by a slug of their cleaned name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..models import Entity, Mention
from .framing import framing_of

ACTOR_GROUP = "actors"
NER_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
# NORP adjectives ("Israeli officials") describe people, not the state: they are kept as
# entities of their own only when the text uses them as a noun group ("the Azerbaijanis").
LEADING = re.compile(r"^(?:the|The|THE)\s+")
TRAILING = re.compile(r"(?:['’]s|['’])$")


def resolve_entities(sdoc, doc_id: str) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
    """Entities (each once) and mentions (in text order) of one spaCy Doc."""
    entities: dict[str, Entity] = {}
    mentions: list[Mention] = []
    info = (sdoc._.cl_actor_info if sdoc.has_extension("cl_actor_info") else None) or {}
    actor_spans = list(sdoc.spans[ACTOR_GROUP]) if ACTOR_GROUP in sdoc.spans else []
    taken = [False] * (len(sdoc) + 1)
    for span in actor_spans:
        eid = span.label_
        name, etype, iso3, wikidata = info.get(eid, (eid, "GPE", None, None))
        entities.setdefault(
            eid, Entity(id=eid, name=name, type=etype, iso3=iso3, wikidata=wikidata)
        )
        mentions.append(_mention(doc_id, span, eid, framing_of(span), "gazetteer"))
        for i in range(span.start, span.end):
            taken[i] = True
    ents = [
        (ent, clean_name(ent.text))
        for ent in sdoc.ents
        if ent.label_ in NER_LABELS
        and not any(taken[i] for i in range(ent.start, ent.end))
        and (ent.label_ != "NORP" or ent.root.tag_.startswith("NNP"))
    ]
    full_names = _full_names(name for ent, name in ents if ent.label_ == "PERSON")
    for ent, name in ents:
        if ent.label_ == "PERSON":
            name = full_names.get(name, name)  # "Aliyev" after "Ilham Aliyev" is him
        eid = slug(name)
        if not eid:
            continue
        entities.setdefault(eid, Entity(id=eid, name=name, type=ent.label_))
        mentions.append(_mention(doc_id, ent, eid, "neutral", ent.label_))
    mentions.sort(key=lambda m: (m.start, m.end))
    return tuple(sorted(entities.values(), key=lambda e: e.id)), tuple(mentions)


def _full_names(names: Iterable[str]) -> dict[str, str]:
    """Surname -> the one full name in the document that ends with it."""
    by_surname: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        if len(words) > 1:
            by_surname.setdefault(words[-1], set()).add(name)
    return {last: next(iter(full)) for last, full in by_surname.items() if len(full) == 1}


def _mention(doc_id: str, span, eid: str, framing: str, label: str) -> Mention:
    return Mention(
        doc_id=doc_id,
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        entity_id=eid,
        framing=framing,
        label=label,
    )


def clean_name(text: str) -> str:
    """A display name from an NER span: one line, no leading article or possessive."""
    text = " ".join(text.split())
    text = TRAILING.sub("", LEADING.sub("", text)).strip(" ,.;:-–—\"“”‘’'")
    return text


def slug(name: str) -> str:
    """A stable id from a name: "Times of Israel" -> "times-of-israel"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
