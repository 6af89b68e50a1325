"""Store round trips, idempotent upserts, resume, and failures a user would hit."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from claimledger.errors import StoreError
from claimledger.store import SCHEMA_VERSION, Store
from report.sample_corpus import hostile_analysis, sample_corpus


@pytest.fixture
def store():
    with Store.open(None) as s:
        yield s


def _save(store: Store, corpus) -> None:
    for analysis in corpus.analyses:
        store.save_analysis(analysis)
    store.save_reconciliation(corpus)


def test_sqlite_load_analysis_rebuilds_exactly(store):
    corpus = sample_corpus(hostile=True)
    for analysis in corpus.analyses:
        store.save_analysis(analysis)
    for analysis in corpus.analyses:
        assert store.load_analysis(analysis.document.id) == analysis


def test_sqlite_same_span_extracted_twice_round_trips(store):
    analysis = sample_corpus().analyses[0]
    doubled = replace(analysis, claims=analysis.claims * 2, events=analysis.events * 2)
    store.save_analysis(doubled)
    assert store.load_analysis(analysis.document.id) == doubled


def test_sqlite_load_analysis_unknown_id_is_none(store):
    assert store.load_analysis("d000000000000") is None


def test_sqlite_load_corpus_round_trips(store):
    corpus = sample_corpus(hostile=True)
    _save(store, corpus)
    assert store.load_corpus() == corpus


def test_sqlite_save_twice_is_idempotent(store):
    corpus = sample_corpus()
    _save(store, corpus)
    _save(store, corpus)
    assert store.load_corpus() == corpus
    counts = {
        t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("documents", "claims", "mentions", "facts", "fact_claims", "search_index")
    }
    assert counts["documents"] == 2
    assert counts["claims"] == 3
    assert counts["facts"] == 2


def test_sqlite_resave_replaces_a_documents_rows(store):
    analysis = sample_corpus().analyses[0]
    store.save_analysis(analysis)
    fewer = replace(analysis, mentions=analysis.mentions[:1], claims=())
    store.save_analysis(fewer)
    assert store.load_analysis(analysis.document.id) == fewer
    # The search index follows: the dropped claim is no longer found.
    assert [h.kind for h in store.search("supplied")] == ["document"]


def test_sqlite_reconciliation_keeps_skipped_inputs(store):
    from claimledger.models import Skipped

    corpus = replace(sample_corpus(), skipped=(Skipped(path="empty.txt", reason="no text"),))
    _save(store, corpus)
    assert store.load_corpus().skipped == corpus.skipped


def test_sqlite_file_store_uses_wal_and_survives_reopen(tmp_path):
    path = tmp_path / "ledger.sqlite"
    corpus = sample_corpus()
    with Store.open(path) as s:
        _save(s, corpus)
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with Store.open(str(path)) as s:
        assert s.load_corpus() == corpus
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_sqlite_not_a_database_raises_store_error(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert str(path) in str(info.value)
    assert "not a claimledger database" in info.value.reason


def test_sqlite_foreign_database_raises_store_error(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE people (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="no claimledger schema version"):
        Store.open(path)


def test_sqlite_newer_schema_raises_store_error(tmp_path):
    path = tmp_path / "future.sqlite"
    with Store.open(path):
        pass
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="upgrade claimledger"):
        Store.open(path)


@pytest.mark.parametrize("where", ["missing-folder/ledger.sqlite", "."])
def test_sqlite_unopenable_path_raises_store_error(tmp_path, where):
    path = tmp_path / where
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert info.value.path == str(path)


def test_sqlite_hostile_text_is_stored_verbatim(store):
    analysis = hostile_analysis()
    store.save_analysis(analysis)
    loaded = store.load_analysis(analysis.document.id)
    assert loaded.document.text == analysis.document.text
    assert "<script>" in loaded.document.text


def test_sqlite_version_1_store_is_migrated_to_stories_and_frames(tmp_path):
    path = tmp_path / "old.sqlite"
    with Store.open(path) as s:
        _save(s, sample_corpus())
    # what a version-1 store lacked: the stories table, facts' story and label, claims' frame
    conn = sqlite3.connect(path)
    conn.executescript(
        "DROP TABLE stories; ALTER TABLE facts DROP COLUMN story;"
        " ALTER TABLE facts DROP COLUMN label; ALTER TABLE claims DROP COLUMN frame;"
        " PRAGMA user_version = 1;"
    )
    conn.close()
    with Store.open(path) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        columns = {r[1] for r in s.conn.execute("PRAGMA table_info(facts)")}
        assert {"story", "label"} <= columns
        corpus = s.load_corpus()
        assert corpus.analyses and corpus.stories == ()


def test_sqlite_version_2_store_is_migrated_to_story_casts(tmp_path):
    path = tmp_path / "old.sqlite"
    with Store.open(path) as s:
        _save(s, sample_corpus())
    # what a version-2 store lacked: each story's cast (merged names, lead actor)
    conn = sqlite3.connect(path)
    conn.executescript("ALTER TABLE stories DROP COLUMN cast; PRAGMA user_version = 2;")
    conn.close()
    with Store.open(path) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        columns = {r[1] for r in s.conn.execute("PRAGMA table_info(stories)")}
        assert "cast" in columns
        assert all(story.actor is None for story in s.load_corpus().stories)


def test_sqlite_relation_rows_are_numbered_after_the_corpus_relations(store):
    corpus = sample_corpus()
    assert corpus.relations
    for analysis in corpus.analyses:
        store.save_analysis(analysis)
    extra = [(r.b, r.a, r.type, f"again: {r.reason}") for r in corpus.relations]
    store.save_reconciliation(corpus, relation_rows=iter(extra))
    seqs = [r[0] for r in store.conn.execute("SELECT seq FROM relations ORDER BY seq")]
    assert seqs == list(range(2 * len(corpus.relations)))
    loaded = store.load_corpus().relations
    assert loaded[: len(corpus.relations)] == corpus.relations
    assert [(r.a, r.b, r.type, r.reason) for r in loaded[len(corpus.relations) :]] == extra
    # a second reconciliation replaces them all, numbered from 0 again
    store.save_reconciliation(replace(corpus, relations=()), relation_rows=extra[:1])
    assert [r[0] for r in store.conn.execute("SELECT seq FROM relations")] == [0]
