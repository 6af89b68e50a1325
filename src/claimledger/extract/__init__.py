"""The `extract` verb: one annotated spaCy Doc -> an Analysis of our dataclasses.

    resolve_entities  -> Entity, Mention        (entities.py, framing.py)
    find_cues         -> who is cited where     (attribution.py)
    find_claims       -> Claim                  (claims.py, quantities.py, periods.py, roles.py)
    find_quantities   -> every figure, with its kind (kinds.py); claims use a subset
    infer_periods     -> the periods the context implies for undated claims  (periods.py)
    find_attributions -> Citation, Quote        (attribution.py), linked to the claims
    find_events       -> Event                  (events.py)

spaCy types stay inside this package; callers only ever see models.py dataclasses.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..config import Settings
from ..models import Analysis, Document, DocumentMeta
from .attribution import find_attributions, find_cues
from .claims import find_claims
from .cues import using as using_lexicons
from .entities import resolve_entities
from .events import find_events
from .kinds import find_quantities
from .periods import infer_periods
from .roles import build_actors
from .sentences import doc_ents

__all__ = ["extract", "find_attributions", "find_claims", "find_events", "find_quantities"]


def extract(
    sdoc, document: Document, meta: DocumentMeta, *, settings: Settings | None = None
) -> Analysis:
    """Everything the pipeline extracts from one document's annotated text.

    `sdoc` was made from the document's text with page chrome blanked to spaces (same
    length), so its character offsets are offsets into `document.text`. The lexicons read
    are the bundled ones extended by the files in `settings.lexicon_dirs`.
    """
    with using_lexicons(settings.lexicon_dirs if settings is not None else ()):
        return _extract(sdoc, document, meta)


def _extract(sdoc, document: Document, meta: DocumentMeta) -> Analysis:
    chrome = tuple((c.start, c.end) for c in meta.chrome)
    entities, mentions = resolve_entities(sdoc, document.id)
    actors = build_actors(sdoc, entities, mentions)
    cues = find_cues(sdoc, chrome)
    claims = find_claims(
        sdoc,
        document.id,
        cues,
        actors,
        reference_year(sdoc, meta),
        chrome,
        doc_date=meta.published,
    )
    claims = infer_periods(sdoc, claims, reference_year(sdoc, meta), meta.published)
    citations, quotes = find_attributions(sdoc, document.id, cues, claims, chrome)
    events = find_events(sdoc, document.id, meta)
    dated = [e.date for e in events]
    if dated:
        meta = replace(meta, not_before=max(dated))
    return Analysis(
        document=document,
        meta=meta,
        entities=tuple(entities),
        mentions=tuple(mentions),
        claims=tuple(claims),
        citations=tuple(citations),
        quotes=tuple(quotes),
        events=tuple(events),
    )


def reference_year(sdoc, meta: DocumentMeta) -> str | None:
    """The year open periods ("since 2016") run to: the document's own, else the latest year
    its text writes (never today's)."""
    if meta.published:
        return meta.published[:4]
    years = [
        m.group(1)
        for ent in doc_ents(sdoc)
        if ent.label_ == "DATE"
        for m in re.finditer(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", ent.text)
    ]
    return max(years) if years else None
