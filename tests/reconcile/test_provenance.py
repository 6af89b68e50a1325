"""Facts: verdicts per group of claims, primary sources and independent confirmations."""

from __future__ import annotations

from claimledger.reconcile import reconcile
from reconcile.builders import by_docs, claim

SIPRI = "Stockholm International Peace Research Institute"


def facts_of(*claims, outlets=None):
    _, facts = reconcile(by_docs(*claims, outlets=outlets))
    return facts


def fact_holding(facts, c):
    return next(f for f in facts if c.id in f.claim_ids)


def test_provenance_repeats_of_a_named_source_are_one_confirmation():
    named = claim(0.69, "share of arms imports", doc="d1", period=("2016", "2020"), source=SIPRI)
    bare = claim(0.69, "share of arms imports", doc="d2", period=("2016", "2020"))
    reported = claim(
        0.69, "share of weapons bought", doc="d3", period=("2016", "2020"), hedge="reported"
    )
    facts = facts_of(named, bare, reported, outlets={"d2": "The Courier", "d3": "Daily Wire"})
    fact = fact_holding(facts, named)
    assert fact.verdict == "agree"
    assert set(fact.claim_ids) == {named.id, bare.id, reported.id}
    assert fact.primary_sources == (SIPRI,)
    assert fact.independent_confirmations == 1
    assert fact.unattributed_outlets == ("The Courier", "Daily Wire")


def test_provenance_two_named_sources_are_two_confirmations():
    a = claim(0.17, "share of arms exports", doc="d1", source=SIPRI)
    b = claim(0.17, "share of weapons exports", doc="d2", source="Jane's Defence")
    fact = fact_holding(facts_of(a, b), a)
    assert fact.independent_confirmations == 2
    assert set(fact.primary_sources) == {SIPRI, "Jane's Defence"}
    assert fact.unattributed_outlets == ()


def test_provenance_outlet_asserting_a_figure_is_its_own_source():
    a = claim(44, "duration of the war", unit="days", doc="d1")
    fact = fact_holding(facts_of(a, outlets={"d1": "The Courier"}), a)
    assert fact.verdict == "single"
    assert fact.primary_sources == ("The Courier",)
    assert fact.unattributed_outlets == ()


def test_provenance_outlet_falls_back_to_the_file_name():
    a = claim(0.65, "share of oil imports", doc="d7", hedge="reported")
    fact = fact_holding(facts_of(a), a)
    assert fact.unattributed_outlets == ("d7.txt",)


def test_provenance_conflicting_fact_lists_both_figures_and_their_sources():
    a = claim(
        0.4, "share of oil imports", doc="d1", value_text="around 40%", qualifier="approximately"
    )
    b = claim(0.65, "share of oil imports", doc="d2", source="Energy Monitor")
    fact = fact_holding(facts_of(a, b, outlets={"d1": "Gazette"}), a)
    assert fact.verdict == "conflict"
    assert "around 40% of oil imports (Gazette)" in fact.reason
    assert "65% of oil imports (Energy Monitor)" in fact.reason
    assert fact.measure == "share of oil imports"


def test_provenance_other_period_makes_a_different_scope_fact():
    a = claim(0.69, "share of arms imports", doc="d1", period=("2016", "2020"))
    b = claim(0.69, "share of arms imports", doc="d2", period=("2016", "2020"))
    c = claim(0.70, "share of arms imports", doc="d3", period=("2020", "2020"))
    fact = fact_holding(facts_of(a, b, c), a)
    assert fact.verdict == "different_scope"
    assert set(fact.claim_ids) == {a.id, b.id, c.id}


def test_provenance_claim_naming_one_actor_joins_the_fact_about_it():
    full = claim(0.4, "share of oil imports", doc="d1", subject="Azerbaijan", object="Israel")
    partial = claim(0.4, "share of Israeli oil imports", doc="d2", subject=None, object="Israel")
    relations, facts = reconcile(by_docs(full, partial))
    assert [r.type for r in relations] == ["agree"]
    fact = fact_holding(facts, partial)
    assert set(fact.claim_ids) == {full.id, partial.id}
    assert (fact.subject, fact.object) == ("Azerbaijan", "Israel")


def test_provenance_ids_are_stable_across_runs():
    a = claim(0.4, "share of oil imports", doc="d1")
    b = claim(0.65, "share of oil imports", doc="d2")
    assert facts_of(a, b) == facts_of(a, b)
    assert reconcile(by_docs(a, b)) == reconcile(by_docs(a, b))


def test_provenance_fact_names_actors_as_states_not_adjectives():
    a = claim(0.4, "share of oil imports", doc="d1", subject="Azerbaijani", object="Israel")
    b = claim(0.4, "share of oil imports", doc="d2", subject="Azerbaijan", object="Israel")
    c = claim(0.4, "share of oil imports", doc="d3", subject="Azerbaijan", object="Israeli")
    fact = fact_holding(facts_of(a, b, c), a)
    assert fact.verdict == "agree"
    assert (fact.subject, fact.object) == ("Azerbaijan", "Israel")
