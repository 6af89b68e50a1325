"""Who cites whom and who supplies whom, as a networkx graph (GEXF, GraphML) and as the
edge lists the HTML report draws."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from ..models import Analysis, Corpus
from .atomic import atomic_file


@dataclass(frozen=True, slots=True, kw_only=True)
class Edge:
    source: str
    target: str
    weight: int
    detail: tuple[str, ...] = ()  # measures behind a supply edge, paths behind a citation


def outlet_name(analysis: Analysis) -> str:
    """The outlet a document is shown under: the one inspect found, else its file name."""
    if analysis.meta.outlet:
        return analysis.meta.outlet
    return Path(analysis.document.path).name or analysis.document.id


UNNAMED = "(unnamed sources)"


def _citations(corpus: Corpus) -> list[tuple[str, str, str, str]]:
    """Every (outlet, source, document path, anchor) a citation graph is built from.

    Claims that name a source no citation covers count too, so a source the claim extractor
    found still appears. Unnamed sources ("reports say") share one node: they are not
    someone a reader can check. Names differing only in case are one source."""
    shown: dict[str, str] = {}  # casefolded name -> the first spelling seen

    def name(source: str, named: bool) -> str:
        if not named:
            return UNNAMED
        return shown.setdefault(source.casefold(), source)

    out = []
    for a in corpus.analyses:
        outlet = outlet_name(a)
        path = a.document.path
        out += [
            (outlet, name(c.source, c.named), path, f"cite-{c.id}") for c in a.citations if c.source
        ]
        cited_raw = {c.source for c in a.citations}
        out += [
            (outlet, name(c.source, c.source_named), path, f"claim-{c.id}")
            for c in a.claims
            if c.source and c.source not in cited_raw
        ]
    return out


def citation_edges(corpus: Corpus) -> list[Edge]:
    """Outlet -> cited source, weighted by how often the outlet's articles cite it."""
    weights: Counter[tuple[str, str]] = Counter()
    docs: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for outlet, source, path, _ in _citations(corpus):
        weights[outlet, source] += 1
        docs[outlet, source].add(path)
    return [
        Edge(source=o, target=s, weight=n, detail=tuple(sorted(docs[o, s])))
        for (o, s), n in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def first_citations(corpus: Corpus) -> dict[str, str]:
    """Cited source -> the anchor of its first citation in the articles, so a click on a
    source in the graph lands on the words that cite it."""
    first: dict[str, str] = {}
    for _, source, _, anchor in _citations(corpus):
        first.setdefault(source, anchor)
    return first


def supply_edges(corpus: Corpus) -> list[Edge]:
    """Claim subject -> claim object ("Israel supplies Azerbaijan"), weighted by claims."""
    weights: Counter[tuple[str, str]] = Counter()
    measures: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for a in corpus.analyses:
        for c in a.claims:
            if c.subject and c.object and c.subject != c.object:
                weights[c.subject, c.object] += 1
                measures[c.subject, c.object].add(c.measure)
    return [
        Edge(source=s, target=o, weight=n, detail=tuple(sorted(measures[s, o])))
        for (s, o), n in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def build_graph(corpus: Corpus) -> nx.DiGraph:
    """One directed graph: outlet/source/entity nodes, `cites` and `supplies` edges.

    Node keys carry their kind ("outlet:…", "source:…", "entity:…") because one name can be
    both an outlet and a cited source. Attribute values are plain str/int: GraphML has no
    null."""
    g = nx.DiGraph()
    by_name = {e.name: e for e in corpus.entities}

    def node(kind: str, name: str) -> str:
        key = f"{kind}:{name}"
        if key not in g:
            attrs = {"label": name, "kind": kind}
            entity = by_name.get(name) if kind == "entity" else None
            if entity is not None:
                attrs |= {"entity_id": entity.id, "type": entity.type}
                if entity.iso3:
                    attrs["iso3"] = entity.iso3
                if entity.wikidata:
                    attrs["wikidata"] = entity.wikidata
            g.add_node(key, **attrs)
        return key

    for a in corpus.analyses:
        node("outlet", outlet_name(a))
    for e in citation_edges(corpus):
        g.add_edge(
            node("outlet", e.source),
            node("source", e.target),
            relation="cites",
            weight=e.weight,
            documents="; ".join(e.detail),
        )
    for e in supply_edges(corpus):
        g.add_edge(
            node("entity", e.source),
            node("entity", e.target),
            relation="supplies",
            weight=e.weight,
            measures="; ".join(e.detail),
        )
    return g


# Characters XML 1.0 cannot hold at all, even escaped: C0 controls but tab and line breaks,
# lone surrogates (a file name that was not UTF-8), U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` with every character XML cannot hold written as a visible escape ("\\x01"):
    an outlet or file name holding one made the graph writers fail (issue 12)."""
    return _NOT_XML.sub(lambda m: ascii(m.group())[1:-1], text)


def _xml_graph(g: nx.DiGraph) -> nx.DiGraph:
    """A copy of `g` whose node keys and string attributes are all XML-safe."""

    def clean(attrs: dict) -> dict:
        return {k: xml_safe(v) if isinstance(v, str) else v for k, v in attrs.items()}

    out = nx.DiGraph()
    out.add_nodes_from((xml_safe(n), clean(a)) for n, a in g.nodes(data=True))
    out.add_edges_from((xml_safe(u), xml_safe(v), clean(a)) for u, v, a in g.edges(data=True))
    return out


def write_graphs(corpus: Corpus, out_dir: Path) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    g = _xml_graph(build_graph(corpus))
    gexf, graphml = out_dir / "graph.gexf", out_dir / "graph.graphml"
    with atomic_file(gexf, "wb") as f:
        nx.write_gexf(g, f)
    with atomic_file(graphml, "wb") as f:
        nx.write_graphml(g, f)
    return {"graph.gexf": gexf, "graph.graphml": graphml}
