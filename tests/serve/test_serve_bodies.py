"""Kept bodies of the web UI (issue 12 load): gzip when the client takes it, ETag and 304,
rendered pages kept per store state and dropped when the store changes."""

from __future__ import annotations

import gzip
import http.client
import threading
import urllib.parse
from dataclasses import replace

import lxml.html
import pytest

import claimledger.serve.bodies as bodies
from claimledger.serve import make_server
from claimledger.serve.bodies import Body, Pages, accepts_gzip, etag_matches
from claimledger.store import Store


def _get(url: str, path: str, **headers: str):
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request("GET", path, headers={k.replace("_", "-"): v for k, v in headers.items()})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("header", "allowed"),
    [
        ("gzip, deflate, br", True),
        ("GZIP", True),
        ("deflate", False),
        ("gzip;q=0", False),
        ("gzip; q=0.5", True),
        ("*", True),
        ("*;q=0", False),
        ("*, gzip;q=0", False),
        ("gzip;q=zero", False),
        ("", False),
        (None, False),
    ],
)
def test_bodies_accept_gzip_follows_q_values(header, allowed):
    assert accepts_gzip(header) is allowed


def test_bodies_body_gzips_only_large_bodies_and_tags_each_variant():
    small = Body.of(b"{}")
    assert small.gzipped is None
    assert small.choose("gzip") == (b"{}", None, small.etag)
    large = Body.of(b"claim " * 20_000)
    data, encoding, etag = large.choose("gzip, deflate")
    assert encoding == "gzip" and gzip.decompress(data) == large.plain
    assert etag != large.etag and etag.startswith('"') and etag.endswith('"')
    assert large.choose("identity") == (large.plain, None, large.etag)
    assert Body.of(b"other " * 20_000).etag != large.etag


def test_bodies_etag_matches_lists_star_and_weak_tags():
    assert etag_matches('"a", "b"', '"b"')
    assert etag_matches('W/"b"', '"b"')
    assert etag_matches("*", '"b"')
    assert not etag_matches('"a"', '"b"')
    assert not etag_matches(None, '"b"')


def test_bodies_pages_drop_the_oldest_past_the_budget_and_all_on_a_new_state():
    pages = Pages(budget=250)
    for key in "abc":
        pages.put((1,), key, Body.of(bytes(100)))
    assert pages.get((1,), "a") is None  # the least recently asked for went first
    assert pages.get((1,), "c") is not None
    assert pages.get((2,), "c") is None  # the store changed: nothing kept is current
    pages.put((2,), "d", Body.of(bytes(100)))
    assert pages.get((1,), "c") is None
    pages.put((2,), "huge", Body.of(bytes(300)))
    assert pages.get((2,), "huge") is None and pages.get((2,), "d") is not None


@pytest.fixture
def own_server(monkeypatch):
    """A server over its own copy of the sample store, every body large enough to gzip."""
    from report.sample_corpus import sample_corpus

    monkeypatch.setattr(bodies, "GZIP_MIN", 1)
    corpus = sample_corpus(hostile=True)
    with Store.open(None) as store:
        for analysis in corpus.analyses:
            store.save_analysis(analysis)
        store.save_reconciliation(corpus)
        server = make_server(store, "127.0.0.1", 0)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield server.url, store, corpus
        finally:
            server.shutdown()
            server.server_close()
            thread.join()


@pytest.mark.parametrize("path", ["/", "/ledger.json", "/search?verdict=conflict"])
def test_serve_gzips_when_asked_and_answers_304_to_the_current_etag(own_server, path):
    url = own_server[0]
    status, plain_headers, plain = _get(url, path)
    assert status == 200 and "Content-Encoding" not in plain_headers
    status, headers, packed = _get(url, path, Accept_Encoding="gzip, deflate")
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed) == plain
    assert headers["Vary"] == "Accept-Encoding"
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    status, again, body = _get(url, path, If_None_Match=plain_headers["ETag"])
    assert (status, body) == (304, b"")
    assert again["ETag"] == plain_headers["ETag"]
    status, _, _ = _get(url, path, If_None_Match='"stale"')
    assert status == 200


def test_serve_keeps_a_search_page_until_the_store_changes(own_server, monkeypatch):
    url, store, corpus = own_server
    path = "/search?verdict=conflict"

    def rows(body: bytes) -> int:
        page = lxml.html.fromstring(body)
        return len(page.xpath("//*[@data-testid='filter-results']//tbody/tr"))

    status, headers, first = _get(url, path)
    assert status == 200 and rows(first) > 0
    calls = []
    real_claims = Store.claims
    monkeypatch.setattr(Store, "claims", lambda *a, **k: calls.append(k) or real_claims(*a, **k))
    assert _get(url, path)[2] == first and not calls  # asked again: the kept page
    # a new reconciliation in which nothing conflicts: the kept page is no longer current
    calm = tuple(replace(f, verdict="agree") for f in corpus.facts)
    store.save_reconciliation(replace(corpus, facts=calm))
    status, new_headers, second = _get(url, path)
    assert status == 200 and calls and rows(second) == 0
    assert new_headers["ETag"] != headers["ETag"]
