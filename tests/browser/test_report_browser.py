"""The report and the web UI in a real browser: conflicts open to both quotes, search leads
to the sentence, and a hostile article runs nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser.chromium import launch, require_chromium
from claimledger.report.html import render_html
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
    sentence = page.locator(f"[data-refs~='{target[1:]}']").first
    expect(sentence).to_be_visible()
    box = sentence.bounding_box()
    assert box is not None and 0 <= box["y"] < 900


def test_browser_claim_link_lights_the_whole_claim_and_nothing_else(page, report_url):
    page.goto(report_url)
    conflict = page.get_by_test_id("fact-conflict").first
    conflict.locator("summary").click()
    quote = conflict.get_by_test_id("claim-quote").first.inner_text()
    conflict.get_by_test_id("claim-link").first.click()
    lit = page.locator(".text .flash")
    # The light is set on `hashchange`, after the click returns: wait for it.
    expect(lit.first).to_be_visible()
    assert lit.count() >= 2  # the claim is cut into runs by the mentions inside it
    assert "".join(lit.all_text_contents()) == quote
    # Following another link moves the light.
    event = page.locator("a[href^='#event-']").first
    target = event.get_attribute("href")
    event.click()
    event_runs = page.locator(f"[data-refs~='{target[1:]}']")
    expect(event_runs.first).to_have_class(re.compile(r"\bflash\b"))
    assert "".join(page.locator(".text .flash").all_text_contents()) != quote


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


def test_browser_web_ui_search_leads_to_the_sentence(page, sample_server_url):
    page.goto(sample_server_url)
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


def test_browser_web_ui_filters(page, sample_server_url):
    page.goto(sample_server_url + "search")
    page.get_by_test_id("filter-verdict").select_option("conflict")
    page.get_by_test_id("search-submit").click()
    rows = page.get_by_test_id("filter-results").locator("tbody tr")
    assert rows.count() == 2
    assert page.dialogs == []


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def examples_report(tmp_path_factory, settings):
    """The bundled sample corpus through the real pipeline, rendered as `claimledger demo`
    renders it."""
    from claimledger.pipeline import analyze

    corpus = analyze(sorted(str(p) for p in EXAMPLES.glob("*.txt")), settings)
    path = tmp_path_factory.mktemp("examples") / "report.html"
    path.write_text(render_html(corpus), encoding="utf-8")
    return path.as_uri()


@pytest.mark.slow
def test_browser_sample_corpus_report_opens_a_conflict_to_both_quotes(page, examples_report):
    page.goto(examples_report)
    assert page.get_by_test_id("article").count() == len(list(EXAMPLES.glob("*.txt")))
    conflicts = page.get_by_test_id("fact-conflict")
    assert conflicts.count() >= 1
    # The gold conflict of the sample corpus: the share of Israel's oil from Azerbaijan.
    oil = conflicts.filter(has_text="oil")
    assert oil.count() == 1
    oil.locator("summary").click()
    quotes = [q.inner_text() for q in oil.get_by_test_id("claim-quote").all()]
    assert len(quotes) >= 2
    assert all(oil.get_by_test_id("claim-quote").nth(i).is_visible() for i in range(len(quotes)))
    assert any("40" in q for q in quotes) and any("65%" in q for q in quotes)
    assert "cannot all be right" in oil.get_by_test_id("why").inner_text()
    # Each side links to its sentence in the article, which lights up in view.
    link = oil.get_by_test_id("claim-link").first
    target = link.get_attribute("href")
    link.click()
    page.wait_for_url("**" + target)
    expect(page.locator(".text .flash").first).to_be_visible()
    assert page.console_errors == []
