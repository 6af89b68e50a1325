"""Full-text search and the UI's claim filters."""

from __future__ import annotations

import pytest

from claimledger.store.queries import MARK_END, MARK_START, fts_query


def test_queries_search_finds_claims_first_with_marked_snippet(sample_store):
    hits = sample_store.search("arms Nordhavn")
    assert hits
    assert hits[0].kind == "claim"
    assert MARK_START in hits[0].snippet and MARK_END in hits[0].snippet
    assert hits[0].outlet == "Harbor Times"


def test_queries_search_finds_quotes_and_documents(sample_store):
    kinds = {h.kind for h in sample_store.search("partnership defensive")}
    assert kinds == {"quote", "document"}


def test_queries_search_can_keep_one_outlet(sample_store):
    hits = sample_store.search("Nordhavn", outlet="the daily ledger")
    assert hits and {h.outlet for h in hits} == {"The Daily Ledger"}


def test_queries_search_matches_word_prefixes(sample_store):
    assert any(h.kind == "claim" for h in sample_store.search("patrol bo"))


@pytest.mark.parametrize(
    "query", ['"unbalanced', "AND OR NOT", "NEAR(", "*", "a:b", "  ", "'); DROP"]
)
def test_queries_search_survives_fts_syntax_in_user_text(sample_store, query):
    assert isinstance(sample_store.search(query), list)


def test_queries_fts_query_quotes_every_word():
    assert fts_query('drones "AND" 60%') == '"drones" "AND" "60"*'
    assert fts_query("...") == ""


def test_queries_search_respects_limit(sample_store):
    assert len(sample_store.search("Nordhavn", limit=2)) == 2


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"verdict": "conflict"}, {"60 percent", "roughly 35%"}),
        ({"outlet": "Harbor Times"}, {"60 percent"}),
        ({"measure": "drone contract value"}, {"$1.2 billion"}),
        ({"entity": "nordhavn"}, {"60 percent", "roughly 35%", "$1.2 billion", "12"}),
        ({"entity": "VLD", "outlet": "The Daily Ledger"}, {"roughly 35%"}),
        ({"verdict": "agree"}, set()),
    ],
)
def test_queries_claim_filters(sample_store, filters, expected):
    assert {c.value_text for c in sample_store.claims(**filters)} == expected


def test_queries_facets_list_filter_values(sample_store):
    facets = sample_store.facets()
    assert "Harbor Times" in facets["outlet"]
    assert "share of arms imports" in facets["measure"]
    assert facets["verdict"] == ["conflict", "single"]
    assert "Valdoria" in facets["entity"]
