"""Issue 12's reproducers, in our own words: names no terminal or writer can choke on, a
store whose names hold control characters, outputs a kill -9 cannot leave cut."""

from __future__ import annotations

import dataclasses
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from claimledger.cli import shown
from claimledger.store import Store
from report.sample_corpus import sample_corpus


def run_cli(*args, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "claimledger", *args], input=stdin, capture_output=True, check=False
    )


@pytest.mark.parametrize(
    ("raw", "printed"),
    [
        ("a\nb", "a\\nb"),
        ("red\x1b[31m", "red\\x1b[31m"),
        ("bell\x07\x00", "bell\\x07\\x00"),
        ("flip\u202eexe.txt", "flip\\u202eexe.txt"),
        ("sep\u2028", "sep\\u2028"),
        ("byte\udcff", "byte\\xff"),
        ("plain é ü 中", "plain é ü 中"),
    ],
)
def test_shown_escapes_what_a_terminal_would_act_on(raw, printed):
    assert shown(raw) == printed


def test_cli_skip_line_of_a_hostile_file_name_is_one_escaped_line(tmp_path):
    folder = os.fsencode(tmp_path)
    names = [b"gone\n\x1b[2J.txt", b"caf\xff.txt"]
    paths = [os.path.join(folder, n) for n in names]
    proc = run_cli("analyze", *paths, "--out", str(tmp_path / "out"))
    assert proc.returncode == 1
    err = proc.stderr.decode("utf-8", "strict")
    assert "\x1b" not in err
    skipped = [line for line in err.splitlines() if line.startswith("skipped ")]
    # "[2J" reads as a glob pattern, so the reasons differ; the names are what matter.
    assert [line.rsplit(": ", 1)[0] for line in skipped] == [
        f"skipped {tmp_path}/gone\\n\\x1b[2J.txt",
        f"skipped {tmp_path}/caf\\xff.txt",
    ]


# ---- kill -9 and hostile names in the store (bench/kill_soak.py holds the checks) ----

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import kill_soak  # noqa: E402

HOSTILE_OUTLET = "Wire\x00\x01\x1b[31m\u2028 Service"


def _hostile_store(path: Path) -> Path:
    """A store whose names hold control characters (issue 12: GEXF writing failed on them,
    then `report`, `export` and re-runs failed on that store for good)."""
    corpus = sample_corpus(hostile=True)
    first = corpus.analyses[0]
    first = dataclasses.replace(
        first,
        document=dataclasses.replace(first.document, path="in/odd\nname\x1b[2J.txt"),
        meta=dataclasses.replace(first.meta, outlet=HOSTILE_OUTLET),
    )
    corpus = dataclasses.replace(corpus, analyses=(first, *corpus.analyses[1:]))
    with Store.open(path) as store:
        for analysis in corpus.analyses:
            store.save_analysis(analysis)
        store.save_reconciliation(corpus)
    return path


@pytest.mark.parametrize("command", ["report", "export"])
def test_cli_outputs_from_a_store_with_control_characters_in_names(tmp_path, command):
    db = _hostile_store(tmp_path / "ledger.sqlite")
    for _ in range(2):  # and again over the same folder, as a re-run would
        proc = run_cli(command, "--db", str(db), "--out", str(tmp_path / "out"))
        assert proc.returncode == 0, proc.stderr.decode()
    written = [p for p in (tmp_path / "out").iterdir()]
    assert {p.name for p in written} >= {"ledger.json", "graph.gexf", "graph.graphml"}
    assert [kill_soak.output_problem(p) for p in written] == [None] * len(written)
    assert "\x1b" not in proc.stdout.decode()


def test_kill_soak_store_creation_leaves_every_store_usable(tmp_path):
    result = kill_soak.soak_create(tmp_path, kills=3, rng=random.Random(12))
    assert result["kills"] >= 1
    assert result["problems_after_kills"] == []


@pytest.mark.parametrize("command", ["report", "export"])
def test_kill_soak_outputs_are_whole_or_absent_after_each_kill(tmp_path, command):
    _hostile_store(tmp_path / f"{command}.sqlite")
    result = kill_soak.soak_command(command, tmp_path, 3, random.Random(12), tmp_path / "none")
    assert result["problems_after_kills"] == []
    assert result["problems_after_next_run"] == []


@pytest.mark.slow
def test_kill_soak_analyze_resumes_to_a_whole_store_and_outputs(tmp_path):
    result = kill_soak.soak(["analyze"], 2, 12, tmp_path, copies=1, whole=8.0)["analyze"]
    assert result["problems_after_kills"] == []
    assert result["problems_after_next_run"] == []


# ---- linear time on pathological lines (the speed itself: bench/pathological_bench.py) ----


def test_abbreviations_read_a_huge_capitalised_token_without_backtracking():
    from claimledger.extract.sources import _abbreviations

    for token in ("A" * 500_000, "A." * 250_000, "Aa " * 100_000 + "(AB)"):
        assert _abbreviations(token) in ({}, {"AB": "Aa Aa"})
    assert _abbreviations("the Joint Harbour Board (JHB) said") == {"JHB": "Joint Harbour Board"}


def test_line_breaks_cap_sentence_length_before_the_parser(nlp):
    from claimledger.nlp.components.line_breaks import MAX_SENTENCE_TOKENS

    doc = nlp("Prices rose.\n" + "40% " * (3 * MAX_SENTENCE_TOKENS))
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS
    assert len(list(doc.sents)) >= 3
