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


def _extract_with(nlp, make_document, text: str, folder=None):
    from claimledger.config import Settings

    doc = make_document(text)
    meta = DocumentMeta(doc_id=doc.id)
    settings = Settings(lexicon_dirs=(folder,)) if folder is not None else None
    return extract(nlp(analysis_text(doc, meta)), doc, meta, settings=settings)


def test_extract_reads_a_users_extra_reporting_verb(nlp, make_document, tmp_path):
    text = "The Valdria Port Authority grumbled that 40 ships were turned away in 2021.\n"
    assert [c.source for c in _extract_with(nlp, make_document, text).claims] == [None]
    (tmp_path / "reporting_verbs.yaml").write_text("verbs: [grumble]\n", encoding="utf-8")
    extended = _extract_with(nlp, make_document, text, tmp_path)
    assert [(c.source, c.hedge) for c in extended.claims] == [
        ("Valdria Port Authority", "reported")
    ]
    # the next document that names no folder reads the bundled lexicon again
    assert [c.source for c in _extract_with(nlp, make_document, text).claims] == [None]


def test_extract_reads_a_users_extra_hedge_word(nlp, make_document, tmp_path):
    text = "A guesstimated 40 ships were turned away in 2021.\n"
    assert [c.hedge for c in _extract_with(nlp, make_document, text).claims] == ["asserted"]
    (tmp_path / "hedges.yaml").write_text("estimate_words: [guesstimated]\n", encoding="utf-8")
    extended = _extract_with(nlp, make_document, text, tmp_path)
    assert [c.hedge for c in extended.claims] == ["estimated"]


def test_extract_rejects_a_broken_user_lexicon_naming_the_file(nlp, make_document, tmp_path):
    import pytest

    from claimledger.errors import LexiconError

    (tmp_path / "units.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"units\.yaml"):
        _extract_with(nlp, make_document, "Some 40 ships were turned away.\n", tmp_path)
