"""Every spaCy factory claimledger registers, with versioned names, and the Doc/Span
extensions its components write. Importing this module registers them (spaCy is imported
here, so only nlp/ code that already needs spaCy imports it)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .components.actors import ActorMatcher
from .components.framing import Framer
from .components.line_breaks import LineBreaks

ACTOR_GROUP = "actors"  # doc.spans key: one span per actor mention, label_ = entity id


def register_extensions() -> None:
    """Register the extensions our components assign (safe to call more than once)."""
    for name in ("cl_framing", "cl_alias_framing", "cl_alias_kind"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    if not Doc.has_extension("cl_actor_info"):
        # entity id -> (name, type, iso3, wikidata) for the actors the doc mentions
        Doc.set_extension("cl_actor_info", default=None)


register_extensions()


@Language.factory("claimledger_line_breaks_v1")
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()


@Language.factory(
    "claimledger_actors_v1",
    default_config={"lexicon_dirs": [], "span_key": ACTOR_GROUP},
)
def make_actors(nlp: Language, name: str, lexicon_dirs: list[str], span_key: str) -> ActorMatcher:
    return ActorMatcher(nlp.tokenizer, lexicon_dirs=lexicon_dirs, span_key=span_key)


@Language.factory("claimledger_framing_v1", default_config={"span_key": ACTOR_GROUP})
def make_framing(nlp: Language, name: str, span_key: str) -> Framer:
    return Framer(span_key=span_key)
