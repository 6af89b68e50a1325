"""Graph exports: who cites whom, who supplies whom."""

from __future__ import annotations

import networkx as nx

from claimledger.report.graph import (
    UNNAMED,
    build_graph,
    citation_edges,
    supply_edges,
    write_graphs,
)
from report.sample_corpus import sample_corpus


def test_graph_outlets_point_to_cited_sources():
    edges = {(e.source, e.target) for e in citation_edges(sample_corpus())}
    assert ("Harbor Times", "Peace Research Institute") in edges
    # "officials" is not a source a reader can check: it joins the unnamed ones.
    assert ("The Daily Ledger", UNNAMED) in edges
    assert not any(target == "officials" for _, target in edges)


def test_graph_supply_edges_come_from_claim_subject_and_object():
    edges = {(e.source, e.target): e for e in supply_edges(sample_corpus())}
    assert edges["Valdoria", "Nordhavn"].weight == 2
    assert edges["Valdoria", "Nordhavn"].detail == ("share of arms imports",)


def test_graph_files_read_back_with_networkx(tmp_path):
    corpus = sample_corpus(hostile=True)
    paths = write_graphs(corpus, tmp_path)
    expected = build_graph(corpus)
    for name, reader in (("graph.gexf", nx.read_gexf), ("graph.graphml", nx.read_graphml)):
        g = reader(paths[name])
        assert set(g.nodes) == set(expected.nodes)
        assert g.edges["entity:Valdoria", "entity:Nordhavn"]["relation"] == "supplies"
