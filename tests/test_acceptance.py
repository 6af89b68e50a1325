"""Acceptance: analyse whole corpora and score the ledger with ../shared/eval/score.py.

Each corpus is analysed once per module; every metric is its own test case, so a failure
names the corpus and the metric. The floors only go up: raise one when a change measurably
improves it, never lower one to make a change pass.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"

# corpus name -> (folder holding the articles, gold JSON)
CORPORA = {
    "examples": (ROOT / "examples", ROOT / "examples" / "gold.json"),
    "grain": (
        ROOT / "tests" / "corpus" / "grain",
        ROOT / "tests" / "corpus" / "grain" / "gold.json",
    ),
    "seeds": (SHARED / "seeds", SHARED / "gold" / "seeds.json"),
    # Held out: written and annotated before claimledger was first run on it.
    "aid": (
        ROOT / "tests" / "corpus" / "aid",
        ROOT / "tests" / "corpus" / "aid" / "gold.json",
    ),
}

# Minimum score per corpus and metric (score.py's names), set to the scores measured on
# 2026-11-23 (commands in the closing notes of issues 2-4). They only go up.
FLOORS = {
    "examples": {
        "claim_recall": 1.0,
        # 0.957 -> 0.913 (issue 8): an undated past-tense figure now takes its article's year
        # (../shared/gold/CONVENTIONS.md; +0.19 period accuracy on the real stories), and
        # this gold leaves one such figure ("was under occupation") undated
        "claim_period_acc": 0.913,
        "claim_source_acc": 1.0,
        "claim_hedge_acc": 1.0,
        "claim_actors_acc": 0.783,
        "agree_recall": 1.0,
        "conflict_recall": 1.0,
        "non_conflict_respected": 1.0,
        "alias_resolution": 0.985,
        "alias_framing": 0.985,
        "date_accuracy": 1.0,
        "outlet_accuracy": 1.0,
        "event_recall": 1.0,
        "citation_recall": 1.0,
    },
    "grain": {
        "claim_recall": 0.981,
        "claim_period_acc": 0.902,
        "claim_source_acc": 0.961,
        "claim_hedge_acc": 0.941,
        # issue 8 removed the story-keyed rules this corpus was tuned with (grain->food,
        # shipment verbs 'take/go/make/account', cargo-flights measure, 'aggressor state' -> RUS)
        # 0.686 -> 0.627 (issue 8, second round): a figure whose sentence names no actor takes
        # its story's lead actor (reconcile/actors.py: +0.16 actors on the real development
        # stories, +0.16 held out); this corpus's seven outlets each write from their own
        # country (an Egyptian paper's reserves are Egypt's), which one lead for the story
        # cannot follow. 0.627 -> 0.615 (issue 8, fifth round): "17 of them" is now read as a
        # count of what "them" stands for; the new claim (recall 0.962 -> 0.981) takes the
        # summit host as subject where gold has it as object
        "claim_actors_acc": 0.615,
        # lowered in issue 8, as above
        "agree_recall": 0.571,
        "conflict_recall": 1.0,
        "non_conflict_respected": 1.0,
        # lowered in issue 8, as above
        "alias_resolution": 0.98,
        # lowered in issue 8, as above
        "alias_framing": 0.98,
        "date_accuracy": 1.0,
        "outlet_accuracy": 1.0,
        "event_recall": 1.0,
        "citation_recall": 1.0,
    },
    "seeds": {
        "claim_recall": 1.0,
        # 1.0 -> 0.963 (issue 8): as for examples, one undated past-tense figure the seed gold
        # leaves undated ("provided 40% of ... energy needs") now takes its article's year
        "claim_period_acc": 0.963,
        "claim_source_acc": 1.0,
        "claim_hedge_acc": 1.0,
        # lowered in issue 8, as above
        "claim_actors_acc": 0.889,
        "agree_recall": 1.0,
        "conflict_recall": 1.0,
        "non_conflict_respected": 1.0,
        "alias_resolution": 1.0,
        "alias_framing": 1.0,
        "date_accuracy": 1.0,
        "outlet_accuracy": 1.0,
        "event_recall": 1.0,
        "citation_recall": 1.0,
    },
    "aid": {
        "claim_recall": 0.963,
        "claim_period_acc": 0.981,
        "claim_source_acc": 0.981,
        "claim_hedge_acc": 1.0,
        "claim_actors_acc": 0.731,
        "agree_recall": 0.909,
        "conflict_recall": 1.0,
        "non_conflict_respected": 1.0,
        "alias_resolution": 1.0,
        "alias_framing": 1.0,
        "date_accuracy": 1.0,
        "outlet_accuracy": 1.0,
        "event_recall": 1.0,
        "citation_recall": 1.0,
    },
}

CASES = [(corpus, metric) for corpus, floors in FLOORS.items() for metric in floors]
GOLD_TO_JSON = ROOT / "tools" / "gold_to_json.py"


def _require(path: Path) -> None:
    """Skip when shared material is absent on a developer machine; fail in CI."""
    if path.exists():
        return
    reason = f"{path} is missing (acceptance needs ../shared beside the repository)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def _parse_scores(stdout: str) -> dict:
    """score.py prints one JSON object, then a summary line; read the object only."""
    start = stdout.find("{")
    if start < 0:
        raise ValueError(f"score.py printed no JSON: {stdout[:200]!r}")
    scores, _ = json.JSONDecoder().raw_decode(stdout[start:])
    return scores


def _score(corpus: str, out_dir: Path) -> tuple[dict, dict]:
    from claimledger.pipeline import analyze
    from claimledger.report.ledger import ledger_dict

    folder, gold_path = CORPORA[corpus]
    _require(SCORER)
    _require(gold_path)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    # Only the gold's articles: a corpus folder also holds gold.yaml and gold.json.
    inputs = [folder / doc["file"] for doc in gold["documents"]]
    ledger = ledger_dict(analyze(inputs))
    ledger_path = out_dir / "ledger.json"
    ledger_path.write_text(json.dumps(ledger, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run(
        [
            sys.executable,
            str(SCORER),
            "--gold",
            str(gold_path),
            "--corpus",
            str(folder),
            "--ledger",
            str(ledger_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, f"score.py failed on {corpus}: {run.stderr}"
    return _parse_scores(run.stdout), ledger


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    """Analyse and score each corpus on first use, once per module.

    A corpus that fails to analyse fails every one of its metrics with the same error,
    without being analysed again for each.
    """
    cache: dict[str, dict | BaseException] = {}

    def get(corpus: str) -> tuple[dict, dict]:
        if corpus not in cache:
            try:
                cache[corpus] = _score(corpus, tmp_path_factory.mktemp(corpus))
            except (pytest.skip.Exception, pytest.fail.Exception):
                raise
            except Exception as exc:
                cache[corpus] = exc
        result = cache[corpus]
        if isinstance(result, BaseException):
            pytest.fail(f"analysing {corpus} failed: {result!r}")
        return result

    return get


@pytest.fixture(scope="module")
def scores(scored):
    return lambda corpus: scored(corpus)[0]


@pytest.mark.slow
@pytest.mark.parametrize(("corpus", "metric"), CASES, ids=[f"{c}-{m}" for c, m in CASES])
def test_acceptance_metric_at_or_above_floor(scores, corpus, metric):
    value = scores(corpus).get(metric)
    floor = FLOORS[corpus][metric]
    if value is None:
        # score.py gives None for a relation metric when no gold pair had both its claims
        # matched: unmeasured, which is a regression once the floor is above zero.
        if floor > 0:
            pytest.fail(f"{corpus}: {metric} could not be measured (floor {floor})")
        pytest.skip(f"{corpus}: score.py could not measure {metric} yet")
    assert value >= floor, f"{corpus}: {metric} = {value}, below the floor {floor}"


@pytest.mark.parametrize("corpus", ["examples", "grain", "aid"])
def test_acceptance_gold_json_is_current(corpus):
    """The project's gold YAML is what people edit; its JSON twin is what score.py reads.
    A stale twin would score against annotations nobody sees, and a quote that drifted
    from its article would stop score.py outright."""
    _, gold_path = CORPORA[corpus]
    run = subprocess.run(
        [sys.executable, str(GOLD_TO_JSON), str(gold_path.with_suffix(".yaml")), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr


@pytest.mark.slow
@pytest.mark.parametrize("corpus", list(CORPORA))
def test_acceptance_no_claim_from_page_chrome_or_a_date(scored, corpus):
    ledger = scored(corpus)[1]
    chrome = {d["id"]: [(c["start"], c["end"]) for c in d["chrome"]] for d in ledger["documents"]}
    for claim in ledger["claims"]:
        for start, end in chrome[claim["doc"]]:
            assert not (start < claim["end"] and claim["start"] < end), (corpus, claim["text"])
        year_like = claim["unit"] == "count" and 1900 <= claim["value"] <= 2100
        assert not (year_like and claim["value_text"].strip().isdigit()), (corpus, claim)


@pytest.mark.slow
def test_acceptance_seed_report_opens_with_the_two_gold_conflicts():
    """Issue 5: an analyst opening the seeds' report meets the oil-share conflict (around 40%
    vs 65%) and the cargo-flight count conflict (100 vs 103) before anything else."""
    import lxml.html

    from claimledger.pipeline import analyze
    from claimledger.report import render_html

    folder, _ = CORPORA["seeds"]
    _require(folder)
    page = lxml.html.fromstring(render_html(analyze(sorted(folder.glob("*.txt")))))
    cards = [
        " ".join(c.text_content().split()) for c in page.xpath('//*[@data-testid="fact-conflict"]')
    ]
    assert len(cards) >= 2
    top = " ".join(cards[:2])
    assert "oil" in top and "40%" in top and "65%" in top
    assert "flights" in top and "100" in top and "103" in top
