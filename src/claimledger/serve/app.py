"""The web UI as a WSGI application: routes, pages, headers, the `Host` check.

Every page is answered from SQL (the full-text index and indexed filters) or, for the
report and ledger.json, from a copy rendered once per change of the store; nothing reloads
the corpus per request (issue 12: each filtered search did, 0.93 s on 1,408 documents).
A search page, once rendered, is kept until the store changes (bodies.Pages): a search
costs 10-90 ms of SQL and rendering on 1,408 documents, one asked again well under 1 ms.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Generic, TypeVar
from urllib.parse import parse_qs

from markupsafe import Markup, escape

from ..errors import StoreError
from ..models import Claim
from ..report.html import assets, render_html, render_template
from ..store import Store
from ..store.queries import MARK_END, MARK_START, SearchHit
from .bodies import Body, Pages, as_file, etag_matches
from .hosts import HostCheck

log = logging.getLogger(__name__)

FILTERS = ("entity", "outlet", "measure", "verdict")
ANCHOR_PREFIX = {"claim": "claim-", "quote": "quote-", "document": "doc-"}
MAX_QUERY = 500  # characters of search text kept
T = TypeVar("T")


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


class Readers:
    """A read connection per worker thread, so searches run side by side (WAL lets them
    read while an analysis writes). An in-memory store has one connection only: requests
    take turns on it."""

    def __init__(self, store: Store) -> None:
        self.shared = store
        self._lock = threading.Lock() if store.path == ":memory:" else None
        self._state_lock = self._lock or threading.Lock()
        self._local = threading.local()
        self._opened: list[Store] = []
        self._opened_lock = threading.Lock()

    @contextmanager
    def store(self) -> Iterator[Store]:
        if self._lock is not None:
            with self._lock:
                yield self.shared
            return
        mine = getattr(self._local, "store", None)
        if mine is None:
            mine = self._local.store = Store.open(self.shared.path)
            with self._opened_lock:
                self._opened.append(mine)
        yield mine

    def state(self) -> tuple:
        """The store's state as the server's own connection sees it: SQLite's data_version
        is per connection, so all threads compare one connection's."""
        with self._state_lock:
            return self.shared.state()

    def close(self) -> None:
        with self._opened_lock:
            for s in self._opened:
                s.close()
            self._opened.clear()


class Kept(Generic[T]):
    """One value (a rendered page, the facets) per state of the store: made again only
    when the store changed; one thread makes it, the others wait for it."""

    def __init__(self, make: Callable[[Store], T]) -> None:
        self._make = make
        self._lock = threading.Lock()
        self._kept: tuple[tuple, T] | None = None

    def get(self, store: Store, state: tuple) -> T:
        kept = self._kept
        if kept is not None and kept[0] == state:
            return kept[1]
        with self._lock:
            kept = self._kept
            if kept is None or kept[0] != state:
                kept = self._kept = (state, self._make(store))
            return kept[1]


def _report(store: Store) -> Body:
    html = render_html(store.load_corpus(), home="/", searchable=True, exports=("ledger.json",))
    return Body.of(html.encode("utf-8"))


def _ledger(store: Store) -> Body:
    from ..report.ledger import ledger_json

    return Body.of(ledger_json(store.load_corpus()).encode("utf-8"))


@dataclass(frozen=True, slots=True)
class FacetOptions:
    """Each filter's <option> elements, escaped once per store state: a search page then
    only marks the chosen one instead of escaping some 300 names per request."""

    values: dict[str, list[str]]
    options: dict[str, list[str]]
    position: dict[str, dict[str, int]]

    @classmethod
    def of(cls, facets: dict[str, list[str]]) -> FacetOptions:
        def option(v: str) -> str:
            return f'<option value="{escape(v)}">{escape(v)}</option>'

        return cls(
            values=facets,
            options={name: [option(v) for v in vs] for name, vs in facets.items()},
            position={name: {v: i for i, v in enumerate(vs)} for name, vs in facets.items()},
        )

    def html(self, name: str, chosen: str) -> Markup:
        options = self.options[name]
        i = self.position[name].get(chosen)
        if i is not None:
            options = options.copy()
            options[i] = f'<option value="{escape(chosen)}" selected>{escape(chosen)}</option>'
        return Markup("".join(options))


class LedgerApp:
    """Routes: / (the report), /search (search and filters), /ledger.json."""

    def __init__(self, store: Store, hosts: HostCheck) -> None:
        self.readers = Readers(store)
        self.hosts = hosts
        self.report = Kept(_report)
        self.ledger = Kept(_ledger)
        self.facets = Kept(lambda store: FacetOptions.of(store.facets()))
        self.pages = Pages()

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        if not self.hosts.allows(environ.get("HTTP_HOST")):
            # DNS rebinding: a page elsewhere reaching this server under its own name
            return _error(start_response, HTTPStatus.BAD_REQUEST, "Host not allowed")
        if method not in ("GET", "HEAD"):
            return _error(start_response, HTTPStatus.METHOD_NOT_ALLOWED, "GET only")
        path = environ.get("PATH_INFO", "/")
        params = {
            k: v[-1]
            for k, v in parse_qs(environ.get("QUERY_STRING", ""), max_num_fields=20).items()
        }
        try:
            state = self.readers.state()
            with self.readers.store() as store:
                if path in ("/", "/index.html"):
                    kept, kind = self.report.get(store, state), "text/html"
                elif path == "/search":
                    kept, kind = self._search(store, state, params), "text/html"
                elif path == "/ledger.json":
                    kept, kind = self.ledger.get(store, state), "application/json"
                else:
                    return _error(start_response, HTTPStatus.NOT_FOUND, "no such page")
        except StoreError as e:
            log.error("%s", e)
            return _error(
                start_response, HTTPStatus.INTERNAL_SERVER_ERROR, "the store could not be read"
            )
        return _send_kept(environ, start_response, kept, f"{kind}; charset=utf-8")

    def _search(self, store: Store, state: tuple, params: dict[str, str]) -> Body:
        q, filters = search_terms(params)
        key = (q, *filters.values())
        page = self.pages.get(state, key)
        if page is None:
            facets = self.facets.get(store, state)
            page = Body.of(search_page(store, q, filters, facets).encode())
            self.pages.put(state, key, page)
        return page

    def close(self) -> None:
        self.readers.close()


def _headers(content_type: str, length: int, cache: str = "no-store") -> list[tuple[str, str]]:
    return [
        ("Content-Type", content_type),
        ("Content-Length", str(length)),
        ("Content-Security-Policy", assets().csp + "; frame-ancestors 'none'"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Cache-Control", cache),
    ]


def _send_kept(environ: dict, start_response: Callable, kept: Body, kind: str) -> Iterable[bytes]:
    """A body made once per store state: gzipped when the client takes it, 304 when the
    client already holds this version (the ETag changes with the store)."""
    data, encoding, etag = kept.choose(environ.get("HTTP_ACCEPT_ENCODING"))
    # the browser may keep it but must ask each time whether it is still current
    headers = _headers(kind, len(data), cache="no-cache")
    headers += [("ETag", etag), ("Vary", "Accept-Encoding")]
    if encoding:
        headers.append(("Content-Encoding", encoding))
    if etag_matches(environ.get("HTTP_IF_NONE_MATCH"), etag):
        start_response("304 Not Modified", [h for h in headers if h[0] != "Content-Length"])
        return []
    start_response("200 OK", headers)
    return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else as_file(environ, data)


def _error(start_response: Callable, status: HTTPStatus, message: str) -> list[bytes]:
    body = f"{status.value} {status.phrase}: {message}\n".encode()
    start_response(f"{status.value} {status.phrase}", _headers("text/plain", len(body)))
    return [body]


def search_terms(params: dict[str, str]) -> tuple[str, dict[str, str]]:
    """The words and the filters a search page shows, from its query parameters."""
    q = params.get("q", "").strip()[:MAX_QUERY]
    return q, {name: params.get(name, "").strip()[:MAX_QUERY] for name in FILTERS}


def search_page(store: Store, q: str, filters: dict[str, str], facets: FacetOptions) -> str:
    filtered = any(filters.values())
    hits = [hit_view(h) for h in store.search(q, outlet=filters["outlet"] or None)] if q else []
    claims = (
        store.claims(text=q or None, **{k: v or None for k, v in filters.items()})
        if filtered
        else []
    )
    labels = store.document_labels([c.doc_id for c in claims]) if claims else {}
    fact_of = store.facts_of_claims([c.id for c in claims]) if claims else {}
    rows = []
    for c in claims:
        path, outlet, _ = labels.get(c.doc_id, ("?", None, None))
        fact = fact_of.get(c.id)
        rows.append(
            ClaimRow(
                claim=c,
                outlet=outlet or Path(path).name,
                outlet_known=bool(outlet),
                verdict=fact[1] if fact else None,
                fact_anchor=f"fact-{fact[0]}" if fact else None,
            )
        )
    return render_template(
        "search.html.j2",
        page_title=f"Search: {q}" if q else "Search",
        home="/",
        searchable=True,
        q=q,
        hits=hits,
        facets=facets.values,
        options={name: facets.html(name, filters[name]) for name in facets.values},
        filters=filters,
        filtered=filtered,
        claims=rows,
    )
