"""The store as one growing corpus: document bookkeeping for streaming runs, and block-wise
reads of what reconciliation needs.

A store is one corpus. A document is keyed by its content hash; its `path` is where it was
last read. When a path is analysed again with new content, the new version replaces the old
one (`claim_path`), so editing a file and re-running never leaves two versions behind.
Reconciliation covers every document in the store, not just the ones a run read, so two
runs over halves of a corpus leave the same facts as one run over the whole.

Kept apart from `sqlite.py` (store creation and the per-document save) on purpose: these
are plain functions over a `Store`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import StoreError
from ..models import Analysis, Document, DocumentMeta
from ..reconcile.actors import Named, actor_kind
from . import rows
from .sqlite import Store

# Documents per block read: large enough that SQLite's per-query cost vanishes, small enough
# that a block of claims stays a few megabytes.
BLOCK = 500

_DOC_COLUMNS = (
    "id, path, '' AS text, format, encoding, hints, title, author, outlet, published,"
    " published_confidence, published_evidence, not_before, '[]' AS chrome"
)


@dataclass(frozen=True, slots=True)
class Run:
    """One row of the run history: when a reconciliation finished and what it covered."""

    id: int
    finished_at: str
    documents: int
    claims: int
    facts: int
    skipped: tuple[dict, ...]


def stored_pipeline(store: Store, doc_id: str) -> str | None:
    """The pipeline fingerprint the store's analysis of `doc_id` was made with, or None
    when the store does not hold that document."""
    row = store._query("SELECT pipeline FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return None if row is None else row[0]


def claim_path(store: Store, doc_id: str, path: str) -> int:
    """Make `doc_id` the one document read from `path`: older versions of the same path (the
    file before it was edited) are deleted with everything extracted from them, and the
    document takes the path it was last read from. Returns how many versions it replaced.
    Idempotent, so a crash between the save and this step is mended by the next run; when
    there is nothing to mend (the usual case) it only reads, through the path index."""
    stale = [
        r[0]
        for r in store._query("SELECT id FROM documents WHERE path = ? AND id != ?", (path, doc_id))
    ]
    row = store._query("SELECT path FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if not stale and (row is None or row[0] == path):
        return 0
    try:
        with store.conn:
            c = store.conn
            for old in stale:
                # the full-text index is a virtual table: no cascade reaches it
                c.execute("DELETE FROM search_index WHERE doc_id = ?", (old,))
                c.execute("DELETE FROM documents WHERE id = ?", (old,))
            c.execute("UPDATE documents SET path = ? WHERE id = ?", (path, doc_id))
    except sqlite3.Error as e:
        raise StoreError(store.path, f"cannot record {path} as analysed: {e}") from e
    return len(stale)


def document_count(store: Store) -> int:
    return store._query("SELECT count(*) FROM documents").fetchone()[0]


def document_texts(store: Store) -> Iterator[tuple[str, str, str | None]]:
    """(id, text, published) of every stored document, in path order, for story grouping."""
    for r in store._query("SELECT id, text, published FROM documents ORDER BY path, id"):
        yield r["id"], r["text"], r["published"]


def named_entities(store: Store) -> Iterator[Named]:
    """How often each stored document names each entity, for casting stories
    (reconcile/actors.py): one row per document and entity, not per mention."""
    for r in store._query(
        "SELECT m.doc_id, m.entity_id, COALESCE(e.name, m.entity_id) AS name,"
        " COALESCE(e.type, '') AS type, e.iso3, COUNT(*) AS n FROM mentions m"
        " LEFT JOIN entities e ON e.id = m.entity_id GROUP BY m.doc_id, m.entity_id"
    ):
        kind = actor_kind(r["type"], r["iso3"])
        yield Named(r["doc_id"], r["entity_id"], r["name"], kind, r["n"])


def claim_blocks(store: Store, block: int = BLOCK) -> Iterator[list[Analysis]]:
    """Every stored document, `block` at a time in (path, id) order, as an Analysis holding
    what reconciliation reads: the document's id and path, its outlet and date, its claims.
    Texts, mentions, quotes and the rest stay on disk, so a million claims cost their own
    size and no more. Pages by key, not OFFSET, so each block is one index range scan."""
    last: tuple[str, str] = ("", "")
    while True:
        docs = store._query(
            f"SELECT {_DOC_COLUMNS} FROM documents WHERE (path, id) > (?, ?)"
            " ORDER BY path, id LIMIT ?",
            (*last, block),
        ).fetchall()
        if not docs:
            return
        last = (docs[-1]["path"], docs[-1]["id"])
        yield _light_analyses(store, docs)


def _light_analyses(store: Store, docs: list[sqlite3.Row]) -> list[Analysis]:
    ids = [d["id"] for d in docs]
    marks = ",".join("?" * len(ids))
    claims: dict[str, list] = {i: [] for i in ids}
    for r in store._query(
        f"SELECT * FROM claims WHERE doc_id IN ({marks}) ORDER BY doc_id, seq", tuple(ids)
    ):
        claims[r["doc_id"]].append(rows.claim_from(r))
    out = []
    for d in docs:
        document, meta = rows.document_from(d)
        out.append(_light(document, meta, tuple(claims[d["id"]])))
    return out


def _light(document: Document, meta: DocumentMeta, claims: tuple) -> Analysis:
    return Analysis(document=document, meta=meta, claims=claims)


def runs(store: Store) -> list[Run]:
    """The run history, oldest first: one row per reconciliation of the store."""
    return [
        Run(
            id=r["id"],
            finished_at=r["finished_at"],
            documents=r["documents"],
            claims=r["claims"],
            facts=r["facts"],
            skipped=tuple(json.loads(r["skipped"])),
        )
        for r in store._query("SELECT * FROM runs ORDER BY id")
    ]
