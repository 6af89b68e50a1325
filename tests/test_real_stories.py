"""Acceptance on real stories nobody here wrote (issue 8): the gold in tests/corpus/real/
(written before the tool first ran on each story; docs/EVALUATION.md), scored story by story
with ../shared/eval/score.py through tools/eval_real.py, macro-averaged over the development
stories and, apart, over the held-out ones. The floors are the scores measured when this
file was written; they only go up."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# metric -> floor, per group (measured 2026-12-03, fifth round; the gold holds the
# relations its own relations imply, tools/close_gold.py)
FLOORS = {
    "development": {
        # 0.80 -> 0.82: vague amounts are claims; 0.825: a figure ending a headline's line
        "claim_recall": 0.825,
        "non_conflict_respected": 0.99,
        # 0.26 -> 0.42: floors far below a figure are other tallies, a toll is of one
        # state's people, unnamed sources are rival voices (fourth round); 0.46: a
        # document's length is of its article's time (fifth)
        "conflict_recall": 0.46,
        # 0.31 -> 0.43: a part's own verb, a share in a list of results is its name's, a
        # ranking's "followed by X" is no source (fifth round)
        "conflict_precision_on_gold_claims": 0.43,
        # 0.58 -> 0.67: an undated saved page takes its story's year
        "claim_period_acc": 0.675,
        # 0.41 -> 0.45: a bare surname tagged as a body still names the story's person;
        # 0.49: a share in a list of results is the name's before it
        "claim_actors_acc": 0.49,
        "outlet_accuracy": 0.95,
        "date_accuracy": 0.92,
    },
    "held out": {
        # thirteen stories: the seven held out since the first round, the two whose gold was
        # written in the fourth and the four of the fifth (their first contact is in
        # docs/EVALUATION.md); the fifth round's four lowered the averages they joined
        "claim_recall": 0.80,
        "non_conflict_respected": 0.98,
        "conflict_recall": 0.33,
        "claim_actors_acc": 0.22,
        "outlet_accuracy": 0.95,
        "date_accuracy": 0.95,
    },
}


def _eval_real():
    spec = importlib.util.spec_from_file_location("eval_real", ROOT / "tools" / "eval_real.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, float | None]]:
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared/data is not beside the project")
    ev = _eval_real()
    results = {
        name: ev.run_story(name, gold, corpus, inputs, verbose=False)
        for name, gold, corpus, inputs in ev.stories(None)
    }
    groups = {
        "development": [r for n, r in results.items() if n not in ev.HELD_OUT],
        "held out": [r for n, r in results.items() if n in ev.HELD_OUT],
    }
    return {group: {m: ev.mean(rows, m) for m in ev.METRICS} for group, rows in groups.items()}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("group", "metric"), [(g, m) for g, floors in FLOORS.items() for m in floors]
)
def test_real_stories_metric_at_or_above_floor(scores, group, metric):
    value = scores[group][metric]
    floor = FLOORS[group][metric]
    assert value is not None and value >= floor, f"{group}: {metric} = {value}, floor {floor}"


def _close_gold():
    spec = importlib.util.spec_from_file_location("close_gold", ROOT / "tools" / "close_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_real_stories_gold_implied_relations_follow_agree_and_conflict():
    gold = {
        "claims": [
            {"id": "a1", "file": "a", "value": 40},
            {"id": "b1", "file": "b", "value": 40},
            {"id": "c1", "file": "c", "value": 65},
            {"id": "c2", "file": "c", "value": 65},
            {"id": "d1", "file": "d", "value": 60, "qualifier": "more_than"},
        ],
        "relations": [
            {"a": "a1", "b": "b1", "type": "agree"},
            {"a": "b1", "b": "c1", "type": "conflict", "accept": ["conflict", "revision"]},
            {"a": "c1", "b": "c2", "type": "agree"},
            # "over 60" agrees with 65 without being its figure: nothing chains through it
            {"a": "d1", "b": "c1", "type": "agree"},
        ],
    }
    got = {frozenset((r["a"], r["b"])): r for r in _close_gold().implied(gold)}
    # a1 is b1's fact, so it conflicts with c1 and c2; c2 is c1's fact; same-file pairs
    # and pairs gold relates are left alone
    assert set(got) == {frozenset(p) for p in (("a1", "c1"), ("a1", "c2"), ("b1", "c2"))}
    assert all(r["type"] == "conflict" for r in got.values())
    assert got[frozenset(("a1", "c1"))]["accept"] == ["conflict", "revision"]


def test_real_stories_gold_holds_every_relation_its_own_relations_imply():
    close = _close_gold()
    for path in sorted((ROOT / "tests" / "corpus" / "real").glob("*/*.yaml")):
        assert close.implied(yaml.safe_load(path.read_text(encoding="utf-8"))) == [], path
