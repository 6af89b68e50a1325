"""CSV exports: one flat table per kind of record, for spreadsheets and pandas."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..models import Corpus
from .atomic import atomic_file

# Spreadsheet programs run a cell that starts with one of these as a formula; article text
# is untrusted, so such text cells get a leading apostrophe (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, tuple | list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _write(path: Path, header: Sequence[str], records: Iterable[Sequence[object]]) -> Path:
    with atomic_file(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for record in records:
            writer.writerow([_cell(v) for v in record])
    return path


def write_csvs(corpus: Corpus, out_dir: Path) -> dict[str, Path]:
    """Write claims, facts, entities, mentions and documents CSVs; return them by name."""
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = {a.document.id: a for a in corpus.analyses}
    fact_of = {cid: f for f in corpus.facts for cid in f.claim_ids}
    written: dict[str, Path] = {}

    written["documents.csv"] = _write(
        out_dir / "documents.csv",
        [
            "id",
            "path",
            "format",
            "title",
            "author",
            "outlet",
            "url",
            "published",
            "published_confidence",
            "published_evidence",
            "not_before",
            "mentions",
            "claims",
            "citations",
            "quotes",
            "events",
        ],
        (
            (
                a.document.id,
                a.document.path,
                a.document.format,
                a.meta.title,
                a.meta.author,
                a.meta.outlet,
                a.document.hints.url,
                a.meta.published,
                a.meta.published_confidence,
                a.meta.published_evidence,
                a.meta.not_before,
                len(a.mentions),
                len(a.claims),
                len(a.citations),
                len(a.quotes),
                len(a.events),
            )
            for a in corpus.analyses
        ),
    )

    def claim_record(c):
        a = docs.get(c.doc_id)
        fact = fact_of.get(c.id)
        return (
            c.id,
            c.doc_id,
            a.document.path if a else "",
            a.meta.outlet if a else None,
            c.start,
            c.end,
            c.text,
            c.value_text,
            c.value,
            c.unit,
            c.measure,
            c.subject,
            c.object,
            c.qualifier,
            c.period.start if c.period else None,
            c.period.end if c.period else None,
            c.source,
            c.source_named,
            c.hedge,
            c.counted,
            fact.id if fact else None,
            fact.verdict if fact else None,
        )

    written["claims.csv"] = _write(
        out_dir / "claims.csv",
        [
            "id",
            "doc_id",
            "path",
            "outlet",
            "start",
            "end",
            "text",
            "value_text",
            "value",
            "unit",
            "measure",
            "subject",
            "object",
            "qualifier",
            "period_start",
            "period_end",
            "source",
            "source_named",
            "hedge",
            "counted",
            "fact_id",
            "verdict",
        ],
        (claim_record(c) for a in corpus.analyses for c in a.claims),
    )
    written["facts.csv"] = _write(
        out_dir / "facts.csv",
        [
            "id",
            "measure",
            "subject",
            "object",
            "unit",
            "verdict",
            "reason",
            "claim_ids",
            "primary_sources",
            "independent_confirmations",
            "unattributed_outlets",
        ],
        (
            (
                f.id,
                f.measure,
                f.subject,
                f.object,
                f.unit,
                f.verdict,
                f.reason,
                f.claim_ids,
                f.primary_sources,
                f.independent_confirmations,
                f.unattributed_outlets,
            )
            for f in corpus.facts
        ),
    )
    mention_counts: dict[str, int] = {}
    for a in corpus.analyses:
        for m in a.mentions:
            mention_counts[m.entity_id] = mention_counts.get(m.entity_id, 0) + 1
    written["entities.csv"] = _write(
        out_dir / "entities.csv",
        ["id", "name", "type", "iso3", "wikidata", "mentions"],
        (
            (e.id, e.name, e.type, e.iso3, e.wikidata, mention_counts.get(e.id, 0))
            for e in corpus.entities
        ),
    )
    written["mentions.csv"] = _write(
        out_dir / "mentions.csv",
        ["doc_id", "path", "outlet", "start", "end", "text", "entity_id", "framing", "label"],
        (
            (
                m.doc_id,
                a.document.path,
                a.meta.outlet,
                m.start,
                m.end,
                m.text,
                m.entity_id,
                m.framing,
                m.label,
            )
            for a in corpus.analyses
            for m in a.mentions
        ),
    )
    return written
