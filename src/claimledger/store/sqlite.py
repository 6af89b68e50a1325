"""The SQLite store: one file holding every analysed document and the latest reconciliation.

WAL mode lets the web UI read while an analysis writes; each document is saved in its own
transaction, so an interrupted run keeps what it finished and `pipeline.analyze` resumes
from `load_analysis`.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import cache
from importlib.resources import files
from pathlib import Path

from ..errors import StoreError
from ..models import Analysis, Claim, Corpus, Entity, Fact, Skipped
from . import queries, rows

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3
MEMORY = ":memory:"


# How long an open or a write waits for another connection's lock before giving up (sqlite3's
# default is 5 s; a loaded machine can pass it while openers race to create one store).
BUSY_WAIT_S = 30.0


class Store:
    """A claimledger database. Use `Store.open(path)`, ideally as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    # ---- lifecycle ----

    @classmethod
    def open(cls, path: str | Path | None = None) -> Store:
        """Open (creating if needed) the store at `path`; None or ":memory:" keeps it in memory.

        Raises StoreError naming the path when it cannot be opened, is not a SQLite database,
        or was written by a newer claimledger.
        """
        where = MEMORY if path is None or str(path) == MEMORY else str(Path(path))
        if where != MEMORY:
            parent = Path(where).parent
            if not parent.is_dir():
                raise StoreError(where, f"folder {parent} does not exist; create it first")
            if Path(where).is_dir():
                raise StoreError(where, "is a folder; give a database file path")
        try:
            # check_same_thread=False: the web UI's worker threads share one read connection;
            # sqlite3 serialises access to it (the module is built threadsafe).
            conn = sqlite3.connect(where, check_same_thread=False, timeout=BUSY_WAIT_S)
        except sqlite3.Error as e:
            raise StoreError(where, f"cannot open: {e}") from e
        conn.row_factory = sqlite3.Row
        try:
            _prepare(conn)
        except sqlite3.DatabaseError as e:
            conn.close()
            raise StoreError(
                where,
                f"not a claimledger database ({e}); give a new --db file, or move this one"
                " aside and analyse again",
            ) from e
        except StoreError:
            conn.close()
            raise
        except ValueError as e:
            conn.close()
            raise StoreError(where, str(e)) from e
        return cls(conn, where)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- writes ----

    def save_analysis(self, analysis: Analysis, *, pipeline: str = "") -> None:
        """Save one document's analysis in one transaction, replacing what the store held
        for the same document id (a re-save is a no-op in effect). `pipeline` fingerprints
        the code and model that made it, so a later run can tell a stale analysis."""
        doc = analysis.document
        doc_id = doc.id
        try:
            with self.conn:
                c = self.conn
                c.execute(rows.INSERT_DOCUMENT, rows.document_row(doc, analysis.meta, pipeline))
                for table in ("document_entities", "mentions", "claims", "citations", "quotes"):
                    c.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
                c.execute("DELETE FROM events WHERE doc_id = ?", (doc_id,))
                c.execute("DELETE FROM search_index WHERE doc_id = ?", (doc_id,))
                c.executemany(rows.INSERT_ENTITY, [rows.entity_row(e) for e in analysis.entities])
                c.executemany(
                    rows.INSERT_DOCUMENT_ENTITY,
                    [(doc_id, i, e.id) for i, e in enumerate(analysis.entities)],
                )
                c.executemany(
                    rows.INSERT_MENTION,
                    [rows.mention_row(i, m) for i, m in enumerate(analysis.mentions)],
                )
                c.executemany(
                    rows.INSERT_CLAIM, [rows.claim_row(i, x) for i, x in enumerate(analysis.claims)]
                )
                c.executemany(
                    rows.INSERT_CITATION,
                    [rows.citation_row(i, x) for i, x in enumerate(analysis.citations)],
                )
                c.executemany(
                    rows.INSERT_QUOTE, [rows.quote_row(i, x) for i, x in enumerate(analysis.quotes)]
                )
                c.executemany(
                    rows.INSERT_EVENT, [rows.event_row(i, x) for i, x in enumerate(analysis.events)]
                )
                c.executemany(rows.INSERT_SEARCH, rows.search_rows(analysis))
        except sqlite3.Error as e:
            raise StoreError(self.path, f"cannot save document {doc.path}: {e}") from e
        log.debug("saved %s (%s) to %s", doc.path, doc_id, self.path)

    def save_reconciliation(
        self, corpus: Corpus, *, relation_rows: Iterable[tuple[str, str, str, str]] = ()
    ) -> None:
        """Replace relations and facts with the corpus's, upsert its entities and record the
        run, in one transaction. Documents are saved one by one with `save_analysis`.
        `relation_rows`: (a, b, type, reason) tuples stored after the corpus's relations, for
        a caller that never made `Relation`s of them (reconcile.reconcile_rows)."""
        try:
            with self.conn:
                c = self.conn
                c.executemany(rows.INSERT_ENTITY, [rows.entity_row(e) for e in corpus.entities])
                c.execute("DELETE FROM relations")
                c.execute("DELETE FROM fact_claims")
                c.execute("DELETE FROM facts")
                c.execute("DELETE FROM stories")
                c.executemany(
                    rows.INSERT_STORY,
                    [rows.story_row(i, s) for i, s in enumerate(corpus.stories)],
                )
                # rows streamed, not listed: a million claims make millions of relations,
                # and a list of their rows would double the run's peak memory
                c.executemany(
                    rows.INSERT_RELATION,
                    (rows.relation_row(i, r) for i, r in enumerate(corpus.relations)),
                )
                _append_relations(c, relation_rows, len(corpus.relations))
                c.executemany(
                    rows.INSERT_FACT, (rows.fact_row(i, f) for i, f in enumerate(corpus.facts))
                )
                c.executemany(
                    rows.INSERT_FACT_CLAIM,
                    (
                        (f.id, i, claim_id)
                        for f in corpus.facts
                        for i, claim_id in enumerate(f.claim_ids)
                    ),
                )
                c.execute(
                    "INSERT INTO runs (finished_at, documents, claims, facts, skipped)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (
                        datetime.now(UTC).isoformat(timespec="seconds"),
                        len(corpus.analyses),
                        sum(len(a.claims) for a in corpus.analyses),
                        len(corpus.facts),
                        json.dumps([{"path": s.path, "reason": s.reason} for s in corpus.skipped]),
                    ),
                )
        except sqlite3.Error as e:
            raise StoreError(self.path, f"cannot save the reconciliation: {e}") from e

    # ---- reads ----

    def document_ids(self) -> list[str]:
        return [r[0] for r in self._query("SELECT id FROM documents ORDER BY path, id")]

    def state(self) -> tuple:
        """Changes whenever the stored data does, for caches: the latest run, the document
        count and SQLite's data_version (bumped by commits from other connections)."""
        row = self._query(
            "SELECT (SELECT max(id) FROM runs), (SELECT count(*) FROM documents)"
        ).fetchone()
        data_version = self._query("PRAGMA data_version").fetchone()[0]
        return (row[0], row[1], data_version, self.conn.total_changes)

    def document_labels(
        self, doc_ids: list[str] | None = None
    ) -> dict[str, tuple[str, str | None, str | None]]:
        """doc id -> (path, outlet, title), for listing results without loading texts;
        of the documents given, or of every document."""
        if doc_ids is not None:
            return queries.document_labels(self, doc_ids)
        return {
            r["id"]: (r["path"], r["outlet"], r["title"])
            for r in self._query("SELECT id, path, outlet, title FROM documents")
        }

    def load_analysis(self, doc_id: str, *, pipeline: str | None = None) -> Analysis | None:
        """The analysis saved for `doc_id`, rebuilt exactly, or None if the store lacks it
        (or, when `pipeline` is given, holds one made by another pipeline)."""
        row = self._query("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None or (pipeline is not None and row["pipeline"] != pipeline):
            return None
        document, meta = rows.document_from(row)

        def children(table: str) -> list[sqlite3.Row]:
            return self._query(
                f"SELECT * FROM {table} WHERE doc_id = ? ORDER BY seq", (doc_id,)
            ).fetchall()

        entities = self._query(
            "SELECT e.* FROM document_entities de JOIN entities e ON e.id = de.entity_id"
            " WHERE de.doc_id = ? ORDER BY de.seq",
            (doc_id,),
        ).fetchall()
        return Analysis(
            document=document,
            meta=meta,
            entities=tuple(rows.entity_from(r) for r in entities),
            mentions=tuple(rows.mention_from(r) for r in children("mentions")),
            claims=tuple(rows.claim_from(r) for r in children("claims")),
            citations=tuple(rows.citation_from(r) for r in children("citations")),
            quotes=tuple(rows.quote_from(r) for r in children("quotes")),
            events=tuple(rows.event_from(r) for r in children("events")),
        )

    def load_corpus(self) -> Corpus:
        """Every stored document with the latest reconciliation (documents by path)."""
        analyses = [self.load_analysis(doc_id) for doc_id in self.document_ids()]
        links: dict[str, list[str]] = {}
        for r in self._query("SELECT fact_id, claim_id FROM fact_claims ORDER BY fact_id, seq"):
            links.setdefault(r["fact_id"], []).append(r["claim_id"])
        facts = tuple(
            rows.fact_from(r, tuple(links.get(r["id"], ())))
            for r in self._query("SELECT * FROM facts ORDER BY seq")
        )
        relations = tuple(
            rows.relation_from(r) for r in self._query("SELECT * FROM relations ORDER BY seq")
        )
        stories = tuple(
            rows.story_from(r) for r in self._query("SELECT * FROM stories ORDER BY seq")
        )
        run = self._query("SELECT skipped FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        skipped = tuple(Skipped(**s) for s in json.loads(run["skipped"])) if run else ()
        # claims as a reader sees them: names merged, lead actors cast and undated articles
        # dated, story by story
        # (imported here: opening a store for anything else needs no reconcile code)
        from ..reconcile.actors import cast_claims
        from ..reconcile.writing_time import date_undated

        read = cast_claims([a for a in analyses if a is not None], stories)
        return Corpus(
            analyses=date_undated(read, stories),
            entities=self.entities(),
            relations=relations,
            facts=facts,
            skipped=skipped,
            stories=stories,
        )

    def entities(self) -> tuple[Entity, ...]:
        return tuple(rows.entity_from(r) for r in self._query("SELECT * FROM entities ORDER BY id"))

    def search(
        self, query: str, limit: int = 50, *, outlet: str | None = None
    ) -> list[queries.SearchHit]:
        """Full-text search over claim sentences, document texts and quotes, claims first,
        then by relevance; `outlet` keeps hits from that outlet's articles only."""
        return queries.search(self, query, limit, outlet=outlet)

    def claims(
        self,
        *,
        entity: str | None = None,
        outlet: str | None = None,
        measure: str | None = None,
        verdict: str | None = None,
        text: str | None = None,
        limit: int = 500,
    ) -> list[Claim]:
        """Claims matching every filter given (entity by id or name, as subject or object;
        `text`: words the claim's sentence holds, as in `search`)."""
        return queries.claims(
            self,
            entity=entity,
            outlet=outlet,
            measure=measure,
            verdict=verdict,
            text=text,
            limit=limit,
        )

    def facts_of_claims(self, claim_ids: list[str]) -> dict[str, tuple[str, str]]:
        """claim id -> (fact id, verdict), from the index, without loading the corpus."""
        return queries.facts_of_claims(self, claim_ids)

    def facts(self, *, verdict: str | None = None) -> list[Fact]:
        return [f for f in self.load_corpus().facts if verdict is None or f.verdict == verdict]

    def facets(self) -> dict[str, list[str]]:
        """The values each UI filter can take: entity names, outlets, measures, verdicts."""
        return queries.facets(self)

    def _query(self, sql: str, params: tuple | dict = ()) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except sqlite3.Error as e:
            raise StoreError(self.path, f"query failed: {e}") from e


def _append_relations(c: sqlite3.Connection, found: Iterable[tuple], seq: int) -> None:
    """Store (a, b, type, reason) rows as relations `seq`, `seq` + 1, ... The first is given
    its seq; SQLite numbers each later one max(seq) + 1 itself (seq is the rowid), so the
    rows go to executemany as they are, with no tuple made per row for its number: at
    millions of relations that is seconds."""
    rest = iter(found)
    first = next(rest, None)
    if first is None:
        return
    c.execute(rows.INSERT_RELATION, (seq, *first))
    c.executemany(rows.APPEND_RELATION, rest)


def _prepare(conn: sqlite3.Connection) -> None:
    """Set the pragmas and create (or check) the schema.

    A new store gets its tables and its schema version in one transaction, so a kill -9
    part way leaves an empty file, never tables without a version (issue 12: 3 of 40 kills
    left a store every later open refused). BEGIN IMMEDIATE makes two processes creating
    the same store take turns; the second finds the first's schema and checks it."""
    conn.execute("PRAGMA foreign_keys = ON")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    _check_version(version)
    if version == SCHEMA_VERSION:
        return  # made whole in one transaction: nothing to write, no write lock to wait for
    # journal_mode=WAL answers "memory" for an in-memory database, which is fine. It cannot
    # change inside a transaction, so it comes first; it persists in the file.
    _switch_to_wal(conn)
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        _check_version(version)
        if version == 0:
            _refuse_foreign_tables(conn)
        if version == 1:
            _migrate_1_to_2(conn)
        if version == 2:
            _migrate_2_to_3(conn)
        for statement in _schema_statements():
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _switch_to_wal(conn: sqlite3.Connection) -> None:
    """Set WAL journaling. The switch needs the file to itself and SQLite answers "database is
    locked" at once, without waiting, while another opener holds it (about 1 open in 300 of
    eight racing threads was refused as "not a claimledger database"): try again, briefly,
    up to BUSY_WAIT_S."""
    deadline = time.monotonic() + BUSY_WAIT_S
    pause = 0.005
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def _migrate_1_to_2(conn: sqlite3.Connection) -> None:
    """Version 2 adds stories, each fact's story and label, and each claim's frame (inside
    the caller's transaction; the new table comes from schema.sql after it)."""
    conn.execute("ALTER TABLE facts ADD COLUMN story TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE facts ADD COLUMN label TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE claims ADD COLUMN frame TEXT NOT NULL DEFAULT '{}'")


def _migrate_2_to_3(conn: sqlite3.Connection) -> None:
    """Version 3 adds each story's cast: merged person names and its lead actor."""
    conn.execute("ALTER TABLE stories ADD COLUMN cast TEXT NOT NULL DEFAULT '{}'")


def _check_version(version: int) -> None:
    if version > SCHEMA_VERSION:
        raise ValueError(
            f"schema version {version} is newer than this claimledger's ({SCHEMA_VERSION});"
            " upgrade claimledger"
        )


def _refuse_foreign_tables(conn: sqlite3.Connection) -> None:
    """A file without a schema version holding tables: if they are all ours, an earlier
    claimledger was killed while creating the store (it made tables first and the version
    last), and finishing the schema repairs it; anything else is someone else's database."""
    ours = {name.lower() for name in _schema_names()}
    found = [
        r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    ]
    # FTS5 keeps its rows in shadow tables named after the index: search_index_data, ...
    foreign = [n for n in found if n.lower() not in ours and not n.startswith("search_index_")]
    if foreign:
        raise ValueError(
            "holds tables but no claimledger schema version"
            f" ({', '.join(sorted(foreign)[:5])}): it is another program's database;"
            " give a new --db file"
        )
    if found:
        log.warning("finishing a store an interrupted run left half created")


@cache
def _schema_statements() -> tuple[str, ...]:
    """schema.sql split into statements (sqlite3.complete_statement knows where one ends,
    comments and quoted text included)."""
    statements, pending = [], ""
    for line in (files(__package__) / "schema.sql").read_text(encoding="utf-8").splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("--")):
            continue
        pending += line + "\n"
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    return tuple(statements)


@cache
def _schema_names() -> frozenset[str]:
    pattern = re.compile(
        r"CREATE\s+(?:VIRTUAL\s+)?(?:TABLE|INDEX)\s+IF\s+NOT\s+EXISTS\s+(\w+)", re.I
    )
    return frozenset(m.group(1) for s in _schema_statements() for m in [pattern.search(s)] if m)
