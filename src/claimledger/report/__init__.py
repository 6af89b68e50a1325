"""Render a corpus: the HTML report, ledger.json, CSV tables and graph files.

paths = render(corpus, Path("out"))   # {"report.html": …, "ledger.json": …, "claims.csv": …}
"""

from __future__ import annotations

import logging
from pathlib import Path

from ..models import Corpus
from . import atomic
from .csv_export import write_csvs
from .graph import build_graph, write_graphs
from .html import render_html, write_html
from .ledger import write_ledger

log = logging.getLogger(__name__)

__all__ = ["build_graph", "render", "render_html", "write_exports"]


def write_exports(corpus: Corpus, out_dir: Path) -> dict[str, Path]:
    """Write claims/facts/entities/mentions/documents CSVs, graph.gexf and graph.graphml."""
    out_dir = Path(out_dir)
    atomic.sweep(out_dir)
    written = write_csvs(corpus, out_dir)
    written |= write_graphs(corpus, out_dir)
    return written


def render(corpus: Corpus, out_dir: Path) -> dict[str, Path]:
    """Write report.html, ledger.json and every export into `out_dir`; return them by name."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    atomic.sweep(out_dir)  # what a run killed while writing here left behind
    written = {"ledger.json": write_ledger(corpus, out_dir / "ledger.json")}
    written |= write_exports(corpus, out_dir)
    # The report links the files written beside it, so it is written last.
    written = {"report.html": write_html(corpus, out_dir, exports=tuple(written))} | written
    log.info("wrote %d files to %s", len(written), out_dir)
    return written
