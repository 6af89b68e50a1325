"""The Python API as a user meets it: `claimledger.analyze(...)` and the Ledger it returns."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import claimledger
from claimledger.errors import ModelNotInstalled

# Two invented reports on one story that disagree on a figure, each citing its own source.
REGULATOR_ARTICLE = """Kenya leans on Ugandan power imports

By Ines Calder - Valley Ledger

March 4, 2025

Kenya bought 35 percent of its electricity from Uganda in 2024, according to the Energy Regulatory Commission. Officials expect the share to fall once a new dam opens.
"""

AGENCY_ARTICLE = """Power trade figures questioned

By Paul Sorensen - Northern Courier

March 5, 2025

Kenya bought 22 percent of its electricity from Uganda in 2024, the International Energy Agency said in a report on Wednesday.
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "valley_ledger.txt").write_text(REGULATOR_ARTICLE, encoding="utf-8")
    (folder / "northern_courier.txt").write_text(AGENCY_ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def ledger(tmp_path_factory) -> claimledger.Ledger:
    # A lone folder string, as a user would type it: one input, not a list of characters.
    folder = write_corpus(tmp_path_factory.mktemp("api") / "articles")
    return claimledger.analyze(str(folder))


@pytest.mark.slow
def test_api_analyze_reads_both_articles(ledger):
    paths = sorted(Path(a.document.path).name for a in ledger.corpus.analyses)
    assert paths == ["northern_courier.txt", "valley_ledger.txt"]
    assert ledger.skipped() == []


@pytest.mark.slow
def test_api_conflicts_hold_the_disputed_figure(ledger):
    [fact] = ledger.conflicts()
    assert fact.verdict == "conflict"
    assert ledger.facts()[0] == fact  # conflicts come first
    claims = ledger.claims_of(fact)
    assert sorted(c.value for c in claims) == pytest.approx([0.22, 0.35])
    assert {c.source for c in claims} == {
        "Energy Regulatory Commission",
        "International Energy Agency",
    }


@pytest.mark.slow
def test_api_events_are_in_date_order(ledger):
    dates = [e.date for e in ledger.events()]
    assert dates
    assert dates == sorted(dates)


@pytest.mark.slow
def test_api_to_dict_is_plain_json(ledger):
    data = ledger.to_dict()
    again = json.loads(json.dumps(data))
    assert len(again["documents"]) == 2
    assert {f["verdict"] for f in again["facts"]} >= {"conflict"}


@pytest.mark.slow
def test_api_write_puts_ledger_and_report_in_the_folder(ledger, tmp_path):
    paths = ledger.write(tmp_path / "out")
    assert (tmp_path / "out" / "ledger.json").is_file()
    assert (tmp_path / "out" / "report.html").is_file()
    assert all(Path(p).is_file() for p in paths.values())
    written = json.loads((tmp_path / "out" / "ledger.json").read_text(encoding="utf-8"))
    assert len(written["facts"]) == len(ledger.facts())


@pytest.mark.slow
def test_api_db_keeps_a_store_a_rerun_agrees_with(tmp_path):
    folder = write_corpus(tmp_path / "articles")
    first = claimledger.analyze([folder], db=tmp_path / "ledger.sqlite")
    again = claimledger.analyze([folder], db=tmp_path / "ledger.sqlite")
    assert (tmp_path / "ledger.sqlite").is_file()
    assert [f.id for f in again.facts()] == [f.id for f in first.facts()]


def test_api_unreadable_inputs_are_listed_not_raised(tmp_path):
    ledger = claimledger.analyze([tmp_path / "missing.txt", str(tmp_path / "*.md")])
    reasons = {Path(s.path).name: s.reason for s in ledger.skipped()}
    assert reasons == {
        "missing.txt": "no such file or folder",
        "*.md": "no file matches this pattern",
    }
    assert ledger.facts() == [] and ledger.events() == []


def test_api_settings_may_be_given_as_keywords(tmp_path):
    article = tmp_path / "long.txt"
    article.write_text(REGULATOR_ARTICLE, encoding="utf-8")
    ledger = claimledger.analyze(article, max_bytes=100)
    [skipped] = ledger.skipped()
    assert "100-byte cap" in skipped.reason


def test_api_unknown_keyword_is_a_type_error(tmp_path):
    with pytest.raises(TypeError):
        claimledger.analyze(tmp_path, no_such_setting=1)


@pytest.mark.slow
def test_api_missing_model_raises_model_not_installed(tmp_path):
    folder = write_corpus(tmp_path / "articles")
    with pytest.raises(ModelNotInstalled, match="en_core_web_bogus"):
        claimledger.analyze(folder, model="en_core_web_bogus")


def test_api_import_stays_light():
    code = (
        "import sys, claimledger; "
        "print(sorted(m for m in ('spacy', 'dask', 'trafilatura', 'httpx') if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"
