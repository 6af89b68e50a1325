"""Story grouping: a batch mixing stories is split, and claims never match across stories."""

from __future__ import annotations

import pytest

from claimledger.models import Analysis, Document, DocumentMeta
from claimledger.reconcile import group, reconcile
from claimledger.reconcile.stories import (
    DATE_DAMPING,
    StoryDoc,
    _similarity,
    _vectors,
    group_stories,
)
from reconcile.builders import claim

MINE = [
    "Rescuers in Quellbrook pulled miners from the collapsed Harrowgate colliery on Tuesday as "
    "the Quellbrook mine disaster toll rose. The Harrowgate shaft flooded after a methane blast.",
    "The Harrowgate colliery collapse in Quellbrook killed miners; the regional mining "
    "inspectorate said methane had built up in the shaft for days before the blast.",
    "Families gathered outside the Harrowgate pit in Quellbrook waiting for news of miners "
    "trapped since the methane explosion flooded the lower shaft.",
]
BUDGET = [
    "The Velmora parliament passed a budget that moves funds from the coastal defence "
    "programme to rural broadband, Finance Minister Tavish Orrel told lawmakers.",
    "Tavish Orrel defended the Velmora budget transfer to rural broadband against opposition "
    "deputies who said the coastal defence programme would be gutted.",
]


def docs(texts, prefix, published=None):
    return [
        StoryDoc(doc_id=f"{prefix}{i}", text=t, published=published) for i, t in enumerate(texts)
    ]


def test_stories_split_a_batch_that_mixes_two_stories():
    found = group_stories(docs(MINE, "m") + docs(BUDGET, "b"))
    mine = {found.story_of[f"m{i}"] for i in range(3)}
    budget = {found.story_of[f"b{i}"] for i in range(2)}
    assert len(mine) == 1 and len(budget) == 1
    assert mine != budget
    assert "Harrowgate" in found.label[mine.pop()]


def test_stories_keep_a_single_story_batch_together_however_small():
    found = group_stories(docs(MINE[:2], "m"))
    assert found.story_of["m0"] == found.story_of["m1"]


def test_stories_damp_articles_published_far_apart():
    near = docs(BUDGET, "b", published="2021-03-01")
    far = [near[0], StoryDoc(doc_id="late", text=BUDGET[1], published="2021-09-01")]
    undated = docs(BUDGET, "u")

    def pair(batch):
        vectors, _ = _vectors(batch)
        return _similarity(vectors, batch)[0, 1]

    year_on = [near[0], StoryDoc(doc_id="next", text=BUDGET[1], published="2022-03-01")]
    assert pair(near) == pair(undated)
    assert pair(far) == pytest.approx(DATE_DAMPING[1][1] * pair(near))
    assert pair(year_on) == pytest.approx(DATE_DAMPING[0][1] * pair(near))


def test_stories_find_copies_of_one_text():
    found = group_stories(docs([MINE[0], MINE[0] + " Updated.", MINE[1]], "m"))
    assert frozenset({"m0", "m1"}) in found.copies
    assert all("m2" not in group for group in found.copies)


def test_stories_place_documents_without_words_together():
    found = group_stories(docs(["", "  ", *BUDGET], "x"))
    assert found.story_of["x0"] == found.story_of["x1"]
    assert found.story_of["x0"] != found.story_of["x2"]


def _analysis(doc_id, text, *claims):
    return Analysis(
        document=Document(id=doc_id, path=f"{doc_id}.txt", text=text, format="text"),
        meta=DocumentMeta(doc_id=doc_id),
        claims=claims,
    )


def test_reconcile_never_relates_claims_of_two_stories():
    # the same measure and actors in two stories: without grouping they would conflict
    analyses = [
        _analysis("m0", MINE[0], claim(41, "miners killed", doc="m0", unit="count")),
        _analysis("m1", MINE[1], claim(41, "miners killed", doc="m1", unit="count")),
        _analysis("b0", BUDGET[0], claim(27, "miners killed", doc="b0", unit="count")),
    ]
    stories = group(analyses)
    relations, facts = reconcile(analyses, stories=stories)
    assert len(stories) == 2
    story_of = {d: s.id for s in stories for d in s.doc_ids}
    doc_of = {c.id: a.document.id for a in analyses for c in a.claims}
    assert relations and all(r.type == "agree" for r in relations)
    for fact in facts:
        assert {story_of[doc_of[c]] for c in fact.claim_ids} == {fact.story}
    assert {f.story for f in facts} == {story_of["m0"], story_of["b0"]}
