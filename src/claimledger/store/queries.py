"""Read-only queries for the web UI: full-text search and claim filters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import Claim
from . import rows

if TYPE_CHECKING:
    from .sqlite import Store

# Snippet markers: control characters no article text holds, so the UI can escape the
# snippet first and only then turn the markers into <mark> tags.
MARK_START = "\x02"
MARK_END = "\x03"

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchHit:
    kind: str  # claim | document | quote
    ref: str  # the claim, document or quote id
    doc_id: str
    path: str
    title: str | None
    outlet: str | None
    snippet: str  # plain text with MARK_START/MARK_END around matched words


def fts_query(text: str) -> str:
    """User text to an FTS5 query: every word must match, the last one as a prefix.

    Quoting each word means punctuation and FTS5 operators in the user's text ("AND",
    "NEAR", '"', '*') can never make the query invalid."""
    words = _WORD.findall(text)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def search(
    store: Store, text: str, limit: int = 50, *, outlet: str | None = None
) -> list[SearchHit]:
    query = fts_query(text)
    if not query:
        return []
    # The best `limit` rows are chosen first and only they get a snippet: SQLite computes
    # every output column of every match before sorting, and a snippet of each matching
    # article made a common word cost 150 ms on 1,408 documents (issue 12).
    cursor = store._query(
        f"""
        WITH best AS (
            SELECT s.rowid AS id, s.rank AS rank,
                   CASE s.kind WHEN 'claim' THEN 0 WHEN 'quote' THEN 1 ELSE 2 END AS kind_order
            FROM search_index s JOIN documents d ON d.id = s.doc_id
            WHERE search_index MATCH :q AND (:o IS NULL OR d.outlet = :o COLLATE NOCASE)
            ORDER BY kind_order, rank
            LIMIT :limit
        )
        SELECT s.kind, s.ref, s.doc_id, d.path, d.title, d.outlet,
               snippet(search_index, 0, '{MARK_START}', '{MARK_END}', '…', 16) AS snippet
        FROM search_index s JOIN best ON best.id = s.rowid JOIN documents d ON d.id = s.doc_id
        WHERE search_index MATCH :q
        ORDER BY best.kind_order, best.rank
        """,
        {"q": query, "o": outlet, "limit": limit},
    )
    return [
        SearchHit(
            kind=r["kind"],
            ref=r["ref"],
            doc_id=r["doc_id"],
            path=r["path"],
            title=r["title"],
            outlet=r["outlet"],
            snippet=r["snippet"],
        )
        for r in cursor
    ]


def claims(
    store: Store,
    *,
    entity: str | None = None,
    outlet: str | None = None,
    measure: str | None = None,
    verdict: str | None = None,
    text: str | None = None,
    limit: int = 500,
) -> list[Claim]:
    where: list[str] = []
    match = fts_query(text) if text else ""
    if text and not match:
        return []  # words were asked for but the text holds none: nothing can match
    if match:
        # The words and the filters in one query, answered by the full-text index.
        where.append(
            "c.id IN (SELECT ref FROM search_index WHERE search_index MATCH :q AND kind = 'claim')"
        )
    if entity:
        # Claims name actors by canonical name; accept the entity id too.
        where.append(
            "(c.subject = :e COLLATE NOCASE OR c.object = :e COLLATE NOCASE OR EXISTS ("
            " SELECT 1 FROM entities e WHERE e.id = :e"
            " AND (e.name = c.subject OR e.name = c.object)))"
        )
    if outlet:
        where.append("d.outlet = :o COLLATE NOCASE")
    if measure:
        where.append("c.measure = :m COLLATE NOCASE")
    if verdict:
        # from the facts with that verdict (indexed) to their claims, not a look-up per claim
        where.append(
            "c.id IN (SELECT fc.claim_id FROM facts f JOIN fact_claims fc ON fc.fact_id = f.id"
            " WHERE f.verdict = :v)"
        )
    sql = (
        "SELECT c.* FROM claims c JOIN documents d ON d.id = c.doc_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY d.path, c.seq LIMIT :limit"
    )
    named = {"e": entity, "o": outlet, "m": measure, "v": verdict, "q": match, "limit": limit}
    return [rows.claim_from(r) for r in store._query(sql, named)]


def _in_chunks(ids: list[str], size: int = 500):
    # SQLite caps the number of bound parameters (32,766 since 3.32, 999 before).
    for i in range(0, len(ids), size):
        chunk = ids[i : i + size]
        yield chunk, ",".join("?" * len(chunk))


def facts_of_claims(store: Store, claim_ids: list[str]) -> dict[str, tuple[str, str]]:
    """claim id -> (fact id, verdict) of the fact it belongs to, for the claims given."""
    out: dict[str, tuple[str, str]] = {}
    for chunk, marks in _in_chunks(sorted(set(claim_ids))):
        for r in store._query(
            "SELECT fc.claim_id, f.id, f.verdict FROM fact_claims fc"
            f" JOIN facts f ON f.id = fc.fact_id WHERE fc.claim_id IN ({marks})"
            " ORDER BY f.seq",
            tuple(chunk),
        ):
            out.setdefault(r[0], (r[1], r[2]))
    return out


def document_labels(
    store: Store, doc_ids: list[str]
) -> dict[str, tuple[str, str | None, str | None]]:
    """doc id -> (path, outlet, title) for the documents given."""
    out = {}
    for chunk, marks in _in_chunks(sorted(set(doc_ids))):
        for r in store._query(
            f"SELECT id, path, outlet, title FROM documents WHERE id IN ({marks})", tuple(chunk)
        ):
            out[r["id"]] = (r["path"], r["outlet"], r["title"])
    return out


def facets(store: Store) -> dict[str, list[str]]:
    def column(sql: str) -> list[str]:
        return [r[0] for r in store._query(sql) if r[0]]

    return {
        "entity": column(
            "SELECT DISTINCT name FROM ("
            " SELECT subject AS name FROM claims UNION SELECT object FROM claims)"
            " WHERE name IS NOT NULL ORDER BY name"
        ),
        "outlet": column("SELECT DISTINCT outlet FROM documents ORDER BY outlet"),
        "measure": column("SELECT DISTINCT measure FROM claims ORDER BY measure"),
        "verdict": column("SELECT DISTINCT verdict FROM facts ORDER BY verdict"),
    }
