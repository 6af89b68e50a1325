"""Blocking: claims are only compared inside blocks of one measure and actor set."""

from __future__ import annotations

from claimledger.reconcile import reconcile, reconcile_rows
from claimledger.reconcile.blocking import FULL, WINDOW
from reconcile.builders import by_docs, claim


def test_blocking_keeps_pairs_within_measure_and_actors():
    actors = [("Israel", "Azerbaijan"), ("Turkey", "Azerbaijan"), ("Iran", "Armenia")]
    measures = ["share of oil imports", "share of arms imports", "share of arms exports"]
    claims = [
        claim(0.1 * (i + 1), m, doc=f"d{i}", subject=s, object=o)
        for i, (m, (s, o)) in enumerate((m, a) for m in measures for a in actors)
        for _ in range(2)
    ]
    relations, facts = reconcile(by_docs(*claims))
    by_id = {c.id: c for c in claims}
    assert relations
    for r in relations:
        a, b = by_id[r.a], by_id[r.b]
        assert {a.subject, a.object} == {b.subject, b.object}
        assert a.measure == b.measure
    assert len(facts) == len(measures) * len(actors)


def test_blocking_large_block_compares_each_claim_with_its_neighbours_only():
    n = FULL * 4
    claims = [claim(0.30, "share of oil imports", doc=f"d{i}", value_text="30%") for i in range(n)]
    relations, facts = reconcile(by_docs(*claims))
    assert n - 1 <= len(relations) <= n * WINDOW
    assert {r.type for r in relations} == {"agree"}
    assert len(facts) == 1 and facts[0].verdict == "agree"
    assert len(facts[0].claim_ids) == n


def test_blocking_large_block_still_finds_a_conflict():
    claims = [claim(0.40, "share of oil imports", doc=f"d{i}") for i in range(FULL * 2)]
    odd = claim(0.65, "share of oil imports", doc="dx")
    relations, facts = reconcile(by_docs(*claims, odd))
    assert any(r.type == "conflict" and odd.id in (r.a, r.b) for r in relations)
    assert facts[0].verdict == "conflict"


def test_blocking_claims_naming_one_actor_meet_few_of_a_large_pool():
    # many facts about Azerbaijan's oil imports from other partners, and claims naming only
    # Azerbaijan: each partial claim meets its nearest figures, not the whole pool
    partners = [f"Partner{i}" for i in range(FULL * 2)]
    full = [
        claim(
            0.01 * (i % 90 + 1), "share of oil imports", doc=f"f{i}", subject=p, object="Azerbaijan"
        )
        for i, p in enumerate(partners)
    ]
    partial = [
        claim(
            0.01 * (i % 90 + 1),
            "share of oil imports",
            doc=f"p{i}",
            subject=None,
            object="Azerbaijan",
        )
        for i in range(FULL)
    ]
    relations, _ = reconcile(by_docs(*full, *partial))
    touching = [
        r for r in relations if r.a in {c.id for c in partial} or r.b in {c.id for c in partial}
    ]
    assert touching
    assert len(touching) <= len(partial) * (WINDOW + FULL)


def test_blocking_relation_rows_are_the_relations_in_order():
    claims = [claim(0.40, "share of oil imports", doc=f"d{i}") for i in range(6)]
    claims.append(claim(0.65, "share of oil imports", doc="dx"))
    analyses = by_docs(*claims)
    relations, facts = reconcile(analyses)
    rows, row_facts = reconcile_rows(analyses)
    assert [(r.a, r.b, r.type, r.reason) for r in relations] == [tuple(r) for r in rows]
    assert row_facts == facts
