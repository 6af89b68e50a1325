"""A local web UI over a store: the report's pages plus full-text search and filters.

    serve("out/ledger.sqlite")            # http://127.0.0.1:8765/

Standard library only (ThreadingHTTPServer): it is a single-user tool bound to localhost by
default, not a public web service. Pages reuse the report's templates, so they escape the
same way and carry the same Content-Security-Policy, sent as a header too.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from markupsafe import Markup, escape

from ..errors import StoreError
from ..models import Claim
from ..report.html import assets, render_html, render_template
from ..store import Store
from ..store.queries import MARK_END, MARK_START, SearchHit

log = logging.getLogger(__name__)

FILTERS = ("entity", "outlet", "measure", "verdict")
ANCHOR_PREFIX = {"claim": "claim-", "quote": "quote-", "document": "doc-"}


@dataclass(frozen=True, slots=True, kw_only=True)
class HitView:
    kind: str
    anchor: str
    title: str
    outlet: str  # the file name when no outlet was found (outlet_known False)
    snippet: Markup
    outlet_known: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimRow:
    claim: Claim
    outlet: str  # the file name when no outlet was found (outlet_known False)
    outlet_known: bool = True
    verdict: str | None = None  # of the fact the claim belongs to
    fact_anchor: str | None = None


def highlight(snippet: str) -> Markup:
    """Escape a search snippet, then turn the store's match markers into <mark> tags."""
    safe = str(escape(snippet))
    return Markup(safe.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def hit_view(hit: SearchHit) -> HitView:
    return HitView(
        kind=hit.kind,
        anchor=ANCHOR_PREFIX.get(hit.kind, "doc-") + hit.ref,
        title=hit.title or Path(hit.path).name or hit.path,
        outlet=hit.outlet or Path(hit.path).name,
        snippet=highlight(hit.snippet),
        outlet_known=bool(hit.outlet),
    )


class Handler(BaseHTTPRequestHandler):
    """Routes: / (the report), /search (search and filters), /ledger.json."""

    server: LedgerServer
    server_version = "claimledger"

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        params = {k: v[-1] for k, v in parse_qs(url.query).items()}
        try:
            if url.path in ("/", "/index.html"):
                self._send_html(self.server.report_page())
            elif url.path == "/search":
                self._send_html(self.server.search_page(params))
            elif url.path == "/ledger.json":
                self._send_json(self.server.ledger())
            else:
                self.send_error(HTTPStatus.NOT_FOUND, "no such page")
        except StoreError as e:
            log.error("%s", e)
            self.send_error(HTTPStatus.INTERNAL_SERVER_ERROR, "the store could not be read")

    def _headers(self, content_type: str, length: int) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length))
        self.send_header("Content-Security-Policy", assets().csp + "; frame-ancestors 'none'")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()

    def _send_html(self, html: str) -> None:
        body = html.encode("utf-8")
        self._headers("text/html; charset=utf-8", len(body))
        self.wfile.write(body)

    def _send_json(self, data: object) -> None:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        self._headers("application/json; charset=utf-8", len(body))
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        # Library code logs; http.server would write to stderr.
        log.info("%s %s", self.address_string(), format % args)


class LedgerServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, store: Store, host: str, port: int) -> None:
        super().__init__((host, port), Handler)
        self.store = store
        # One SQLite connection serves every request thread; take turns on it.
        self.lock = threading.Lock()
        self._page: tuple[tuple, str] | None = None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"

    def report_page(self) -> str:
        # Rendering a large store takes a while; render again only when the store changed
        # (a new run, or documents added by an analysis running beside the server).
        with self.lock:
            state = self.store.state()
            if self._page is not None and self._page[0] == state:
                return self._page[1]
            corpus = self.store.load_corpus()
        html = render_html(corpus, home="/", searchable=True, exports=("ledger.json",))
        with self.lock:
            self._page = (state, html)
        return html

    def ledger(self) -> dict:
        from ..report.ledger import ledger_dict

        with self.lock:
            corpus = self.store.load_corpus()
        return ledger_dict(corpus)

    def search_page(self, params: dict[str, str]) -> str:
        q = params.get("q", "").strip()[:500]
        filters = {name: params.get(name, "").strip() for name in FILTERS}
        filtered = any(filters.values())
        with self.lock:
            found = self.store.search(q, outlet=filters["outlet"] or None) if q else []
            hits = [hit_view(h) for h in found]
            facets = self.store.facets()
            claims = (
                self.store.claims(**{k: v or None for k, v in filters.items()}) if filtered else []
            )
            if q and claims:
                # Words and filters together: claims that match both.
                said = {h.ref for h in self.store.search(q, limit=5000) if h.kind == "claim"}
                claims = [c for c in claims if c.id in said]
            labels = self.store.document_labels() if claims else {}
            fact_of = {cid: f for f in self.store.facts() for cid in f.claim_ids} if claims else {}
        rows = []
        for c in claims:
            path, outlet, _ = labels.get(c.doc_id, ("?", None, None))
            fact = fact_of.get(c.id)
            rows.append(
                ClaimRow(
                    claim=c,
                    outlet=outlet or Path(path).name,
                    outlet_known=bool(outlet),
                    verdict=fact.verdict if fact else None,
                    fact_anchor=f"fact-{fact.id}" if fact else None,
                )
            )
        return render_template(
            "search.html.j2",
            page_title=f"Search: {q}" if q else "Search",
            home="/",
            searchable=True,
            q=q,
            hits=hits,
            facets=facets,
            filters=filters,
            filtered=filtered,
            claims=rows,
        )


def make_server(store: Store, host: str = "127.0.0.1", port: int = 8765) -> LedgerServer:
    """A server over `store`, bound but not yet serving (port 0 picks a free port); call
    `serve_forever()` (in a thread for tests) and `shutdown()`."""
    return LedgerServer(store, host, port)


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8765) -> None:
    """Serve the store at `db_path` until interrupted."""
    with Store.open(db_path) as store:
        server = make_server(store, host, port)
        log.info("serving %s at %s", db_path, server.url)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            log.info("stopped")
        finally:
            server.server_close()
