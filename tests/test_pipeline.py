"""The analyze verb end to end: offsets, duplicates, resuming from the store (Dask and
process pools: tests/test_scale.py)."""

from __future__ import annotations

import pytest

from claimledger import pipeline
from claimledger.models import Chrome, DocumentMeta
from claimledger.pipeline import analysis_text, analyze
from claimledger.store import Store

ARTICLE = """Port authority reports record month

By Ana Ruiz - Harbour Gazette

Exports through the northern port rose to 4.2 million tonnes in May, the port authority
said. Shipping agents estimated that around 60 percent of the cargo went to Egypt.
"""


def test_pipeline_analysis_text_keeps_offsets_and_blanks_chrome(make_document):
    text = "Share\nPrint\nThe\u00a0minister spoke.\n"
    doc = make_document(text)
    meta = DocumentMeta(doc_id=doc.id, chrome=(Chrome(start=0, end=5, text="Share", kind="share"),))
    cleaned = analysis_text(doc, meta)
    assert len(cleaned) == len(text)
    assert cleaned.startswith("     \nPrint")
    assert "The minister" in cleaned  # NBSP made plain for the tokenizer, same length


@pytest.mark.slow
def test_pipeline_same_content_twice_is_one_document(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    corpus = analyze([tmp_path])
    assert len(corpus.analyses) == 1


@pytest.mark.slow
def test_pipeline_rerun_after_a_code_or_model_change_analyses_again(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "ledger.sqlite"
    with Store.open(db) as store:
        analyze([tmp_path / "a.txt"], store=store)
    calls = []
    real = pipeline.analyze_documents

    def counting(items, settings, **kwargs):
        items = list(items)
        calls.append(len(items))
        return real(items, settings, **kwargs)

    monkeypatch.setattr(pipeline, "analyze_documents", counting)
    monkeypatch.setattr(pipeline, "pipeline_fingerprint", lambda settings: "another-version")
    with Store.open(db) as store:
        corpus = analyze([tmp_path / "a.txt"], store=store)
    assert calls == [1]
    assert corpus.analyses[0].claims
