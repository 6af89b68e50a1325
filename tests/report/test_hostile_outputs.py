"""Outputs that hostile names or numbers cannot break (issue 12): control characters in an
outlet or file name, figures no JSON number holds, a write cut short."""

from __future__ import annotations

import csv
import dataclasses
import json
import math
from html.parser import HTMLParser

import networkx as nx
import pytest

from claimledger.report import render
from claimledger.report.atomic import atomic_file, sweep
from claimledger.report.graph import xml_safe
from claimledger.report.ledger import ledger_json
from report.sample_corpus import sample_corpus

# Every C0 control, DEL, a terminal escape sequence, a line separator, a lone surrogate.
NASTY = "Out\x00let\x01\x07\x08\x0b\x0c\x1b[31m\x7f\u2028 \ud800 Times"


def _renamed(corpus, *, outlet: str, path: str):
    first = corpus.analyses[0]
    doc = dataclasses.replace(first.document, path=path)
    meta = dataclasses.replace(first.meta, outlet=outlet, title=outlet)
    return dataclasses.replace(
        corpus, analyses=(dataclasses.replace(first, document=doc, meta=meta), *corpus.analyses[1:])
    )


def _with_value(corpus, value: float):
    first = corpus.analyses[0]
    claim = dataclasses.replace(first.claims[0], value=value, value_text="1" + "0" * 400)
    analysis = dataclasses.replace(first, claims=(claim, *first.claims[1:]))
    return dataclasses.replace(corpus, analyses=(analysis, *corpus.analyses[1:]))


def _strict_json(text: str):
    def refuse(name: str):
        raise ValueError(f"non-standard JSON constant {name}")

    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x1b", "\x0b", "\ud800", "\ufffe"])
def test_xml_safe_writes_what_xml_cannot_hold_as_a_visible_escape(char):
    cleaned = xml_safe(f"a{char}b")
    assert char not in cleaned and cleaned.startswith("a\\") and cleaned.endswith("b")


def test_render_with_control_characters_in_names_writes_every_output_readable(tmp_path):
    corpus = _renamed(sample_corpus(hostile=True), outlet=NASTY, path=f"in/new\nline{NASTY}.txt")
    paths = render(corpus, tmp_path)
    for name in ("graph.gexf", "graph.graphml"):
        reader = nx.read_gexf if name.endswith("gexf") else nx.read_graphml
        labels = {a.get("label") for _, a in reader(paths[name]).nodes(data=True)}
        assert xml_safe(NASTY) in labels
    ledger = _strict_json(paths["ledger.json"].read_text(encoding="utf-8"))
    assert NASTY.replace("\ud800", "") in {
        d["outlet"].replace("\ud800", "") for d in ledger["documents"]
    }
    with paths["claims.csv"].open(encoding="utf-8", newline="") as f:
        assert len(list(csv.reader(f))) > 1
    HTMLParser().feed(paths["report.html"].read_text(encoding="utf-8"))


def test_render_twice_over_the_same_folder_after_hostile_names_still_works(tmp_path):
    corpus = _renamed(sample_corpus(), outlet="A\x01B", path="x\x1b.txt")
    render(corpus, tmp_path)
    again = render(corpus, tmp_path)
    assert nx.read_graphml(again["graph.graphml"]).number_of_nodes() > 0


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
def test_ledger_json_is_strict_and_names_the_out_of_range_figure(value):
    corpus = _with_value(sample_corpus(), value)
    ledger = _strict_json(ledger_json(corpus))
    bad = corpus.analyses[0].claims[0].id
    assert bad not in {c["id"] for c in ledger["claims"]}
    assert any(bad in s["reason"] and "out of range" in s["reason"] for s in ledger["skipped"])


def test_atomic_file_leaves_the_old_file_whole_when_the_write_fails(tmp_path):
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_file(target) as f:
        f.write("half of the new")
        raise RuntimeError("killed mid-write")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_sweep_removes_temporaries_of_dead_writers_only(tmp_path, monkeypatch):
    import os

    dead = tmp_path / ".claimledger-claims.csv.999999999.abc123.tmp"
    legacy = tmp_path / "ledger.json.tmp"
    live = tmp_path / f".claimledger-claims.csv.{os.getppid()}.abc123.tmp"
    mine = tmp_path / "notes.tmp"
    for p in (dead, legacy, live, mine):
        p.write_text("x", encoding="utf-8")
    assert set(sweep(tmp_path)) == {dead, legacy}
    assert live.exists() and mine.exists()


def test_render_sweeps_what_a_killed_run_left(tmp_path):
    (tmp_path / ".claimledger-report.html.999999999.zz.tmp").write_text("cut", encoding="utf-8")
    render(sample_corpus(), tmp_path)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
