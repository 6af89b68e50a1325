"""The HTML report: Jinja2 templates rendered into one self-contained, offline page.

Article text is untrusted (it may hold `<script>` or `onerror=` attributes), so:
autoescaping is on for every template; our own CSS and JS are the only markup inserted
unescaped; links are only made from http(s) URLs; and a Content-Security-Policy allows
exactly the stylesheet and script we ship (by their SHA-256) and nothing else.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..models import Corpus
from . import atomic, svg
from .graph import citation_edges, first_citations, supply_edges
from .view import ReportView, build_view


@dataclass(frozen=True, slots=True)
class Assets:
    css: Markup
    js: Markup
    csp: str


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


@cache
def assets() -> Assets:
    static = files(__package__) / "static"
    css = (static / "report.css").read_text(encoding="utf-8")
    js = (static / "report.js").read_text(encoding="utf-8")
    csp = (
        "default-src 'none'; "
        f"style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; "
        "img-src data:; base-uri 'none'; form-action 'self'"
    )
    # Our own files, trusted: inserted verbatim, since escaping would break CSS selectors
    # like `a > b` and change the hash the policy allows.
    return Assets(css=Markup(css), js=Markup(js), csp=csp)


@cache
def environment() -> Environment:
    # autoescape=True for every template name, not select_autoescape's extension list:
    # our templates end in .j2, which that list would leave unescaped.
    env = Environment(
        loader=PackageLoader("claimledger.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def render_template(name: str, **context: object) -> str:
    """Render one of the report's templates with the shared page context (CSS, JS, CSP)."""
    a = assets()
    base = {
        "css": a.css,
        "js": a.js,
        "csp": a.csp,
        "home": "",
        "searchable": False,
        "exports": (),  # names of files beside the page, linked from the overview
    }
    return environment().get_template(name).render(**(base | context))


def charts(view: ReportView) -> dict[str, object]:
    first_doc: dict[str, str] = {}
    for d in view.docs:
        first_doc.setdefault(d.outlet, f"#{d.anchor}")
    cited = {s: f"#{a}" for s, a in first_citations(view.corpus).items()}
    return {
        "timeline": svg.timeline(view.timeline),
        "cites": svg.bipartite(
            citation_edges(view.corpus),
            hrefs=first_doc,
            target_hrefs=cited,
            muted=view.unknown_outlets,
        ),
        "supplies": svg.bipartite(supply_edges(view.corpus)),
    }


def report_title(view: ReportView) -> str:
    n = view.counts["documents"]
    return f"claimledger: {n} article{'s' if n != 1 else ''} from {view.counts['outlets']} outlet{'s' if view.counts['outlets'] != 1 else ''}"


def render_html(corpus: Corpus, **context: object) -> str:
    """The whole report as one HTML string."""
    view = build_view(corpus)
    return render_template(
        "report.html.j2",
        view=view,
        charts=charts(view),
        page_title=report_title(view),
        **context,
    )


def write_html(corpus: Corpus, out_dir: Path, *, exports: tuple[str, ...] = ()) -> Path:
    """Write report.html into `out_dir`; `exports` names files beside it to link to."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return atomic.write_text(out_dir / "report.html", render_html(corpus, exports=exports))
