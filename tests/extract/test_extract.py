"""The extract verb: one Analysis of plain dataclasses, offsets into the original text."""

from __future__ import annotations

import dataclasses

from claimledger.extract import extract
from claimledger.models import Analysis, Chrome, DocumentMeta
from claimledger.pipeline import analysis_text

TEXT = (
    "Share 12\n\n"
    "The Riverside Courier reported that the council spent $3.5 million on flood walls in "
    "2021.\u00a0According to the mayor's office, 65% of the homes in the valley are now safe.\n"
)


def test_extract_returns_only_dataclasses_with_faithful_offsets(nlp, make_document):
    doc = make_document(TEXT)
    meta = DocumentMeta(doc_id=doc.id)
    analysis = extract(nlp(analysis_text(doc, meta)), doc, meta)
    assert isinstance(analysis, Analysis)
    for group in (analysis.claims, analysis.citations, analysis.quotes, analysis.events):
        for item in group:
            assert dataclasses.is_dataclass(item)
            assert item.text == TEXT[item.start : item.end]
    assert {c.value for c in analysis.claims} == {3_500_000, 0.65}
    assert {e.date for e in analysis.events} == {"2021"}


def test_extract_ignores_page_chrome(nlp, make_document):
    doc = make_document(TEXT)
    end = TEXT.index("\n")
    chrome = (Chrome(start=0, end=end, text=TEXT[:end], kind="share"),)
    meta = DocumentMeta(doc_id=doc.id, chrome=chrome)
    analysis = extract(nlp(analysis_text(doc, meta)), doc, meta)
    assert all(c.start >= end for c in analysis.claims)
    assert 12 not in {c.value for c in analysis.claims}
