"""What the report shows: segments of article text, values, link safety."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claimledger.report.view import build_view, format_value, safe_url, segments
from report.sample_corpus import harbor_analysis, sample_corpus


def test_view_segments_rebuild_the_text_exactly():
    analysis = harbor_analysis()
    parts = segments(analysis, {})
    assert "".join(s.text for s in parts if s.text is not None) == analysis.document.text


def test_view_segments_stack_overlapping_annotations():
    parts = segments(harbor_analysis(), {"peace-institute": "Peace Research Institute"})
    institute = next(s for s in parts if s.text == "Peace Research Institute")
    # A mention inside a citation inside a claim carries all three.
    assert set(institute.classes.split()) == {"claim", "cite", "m", "m-neutral"}
    assert "Peace Research Institute (neutral)" in institute.title


def test_view_segments_ignore_spans_outside_the_text():
    analysis = harbor_analysis()
    bad = replace(analysis.mentions[0], start=len(analysis.document.text) + 5, end=10**6)
    parts = segments(replace(analysis, mentions=(bad,)), {})
    assert "".join(s.text for s in parts if s.text) == analysis.document.text


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//evil.example/x", None),
        (None, None),
    ],
)
def test_view_only_http_urls_are_links(url, expected):
    assert safe_url(url) == expected


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (0.69, "ratio", "69%"),
        (4.85e9, "USD", "4.85 bn USD"),
        (92, "count", "92"),
        (700, "km", "700 km"),
    ],
)
def test_view_format_value_normalises_for_comparison(value, unit, shown):
    claim = replace(harbor_analysis().claims[0], value=value, unit=unit)
    assert format_value(claim) == shown


def test_view_facts_put_conflicts_first_and_count_them():
    view = build_view(sample_corpus(hostile=True))
    assert [f.fact.verdict for f in view.facts] == ["conflict", "single", "single"]
    assert view.counts["conflicts"] == 1
    assert view.facts[0].outlets == ("Harbor Times", "The Daily Ledger")


def test_view_timeline_is_sorted_by_date():
    view = build_view(sample_corpus())
    assert [t.date for t in view.timeline] == ["2021", "2023-03-03"]


def test_view_conflict_sides_come_before_figures_of_other_scopes():
    corpus = sample_corpus()
    fact = corpus.facts[0]
    money = corpus.facts[1].claim_ids[0]
    # A third figure grouped with the conflict but in no conflict relation: another scope.
    merged = replace(fact, claim_ids=(money, *fact.claim_ids))
    view = build_view(replace(corpus, facts=(merged, *corpus.facts[1:])))
    fv = view.facts[0]
    assert [c.claim.id for c in fv.conflicting] == list(fact.claim_ids)
    assert [c.claim.id for c in fv.others] == [money]
    assert "1 other figure below covers another period" in fv.why


@pytest.mark.parametrize(
    ("verdict", "says"),
    [
        ("agree", "give the same figure"),
        ("different_scope", "Not a conflict"),
        ("single", ""),
    ],
)
def test_view_every_verdict_is_explained(verdict, says):
    corpus = sample_corpus()
    fact = replace(corpus.facts[0], verdict=verdict)
    view = build_view(replace(corpus, facts=(fact,), relations=()))
    assert says in view.facts[0].why
    assert view.facts[0].others == ()


def test_view_names_each_documents_story_only_in_a_mixed_batch():
    from claimledger.models import Story

    corpus = sample_corpus()
    ids = [a.document.id for a in corpus.analyses]
    one = build_view(
        replace(corpus, stories=(Story(id="s1", label="harbour", doc_ids=tuple(ids)),))
    )
    assert {d.story for d in one.docs} == {""}
    two = replace(
        corpus,
        stories=(
            Story(id="s1", label="harbour, dredging", doc_ids=tuple(ids[:1])),
            Story(id="s2", label="", doc_ids=tuple(ids[1:])),
        ),
    )
    stories = {d.id: d.story for d in build_view(two).docs}
    assert stories[ids[0]] == "harbour, dredging"
    assert all(stories[i] == "s2" for i in ids[1:])
