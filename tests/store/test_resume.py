"""The pipeline with a store: a second run loads every document instead of analysing it
again, and gets the same corpus."""

from __future__ import annotations

import pytest

from claimledger.pipeline import analyze
from claimledger.store import Store

pytestmark = pytest.mark.slow

TEXTS = {
    "coast.txt": (
        "Port officials in Valmora said on 4 May 2022 that exports of copper rose 12 percent "
        "last year, according to the national statistics office."
    ),
    "inland.txt": (
        "Copper exports from Valmora grew by 20 percent in 2021, the mining ministry claimed "
        "in a statement on Tuesday."
    ),
}


def test_resume_second_run_loads_from_the_store(tmp_path, settings, monkeypatch):
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    inputs = [tmp_path / name for name in TEXTS]
    db = tmp_path / "ledger.sqlite"
    with Store.open(db) as store:
        first = analyze(inputs, settings, store=store)

    import claimledger.pipeline as pipeline

    def no_analysis(*args, **kwargs):
        raise AssertionError("a stored document was analysed again")

    monkeypatch.setattr(pipeline, "analyze_documents", no_analysis)
    with Store.open(db) as store:
        second = analyze(inputs, settings, store=store)
        assert store.load_corpus().analyses == second.analyses
    assert second == first
