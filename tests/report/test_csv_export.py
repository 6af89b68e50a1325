"""CSV exports: one row per record, spreadsheet-safe."""

from __future__ import annotations

import csv

from claimledger.report import write_exports
from report.sample_corpus import sample_corpus


def _rows(path):
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_csv_export_writes_one_row_per_record(tmp_path):
    corpus = sample_corpus(hostile=True)
    paths = write_exports(corpus, tmp_path)
    assert len(_rows(paths["documents.csv"])) == 3
    assert len(_rows(paths["claims.csv"])) == 4
    assert len(_rows(paths["facts.csv"])) == 3
    assert len(_rows(paths["mentions.csv"])) == sum(len(a.mentions) for a in corpus.analyses)
    assert {r["id"] for r in _rows(paths["entities.csv"])} == {"VLD", "NRD", "peace-institute"}


def test_csv_export_claims_carry_verdict_and_outlet(tmp_path):
    rows = _rows(write_exports(sample_corpus(), tmp_path)["claims.csv"])
    share = next(r for r in rows if r["value_text"] == "60 percent")
    assert share["verdict"] == "conflict"
    assert share["outlet"] == "Harbor Times"
    assert (share["period_start"], share["period_end"]) == ("2018", "2022")
    assert float(share["value"]) == 0.6


def test_csv_export_neutralises_formula_cells(tmp_path):
    from dataclasses import replace

    corpus = sample_corpus()
    first = corpus.analyses[0]
    evil = replace(first, meta=replace(first.meta, title='=HYPERLINK("http://x")'))
    corpus = replace(corpus, analyses=(evil, *corpus.analyses[1:]))
    rows = _rows(write_exports(corpus, tmp_path)["documents.csv"])
    assert rows[0]["title"] == '\'=HYPERLINK("http://x")'
