"""Matching a large story's unit families in worker processes gives the serial result."""

from __future__ import annotations

import pytest

from claimledger.reconcile import reconcile, workers
from reconcile.builders import by_docs, claim


def _mixed_story():
    """Claims of three unit families, agreeing, conflicting and in other periods."""
    claims = []
    for i in range(12):
        claims.append(claim(0.40 + 0.01 * (i % 3), "share of oil imports", doc=f"d{i}"))
        claims.append(
            claim(
                2e9 * (1 + i % 2),
                "value of arms deal",
                doc=f"d{i}",
                unit="USD",
                value_text="$2 billion",
            )
        )
        claims.append(
            claim(
                float(100 + i % 4),
                "cargo flights",
                doc=f"d{i}",
                unit="count",
                period=("2020", "2020") if i % 5 == 0 else None,
            )
        )
    return by_docs(*claims)


def test_workers_two_processes_give_the_relations_and_facts_of_one(monkeypatch):
    analyses = _mixed_story()
    serial = reconcile(analyses, processes=1)
    monkeypatch.setattr(workers, "PARALLEL_MIN", 1)
    parallel = reconcile(analyses, processes=2)
    assert serial[0] and serial[1]
    assert parallel == serial


@pytest.mark.parametrize("processes", [1, 2, 3])
def test_workers_map_groups_keeps_group_order(monkeypatch, processes):
    monkeypatch.setattr(workers, "PARALLEL_MIN", 1)
    groups = [list(range(n)) for n in (5, 1, 9, 3)]

    def match(g):
        return [((0, g[0]), [(len(g), sum(g))])], [g[-1]]

    assert workers.map_groups(match, groups, processes) == [match(g) for g in groups]


def test_workers_deal_balances_claims_largest_first():
    groups = [[0] * n for n in (10, 7, 6, 2)]
    assert workers._deal(groups, 2) == [[0, 3], [1, 2]]
    assert workers._deal(groups[:1], 3) == [[0]]
