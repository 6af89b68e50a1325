"""The HTML report, checked on the parsed page (lxml), not by string matching."""

from __future__ import annotations

import base64
import hashlib

import lxml.html
import pytest

from claimledger.models import Corpus
from claimledger.report import render
from claimledger.report.html import render_html
from report.sample_corpus import sample_corpus


@pytest.fixture(scope="module")
def page():
    return lxml.html.fromstring(render_html(sample_corpus(hostile=True)))


def q(el, tag: str = "*", *, cls: str | None = None, testid: str | None = None) -> list:
    """Descendants by tag, class and data-testid (XPath, so no cssselect dependency)."""
    conds = []
    if cls:
        conds.append(f"contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')")
    if testid:
        conds.append(f"@data-testid='{testid}'")
    pred = f"[{' and '.join(conds)}]" if conds else ""
    return el.xpath(f".//{tag}{pred}")


def _sha(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_html_conflicts_come_first_with_both_quotes(page):
    facts = q(page, "details", cls="fact")
    assert facts[0].get("data-testid") == "fact-conflict"
    quotes = [q.text_content() for q in q(facts[0], testid="claim-quote")]
    assert len(quotes) == 2
    assert any("60 percent" in q for q in quotes) and any("roughly 35%" in q for q in quotes)
    assert "60% and 35% differ" in q(facts[0], cls="reason")[0].text_content()


def test_html_every_in_page_link_has_a_target(page):
    ids = {el.get("id") for el in page.xpath("//*[@id]")}
    hrefs = [a.get("href") for a in page.xpath("//a[@href]")]
    hrefs += [a.get("href") for a in page.xpath("//*[local-name()='a'][@href]")]
    internal = {h[1:] for h in hrefs if h.startswith("#")}
    assert internal, "the report links nowhere"
    assert internal <= ids


def test_html_claim_links_reach_the_article_sentence(page):
    link = q(q(page, testid="fact-conflict")[0], testid="claim-link")[0]
    anchor = page.get_element_by_id(link.get("href")[1:])
    assert anchor.getparent().tag == "div" and "text" in anchor.getparent().classes
    assert anchor.getnext().text_content().startswith("Valdoria")


def test_html_article_keeps_text_and_greys_chrome(page):
    article = q(page, testid="article")[1]
    assert q(article, cls="chrome")[0].text_content() == "SHARE THIS STORY"
    text = q(article, "div", cls="text")[0].text_content()
    assert text.startswith("SHARE THIS STORY\nValdoria arms Nordhavn")


def test_html_mentions_are_marked_by_framing(page):
    pejorative = [m for d in q(page, "div", cls="text") for m in q(d, cls="m-pejorative")]
    assert [m.text_content() for m in pejorative] == ["The Valdorian regime"]


def test_html_framing_table_lists_names_per_outlet(page):
    table = q(page, testid="framing")[0]
    outlets = [th.text_content() for th in table.xpath("./thead/tr/th")][1:]
    rows = {
        tr.xpath("./th")[0].text_content(): [td.text_content().strip() for td in tr.xpath("./td")]
        for tr in table.xpath("./tbody/tr")
    }
    ledger = rows["Valdoria"][outlets.index("The Daily Ledger")]
    assert ledger == "The Valdorian regime ×1 · pejorative"
    assert rows["Valdoria"][outlets.index("Harbor Times")] == "Valdoria ×1"


def test_html_timeline_has_one_linked_row_per_event(page):
    rows = q(page, testid="timeline-event")
    assert len(rows) == 2
    # Sorted by date: the year-only 2021 event before 3 March 2023.
    assert rows[0].get("href").startswith("#event-")
    assert "2021" in rows[0].text_content()


def test_html_source_graph_draws_outlet_to_source(page):
    graph = q(page, testid="graph-cites")[0]
    labels = [t.text_content() for t in graph.xpath(".//*[local-name()='text']")]
    assert "Harbor Times" in " ".join(labels)
    assert "Peace Research Institute" in " ".join(labels)


def test_html_hostile_article_creates_no_script_or_handler(page):
    scripts = page.xpath("//script")
    assert len(scripts) == 1  # ours
    assert not page.xpath("//img")
    handlers = [a for el in page.iter() for a in el.attrib if a.lower().startswith("on")]
    assert handlers == []
    assert not [a for a in page.xpath("//a[@href]") if a.get("href").startswith("javascript")]
    # The markup is shown as text instead.
    assert "<script>window.__pwned = 1; alert(1)</script>" in page.text_content()


def test_html_csp_allows_only_the_shipped_style_and_script(page):
    csp = page.xpath("//meta[@http-equiv='Content-Security-Policy']")[0].get("content")
    assert "default-src 'none'" in csp
    assert "unsafe-inline" not in csp
    assert _sha(page.xpath("//script")[0].text) in csp
    assert _sha(page.xpath("//style")[0].text) in csp


def test_html_only_http_urls_become_links():
    page = lxml.html.fromstring(render_html(sample_corpus(hostile=True)))
    originals = [a.get("href") for a in [a for b in q(page, cls="byline") for a in q(b, "a")]]
    assert originals == ["https://harbor.example/valdoria"]


def test_html_empty_corpus_renders():
    page = lxml.html.fromstring(render_html(Corpus(analyses=(), entities=())))
    assert "No quantitative claims" in page.xpath("//*[@id='facts']")[0].text_content()


def test_html_render_writes_report_ledger_and_exports(tmp_path):
    paths = render(sample_corpus(), tmp_path)
    assert set(paths) >= {"report.html", "ledger.json", "claims.csv", "graph.gexf"}
    assert all(p.exists() and p.parent == tmp_path for p in paths.values())
