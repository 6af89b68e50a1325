"""The ledger JSON export: the interchange format described in shared/eval/LEDGER_FORMAT.md.

The required fields come first in each record; anything after them is ours (spans of chrome,
reasons, provenance) and readers that only know the format ignore it.

`entities` holds the entities linked to a knowledge base (an ISO 3166 code or a Wikidata id):
the resolved actors whose mentions and framing the ledger vouches for. Names that spaCy found
but that no gazetteer links (people, most organisations) go to `unlinked_entities`, with the
same fields: they are named in the text, but the ledger does not claim to know who they are.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..models import Claim, Corpus
from .atomic import write_text

FORMAT_VERSION = 1


def _claim_dict(claim: Claim, names: dict[str, str]) -> dict[str, Any]:
    return {
        "id": claim.id,
        "doc": claim.doc_id,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "subject": names.get(claim.subject or "", claim.subject),
        "object": names.get(claim.object or "", claim.object),
        "measure": claim.measure,
        "value": claim.value,
        "unit": claim.unit,
        "qualifier": claim.qualifier,
        "period": {"start": claim.period.start, "end": claim.period.end} if claim.period else None,
        "source": claim.source,
        "hedge": claim.hedge,
        "value_text": claim.value_text,
        "source_named": claim.source_named,
        "counted": claim.counted,
        "value_high": claim.value_high,
        "predicate": claim.predicate,
        "place": claim.place,
        "part_of": claim.part_of,
        "revision": claim.revision,
        "as_of": claim.as_of,
        "period_inferred": claim.period_inferred,
        "subject_inferred": claim.subject_inferred,
    }


def ledger_dict(corpus: Corpus) -> dict[str, Any]:
    """Build the ledger as plain JSON-ready data."""
    names = {e.id: e.name for e in corpus.entities}
    story_of = {doc_id: s.id for s in corpus.stories for doc_id in s.doc_ids}
    mentions_by_entity: dict[str, list[dict[str, Any]]] = {}
    documents, claims, events, citations, quotes = [], [], [], [], []
    out_of_range: list[dict[str, str]] = []  # figures no JSON number can hold
    for analysis in corpus.analyses:
        doc, meta = analysis.document, analysis.meta
        documents.append(
            {
                "id": doc.id,
                "path": doc.path,
                "title": meta.title,
                "outlet": meta.outlet,
                "author": meta.author,
                "published": meta.published,
                "published_confidence": meta.published_confidence,
                "published_evidence": meta.published_evidence,
                "not_before": meta.not_before,
                "format": doc.format,
                "encoding": doc.encoding,
                "url": doc.hints.url,
                "chrome": [asdict(c) for c in meta.chrome],
                "story": story_of.get(doc.id),
                "text": doc.text,
            }
        )
        for m in analysis.mentions:
            mentions_by_entity.setdefault(m.entity_id, []).append(
                {
                    "doc": m.doc_id,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "framing": m.framing,
                    "label": m.label,
                }
            )
        for c in analysis.claims:
            if math.isfinite(c.value):
                claims.append(_claim_dict(c, names))
            else:
                out_of_range.append(
                    {
                        "path": doc.path,
                        "reason": f"claim {c.id}: figure {c.value_text[:40]!r} is out of range",
                    }
                )
        events.extend(
            {
                "id": e.id,
                "doc": e.doc_id,
                "start": e.start,
                "end": e.end,
                "date": e.date,
                "text": e.text,
                "date_text": e.date_text,
            }
            for e in analysis.events
        )
        citations.extend(
            {
                "id": c.id,
                "doc": c.doc_id,
                "start": c.start,
                "end": c.end,
                "source": c.source,
                "text": c.text,
                "verb": c.verb,
                "named": c.named,
                "claims": list(c.claim_ids),
            }
            for c in analysis.citations
        )
        quotes.extend(asdict(q) for q in analysis.quotes)
    entities = [
        {
            "id": e.id,
            "name": e.name,
            "type": e.type,
            "wikidata": e.wikidata,
            "iso3": e.iso3,
            "mentions": mentions_by_entity.get(e.id, []),
        }
        for e in corpus.entities
    ]
    linked = [e for e in entities if e["wikidata"] or e["iso3"]]
    unlinked = [e for e in entities if not (e["wikidata"] or e["iso3"])]
    return {
        "format_version": FORMAT_VERSION,
        "documents": documents,
        "entities": linked,
        "unlinked_entities": unlinked,
        "claims": claims,
        "relations": [asdict(r) for r in corpus.relations],
        "facts": [asdict(f) for f in corpus.facts],
        "stories": [asdict(s) for s in corpus.stories],
        "events": events,
        "citations": citations,
        "quotes": quotes,
        "skipped": [asdict(s) for s in corpus.skipped] + out_of_range,
    }


def _strict(data: Any) -> Any:
    """`data` with any NaN or infinity left in it as null: RFC 8259 has no such numbers and
    strict parsers reject the file that holds one (issue 12)."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {k: _strict(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_strict(v) for v in data]
    return data


def ledger_json(corpus: Corpus) -> str:
    """The ledger as strict JSON text (no NaN or Infinity)."""
    return json.dumps(_strict(ledger_dict(corpus)), ensure_ascii=False, indent=1, allow_nan=False)


def write_ledger(corpus: Corpus, path: Path) -> Path:
    """Write ledger.json atomically: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_text(path, ledger_json(corpus))
