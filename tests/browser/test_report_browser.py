"""The report and the web UI in a real browser: conflicts open to both quotes, search leads
to the sentence, and a hostile article runs nothing."""

from __future__ import annotations

import threading

import pytest

from browser.chromium import launch, require_chromium
from claimledger.report.html import render_html
from claimledger.serve import make_server
from claimledger.store import Store
from report.sample_corpus import sample_corpus

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.console_errors = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    yield page
    context.close()


@pytest.fixture
def report_url(tmp_path):
    path = tmp_path / "report.html"
    path.write_text(render_html(sample_corpus(hostile=True)), encoding="utf-8")
    return path.as_uri()


@pytest.fixture(scope="module")
def server_url():
    corpus = sample_corpus(hostile=True)
    with Store.open(None) as store:
        for analysis in corpus.analyses:
            store.save_analysis(analysis)
        store.save_reconciliation(corpus)
        server = make_server(store, "127.0.0.1", 0)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield server.url
        finally:
            server.shutdown()
            server.server_close()
            thread.join()


def test_browser_clicking_a_conflict_shows_both_quotes(page, report_url):
    page.goto(report_url)
    conflict = page.get_by_test_id("fact-conflict").first
    quotes = conflict.get_by_test_id("claim-quote")
    assert not quotes.first.is_visible()
    conflict.locator("summary").click()
    assert quotes.count() == 2
    for i in range(2):
        assert quotes.nth(i).is_visible()
    assert "60 percent" in quotes.nth(0).inner_text() + quotes.nth(1).inner_text()
    # Our own CSS and JS pass the Content-Security-Policy: no violation reported.
    assert page.console_errors == []


def test_browser_claim_link_scrolls_to_the_article_sentence(page, report_url):
    page.goto(report_url)
    conflict = page.get_by_test_id("fact-conflict").first
    conflict.locator("summary").click()
    link = conflict.get_by_test_id("claim-link").first
    target = link.get_attribute("href")
    link.click()
    page.wait_for_url("**" + target)
    sentence = page.locator(target + " + span")
    assert sentence.is_visible()
    box = sentence.bounding_box()
    assert box is not None and 0 <= box["y"] < 900


def test_browser_link_to_a_fact_opens_it(page, report_url):
    page.goto(report_url)
    fact_id = page.get_by_test_id("fact-conflict").first.get_attribute("id")
    page.goto(f"{report_url}#{fact_id}")
    assert (
        page.get_by_test_id("fact-conflict").first.get_by_test_id("claim-quote").first.is_visible()
    )


def test_browser_hostile_article_runs_no_script(page, report_url):
    page.goto(report_url)
    hostile = page.get_by_test_id("article").filter(has_text="Breaking news")
    hostile.scroll_into_view_if_needed()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    # The markup is on the page as text.
    assert "<script>" in hostile.inner_text()


def test_browser_web_ui_search_leads_to_the_sentence(page, server_url):
    page.goto(server_url)
    box = page.get_by_test_id("quick-search")
    box.fill("patrol boats")
    box.press("Enter")
    page.wait_for_url("**/search?q=*")
    hits = page.get_by_test_id("search-hit")
    assert hits.count() >= 1
    assert "patrol" in hits.first.locator("mark").first.inner_text().lower()
    hits.first.locator("a").first.click()
    page.wait_for_url("**/#claim-*")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []


def test_browser_web_ui_filters(page, server_url):
    page.goto(server_url + "search")
    page.get_by_test_id("filter-verdict").select_option("conflict")
    page.get_by_test_id("search-submit").click()
    rows = page.get_by_test_id("filter-results").locator("tbody tr")
    assert rows.count() == 2
    assert page.dialogs == []
