"""The local web UI, over HTTP on 127.0.0.1 (a random free port, in a thread)."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

import lxml.html
import pytest

from claimledger.serve import highlight
from claimledger.store.queries import MARK_END, MARK_START


def _get(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response, response.read().decode("utf-8")


def _page(url: str):
    return lxml.html.fromstring(_get(url)[1])


def test_serve_home_is_the_report_with_search_box(sample_server_url):
    response, body = _get(sample_server_url)
    page = lxml.html.fromstring(body)
    assert page.xpath("//*[@data-testid='fact-conflict']")
    assert page.xpath("//*[@data-testid='quick-search']")
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_serve_search_results_link_to_article_anchors(sample_server_url):
    page = _page(sample_server_url + "search?q=" + urllib.parse.quote("arms imported"))
    hits = page.xpath("//*[@data-testid='search-hit']")
    assert hits
    first = hits[0].xpath(".//a")[0].get("href")
    assert first.startswith("/#claim-")
    assert hits[0].xpath(".//mark")


def test_serve_filters_list_matching_claims(sample_server_url):
    page = _page(sample_server_url + "search?verdict=conflict&outlet=Harbor+Times")
    rows = page.xpath("//*[@data-testid='filter-results']//tbody/tr")
    assert [r.xpath("./td")[0].text_content() for r in rows] == ["60 percent"]
    selected = page.xpath("//select[@name='verdict']/option[@selected]")[0]
    assert selected.get("value") == "conflict"


def test_serve_words_and_filters_narrow_claims_together(sample_server_url):
    page = _page(sample_server_url + "search?q=weapons&verdict=conflict")
    rows = page.xpath("//*[@data-testid='filter-results']//tbody/tr")
    assert [r.xpath("./td")[0].text_content() for r in rows] == ["roughly 35%"]


def test_serve_escapes_query_and_hostile_text(sample_server_url):
    query = "<script>alert(1)</script> window"
    page = _page(sample_server_url + "search?q=" + urllib.parse.quote(query))
    assert len(page.xpath("//script")) == 1  # only the page's own
    assert not page.xpath("//img")
    assert page.xpath("//*[@data-testid='search-input']")[0].get("value") == query


def test_serve_ledger_json(sample_server_url):
    import json

    _, body = _get(sample_server_url + "ledger.json")
    assert {"documents", "claims"} <= set(json.loads(body))


def test_serve_unknown_path_is_404(sample_server_url):
    with pytest.raises(urllib.error.HTTPError) as info:
        _get(sample_server_url + "nope")
    info.value.close()
    assert info.value.code == 404


def test_serve_highlight_escapes_before_marking():
    out = highlight(f"<b>{MARK_START}drone{MARK_END}</b>")
    assert str(out) == "&lt;b&gt;<mark>drone</mark>&lt;/b&gt;"


def test_serve_filtered_claims_show_their_verdict_linked_to_the_fact(sample_server_url):
    page = _page(sample_server_url + "search?verdict=conflict")
    rows = page.xpath("//*[@data-testid='filter-results']//tbody/tr")
    assert len(rows) == 2
    for row in rows:
        badge = row.xpath(".//a[contains(@class, 'badge')]")[0]
        assert badge.text_content() == "conflict"
        assert badge.get("href").startswith("/#fact-")
    report = _page(sample_server_url)
    assert report.get_element_by_id(badge.get("href")[2:]).get("data-testid") == "fact-conflict"
