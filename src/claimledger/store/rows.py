"""Dataclasses to SQLite rows and back.

Kept apart from the connection handling so the mapping between `models` and
`schema.sql` can be read in one place. Every `*_row` function returns the values in the
column order of its INSERT statement; every `*_from` function rebuilds the dataclass
exactly, so `load_analysis(save_analysis(a)) == a`.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from dataclasses import asdict, fields
from functools import lru_cache

from ..models import (
    Analysis,
    Chrome,
    Citation,
    Claim,
    Document,
    DocumentMeta,
    Entity,
    Event,
    Fact,
    Hints,
    Mention,
    Period,
    Quote,
    Relation,
    Story,
)

INSERT_DOCUMENT = """
INSERT INTO documents (id, path, text, format, encoding, hints, title, author, outlet,
    published, published_confidence, published_evidence, not_before, chrome, pipeline)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET
    path = excluded.path, text = excluded.text, format = excluded.format,
    encoding = excluded.encoding, hints = excluded.hints, title = excluded.title,
    author = excluded.author, outlet = excluded.outlet, published = excluded.published,
    published_confidence = excluded.published_confidence,
    published_evidence = excluded.published_evidence, not_before = excluded.not_before,
    chrome = excluded.chrome, pipeline = excluded.pipeline
"""
# An upsert, not INSERT OR REPLACE: a REPLACE deletes the row first, which would cascade to
# every mention and claim of the document and, through them, to fact links.

INSERT_ENTITY = """
INSERT INTO entities (id, name, type, iso3, wikidata) VALUES (?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET name = excluded.name, type = excluded.type,
    iso3 = excluded.iso3, wikidata = excluded.wikidata
"""
INSERT_DOCUMENT_ENTITY = "INSERT INTO document_entities (doc_id, seq, entity_id) VALUES (?, ?, ?)"
INSERT_MENTION = """
INSERT INTO mentions (doc_id, seq, start, "end", text, entity_id, framing, label)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
"""
INSERT_CLAIM = """
INSERT INTO claims (id, doc_id, seq, start, "end", text, value_text, value, unit,
    measure, subject, object, qualifier, period_start, period_end, source, source_named,
    hedge, counted, frame)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
INSERT_CITATION = """
INSERT INTO citations (id, doc_id, seq, start, "end", text, source, verb, named,
    claim_ids)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
INSERT_QUOTE = """
INSERT INTO quotes (id, doc_id, seq, start, "end", text, speaker)
VALUES (?, ?, ?, ?, ?, ?, ?)
"""
INSERT_EVENT = """
INSERT INTO events (id, doc_id, seq, start, "end", text, date, date_text)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
"""
INSERT_RELATION = "INSERT INTO relations (seq, a, b, type, reason) VALUES (?, ?, ?, ?, ?)"
# numbered by SQLite: max(seq) + 1 (seq is the table's rowid)
APPEND_RELATION = "INSERT INTO relations (a, b, type, reason) VALUES (?, ?, ?, ?)"
INSERT_FACT = """
INSERT INTO facts (id, seq, measure, subject, object, unit, verdict, reason, primary_sources,
    independent_confirmations, unattributed_outlets, story, label)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
INSERT_STORY = (
    "INSERT INTO stories (id, seq, label, doc_ids, copies, cast) VALUES (?, ?, ?, ?, ?, ?)"
)
INSERT_FACT_CLAIM = "INSERT INTO fact_claims (fact_id, seq, claim_id) VALUES (?, ?, ?)"
INSERT_SEARCH = "INSERT INTO search_index (body, kind, ref, doc_id) VALUES (?, ?, ?, ?)"


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def document_row(document: Document, meta: DocumentMeta, pipeline: str = "") -> tuple:
    return (
        document.id,
        document.path,
        document.text,
        document.format,
        document.encoding,
        _json(asdict(document.hints)),
        meta.title,
        meta.author,
        meta.outlet,
        meta.published,
        meta.published_confidence,
        meta.published_evidence,
        meta.not_before,
        _json([asdict(c) for c in meta.chrome]),
        pipeline,
    )


def entity_row(entity: Entity) -> tuple:
    return (entity.id, entity.name, entity.type, entity.iso3, entity.wikidata)


def mention_row(seq: int, m: Mention) -> tuple:
    return (m.doc_id, seq, m.start, m.end, m.text, m.entity_id, m.framing, m.label)


def claim_row(seq: int, c: Claim) -> tuple:
    return (
        c.id,
        c.doc_id,
        seq,
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
        int(c.source_named),
        c.hedge,
        c.counted,
        _json(claim_frame(c)),
    )


_FRAME_FIELDS = (
    "value_high",
    "predicate",
    "place",
    "part_of",
    "revision",
    "as_of",
    "period_inferred",
)


def claim_frame(c: Claim) -> dict:
    """The frame fields beyond the claim's columns, as stored in claims.frame (JSON)."""
    return {k: getattr(c, k) for k in _FRAME_FIELDS if getattr(c, k) not in (None, False)}


def citation_row(seq: int, c: Citation) -> tuple:
    return (
        c.id,
        c.doc_id,
        seq,
        c.start,
        c.end,
        c.text,
        c.source,
        c.verb,
        int(c.named),
        _json(list(c.claim_ids)),
    )


def quote_row(seq: int, q: Quote) -> tuple:
    return (q.id, q.doc_id, seq, q.start, q.end, q.text, q.speaker)


def event_row(seq: int, e: Event) -> tuple:
    return (e.id, e.doc_id, seq, e.start, e.end, e.text, e.date, e.date_text)


def relation_row(seq: int, r: Relation) -> tuple:
    return (seq, r.a, r.b, r.type, r.reason)


def fact_row(seq: int, f: Fact) -> tuple:
    return (
        f.id,
        seq,
        f.measure,
        f.subject,
        f.object,
        f.unit,
        f.verdict,
        f.reason,
        _json(list(f.primary_sources)),
        f.independent_confirmations,
        _json(list(f.unattributed_outlets)),
        f.story,
        f.label,
    )


def story_row(seq: int, s: Story) -> tuple:
    cast = {"names": dict(s.names), "actor": s.actor}
    return (
        s.id,
        seq,
        s.label,
        _json(list(s.doc_ids)),
        _json([list(c) for c in s.copies]),
        _json(cast),
    )


def story_from(row: sqlite3.Row) -> Story:
    cast = json.loads(row["cast"])
    return Story(
        id=row["id"],
        label=row["label"],
        doc_ids=tuple(json.loads(row["doc_ids"])),
        copies=tuple(tuple(c) for c in json.loads(row["copies"])),
        names=tuple(sorted(cast.get("names", {}).items())),
        actor=cast.get("actor"),
    )


# ---- rows to dataclasses (rows come from a connection with row_factory=sqlite3.Row) ----


def document_from(row: sqlite3.Row) -> tuple[Document, DocumentMeta]:
    document = Document(
        id=row["id"],
        path=row["path"],
        text=row["text"],
        format=row["format"],
        encoding=row["encoding"],
        hints=Hints(**json.loads(row["hints"])),
    )
    meta = DocumentMeta(
        doc_id=row["id"],
        title=row["title"],
        author=row["author"],
        outlet=row["outlet"],
        published=row["published"],
        published_confidence=row["published_confidence"],
        published_evidence=row["published_evidence"],
        not_before=row["not_before"],
        chrome=tuple(Chrome(**c) for c in json.loads(row["chrome"])),
    )
    return document, meta


def _plain(cls, row: sqlite3.Row):
    """A dataclass whose every field is a column of the same name, stored as is."""
    return cls(**{f.name: row[f.name] for f in fields(cls)})


def entity_from(row: sqlite3.Row) -> Entity:
    return _plain(Entity, row)


def mention_from(row: sqlite3.Row) -> Mention:
    return _plain(Mention, row)


def claim_from(row: sqlite3.Row) -> Claim:
    period = None
    if row["period_start"] is not None or row["period_end"] is not None:
        period = _period(row["period_start"], row["period_end"])
    return Claim(
        id=row["id"],
        doc_id=_shared(row["doc_id"]),
        start=row["start"],
        end=row["end"],
        text=row["text"],
        value_text=row["value_text"],
        value=row["value"],
        unit=_shared(row["unit"]),
        measure=_shared(row["measure"]),
        subject=_shared(row["subject"]),
        object=_shared(row["object"]),
        qualifier=_shared(row["qualifier"]),
        period=period,
        source=_shared(row["source"]),
        source_named=bool(row["source_named"]),
        hedge=_shared(row["hedge"]),
        counted=_shared(row["counted"]),
        **dict(_frame_fields(row["frame"] or "{}")),
    )


def _shared(text: str | None) -> str | None:
    """One string object for a value many rows repeat (a document id, a unit, a measure, an
    actor): SQLite hands back a new copy per row, which a million claims multiply."""
    return None if text is None else sys.intern(text)


@lru_cache(maxsize=4096)
def _period(start: str | None, end: str | None) -> Period:
    """One (frozen) Period per span, shared by the claims that state it."""
    return Period(start=start, end=end)


@lru_cache(maxsize=4096)
def _frame_fields(text: str) -> tuple[tuple[str, object], ...]:
    """The claim-frame fields of a claims.frame JSON text; the same few texts repeat."""
    return tuple((k, v) for k, v in json.loads(text).items() if k in _FRAME_FIELDS)


def citation_from(row: sqlite3.Row) -> Citation:
    return Citation(
        id=row["id"],
        doc_id=row["doc_id"],
        start=row["start"],
        end=row["end"],
        text=row["text"],
        source=row["source"],
        verb=row["verb"],
        named=bool(row["named"]),
        claim_ids=tuple(json.loads(row["claim_ids"])),
    )


def quote_from(row: sqlite3.Row) -> Quote:
    return _plain(Quote, row)


def event_from(row: sqlite3.Row) -> Event:
    return _plain(Event, row)


def relation_from(row: sqlite3.Row) -> Relation:
    return Relation(a=row["a"], b=row["b"], type=row["type"], reason=row["reason"])


def fact_from(row: sqlite3.Row, claim_ids: tuple[str, ...]) -> Fact:
    return Fact(
        id=row["id"],
        measure=row["measure"],
        subject=row["subject"],
        object=row["object"],
        unit=row["unit"],
        claim_ids=claim_ids,
        verdict=row["verdict"],
        reason=row["reason"],
        primary_sources=tuple(json.loads(row["primary_sources"])),
        independent_confirmations=row["independent_confirmations"],
        unattributed_outlets=tuple(json.loads(row["unattributed_outlets"])),
        story=row["story"],
        label=row["label"],
    )


def search_rows(analysis: Analysis) -> list[tuple]:
    """What the full-text index holds for one document: its text, claims and quotes."""
    doc_id = analysis.document.id
    rows = [(analysis.document.text, "document", doc_id, doc_id)]
    rows += [(c.text, "claim", c.id, doc_id) for c in analysis.claims]
    rows += [(q.text, "quote", q.id, doc_id) for q in analysis.quotes]
    return rows
