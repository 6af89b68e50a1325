"""Store creation is one transaction with its schema version (issue 12): a half-made store
an older claimledger left is finished, racing creators take turns, a foreign database is
refused with a message saying what to do."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from claimledger.errors import StoreError
from claimledger.store import SCHEMA_VERSION, Store
from claimledger.store.sqlite import _schema_statements
from report.sample_corpus import sample_corpus


def _half_made(path, statements: int) -> None:
    """What the old creation order left when killed: some tables, no schema version."""
    conn = sqlite3.connect(path)
    for statement in _schema_statements()[:statements]:
        conn.execute(statement)
    conn.commit()
    conn.close()


@pytest.mark.parametrize("statements", [1, 5, len(_schema_statements())])
def test_store_left_half_created_is_finished_on_open(tmp_path, statements):
    path = tmp_path / "ledger.sqlite"
    _half_made(path, statements)
    with Store.open(path) as store:
        corpus = sample_corpus()
        for analysis in corpus.analyses:
            store.save_analysis(analysis)
        store.save_reconciliation(corpus)
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    with Store.open(path) as store:
        assert store.load_corpus() == corpus


def test_store_with_foreign_tables_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "ledger.sqlite"
    _half_made(path, 3)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (n INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=r"invoices.*give a new --db file"):
        Store.open(path)


def test_store_created_by_racing_openers_is_whole_for_each(tmp_path):
    path = tmp_path / "ledger.sqlite"
    n = 8
    barrier = threading.Barrier(n)
    errors: list[BaseException] = []

    def open_it() -> None:
        barrier.wait()
        try:
            with Store.open(path) as store:
                store.document_ids()
        except BaseException as e:  # collected and asserted on below
            errors.append(e)

    threads = [threading.Thread(target=open_it) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_store_creation_that_fails_leaves_no_tables(tmp_path, monkeypatch):
    import claimledger.store.sqlite as sqlite_module

    path = tmp_path / "ledger.sqlite"
    broken = (*_schema_statements()[:4], "CREATE TABLE oops (")
    monkeypatch.setattr(sqlite_module, "_schema_statements", lambda: broken)
    with pytest.raises(StoreError):
        Store.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    conn.close()
