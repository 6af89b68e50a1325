"""ledger.json: the fields LEDGER_FORMAT.md names, offsets into the original text, linked
entities apart from unlinked names, an atomic write."""

from __future__ import annotations

import json

from claimledger.report.ledger import ledger_dict, write_ledger
from report.sample_corpus import sample_corpus


def test_ledger_has_the_interchange_fields():
    ledger = ledger_dict(sample_corpus())
    doc = ledger["documents"][0]
    for key in ("id", "path", "title", "outlet", "author", "published", "published_confidence"):
        assert key in doc
    claim = ledger["claims"][0]
    for key in ("id", "doc", "start", "end", "text", "subject", "object", "measure", "value"):
        assert key in claim
    for key in ("unit", "qualifier", "period", "source", "hedge"):
        assert key in claim
    assert ledger["relations"] == [
        {
            "a": claim["id"],
            "b": ledger["relations"][0]["b"],
            "type": "conflict",
            "reason": "60% vs 35%",
        }
    ]


def test_ledger_offsets_point_into_the_original_text():
    ledger = ledger_dict(sample_corpus())
    texts = {d["id"]: d["text"] for d in ledger["documents"]}
    for claim in ledger["claims"]:
        assert texts[claim["doc"]][claim["start"] : claim["end"]] == claim["text"]
    for entity in ledger["entities"] + ledger["unlinked_entities"]:
        for m in entity["mentions"]:
            assert texts[m["doc"]][m["start"] : m["end"]] == m["text"]


def test_ledger_keeps_names_no_knowledge_base_links_apart_from_resolved_entities():
    ledger = ledger_dict(sample_corpus())
    linked = {e["name"] for e in ledger["entities"]}
    unlinked = {e["name"] for e in ledger["unlinked_entities"]}
    assert {"Valdoria", "Nordhavn"} <= linked
    assert "Peace Research Institute" in unlinked
    assert all(e["wikidata"] or e["iso3"] for e in ledger["entities"])


def test_ledger_write_is_atomic_and_leaves_no_temporary_file(tmp_path):
    path = write_ledger(sample_corpus(), tmp_path / "out" / "ledger.json")
    assert json.loads(path.read_text(encoding="utf-8"))["documents"]
    assert [p.name for p in path.parent.iterdir()] == ["ledger.json"]


def test_ledger_says_which_subjects_a_story_cast_and_which_the_text_named():
    from dataclasses import replace

    from claimledger.models import Story
    from claimledger.reconcile.actors import cast_claims

    corpus = sample_corpus()
    first = corpus.analyses[0]
    unnamed = replace(first.claims[0], subject=None, object=None)
    analysis = replace(first, claims=(unnamed, *first.claims[1:]))
    story = Story(id="s1", label="", doc_ids=(first.document.id,), actor="Ruritania")
    cast = replace(corpus, analyses=cast_claims([analysis], [story]), stories=(story,))
    claims = {c["id"]: c for c in ledger_dict(cast)["claims"]}
    assert claims[unnamed.id]["subject"] == "Ruritania"
    assert claims[unnamed.id]["subject_inferred"] is True
    assert all(not c["subject_inferred"] for i, c in claims.items() if i != unnamed.id)
