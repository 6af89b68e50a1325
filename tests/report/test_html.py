"""The HTML report, checked on the parsed page (lxml), not by string matching."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import replace

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
        tr.xpath("./th")[0].text_content(): tr.xpath("./td")
        for tr in table.xpath("./tbody/tr[not(@class='group')]")
    }

    def names(td) -> list[str]:
        return [n.text_content().strip() for n in q(td, cls="name")]

    ledger = rows["Valdoria"][outlets.index("The Daily Ledger")]
    assert names(ledger) == ["The Valdorian regime ×1 · pejorative"]
    assert q(ledger, cls="share")[0].text_content() == "100% loaded"
    harbor = rows["Valdoria"][outlets.index("Harbor Times")]
    assert names(harbor) == ["Valdoria ×1"] and not q(harbor, cls="share")


def test_html_framing_table_groups_framed_actors_first(page):
    table = q(page, testid="framing")[0]
    groups = [tr.text_content() for tr in table.xpath("./tbody/tr[@class='group']")]
    assert groups and "pejorative" in groups[0]
    first_actor = table.xpath("./tbody/tr[not(@class='group')]")[0]
    assert "framed" in first_actor.classes


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


def _doc_text(corpus, doc_id: str) -> str:
    return next(a.document.text for a in corpus.analyses if a.document.id == doc_id)


def test_html_every_link_into_an_article_lights_its_whole_span():
    corpus = sample_corpus(hostile=True)
    page = lxml.html.fromstring(render_html(corpus))
    spans = [
        (prefix, item)
        for a in corpus.analyses
        for prefix, items in (
            ("claim", a.claims),
            ("quote", a.quotes),
            ("cite", a.citations),
            ("event", a.events),
        )
        for item in items
    ]
    assert spans
    for prefix, item in spans:
        anchor = f"{prefix}-{item.id}"
        runs = page.xpath(f"//*[contains(concat(' ', @data-refs, ' '), ' {anchor} ')]")
        # The runs, in page order, are exactly the annotated words: the whole span, no more.
        text = _doc_text(corpus, item.doc_id)[item.start : item.end]
        assert "".join(r.text_content() for r in runs) == text, anchor
        assert page.get_element_by_id(anchor).getnext() is not None


def test_html_document_without_outlet_shows_a_dash_and_its_file_name():
    corpus = sample_corpus()
    first = corpus.analyses[0]
    nameless = replace(first, meta=replace(first.meta, outlet=None))
    corpus = replace(corpus, analyses=(nameless, *corpus.analyses[1:]))
    page = lxml.html.fromstring(render_html(corpus))
    file_name = first.document.path.rsplit("/", 1)[-1]
    cell = page.xpath("//table[@class='docs']/tbody/tr[1]/td[2]")[0]
    assert cell.text_content().replace("\xa0", " ") == f"— {file_name}"
    assert q(cell, "small")[0].text_content() == file_name
    byline = q(q(page, testid="article")[0], cls="byline")[0]
    assert q(byline, cls="no-outlet")
    graph = " ".join(t.text_content() for t in q(page, testid="graph-cites")[0].iter())
    assert f"— {file_name}" in graph


def test_html_conflict_says_why_in_plain_words(page):
    why = q(q(page, testid="fact-conflict")[0], testid="why")[0].text_content()
    assert why.startswith("These sources cannot all be right about share of arms imports")
    assert "60%" in why and "35%" in why and "25 percentage points apart" in why
    summary = q(page, testid="fact-conflict")[0].xpath("./summary")[0]
    assert [c.text_content().split()[0] for c in q(summary, cls="chip-conflict")] == ["60%", "35%"]


def test_html_graph_sources_link_to_where_they_are_cited(page):
    links = q(page, "*", testid="graph-cites-right")
    assert links
    for a in links:
        target = page.get_element_by_id(a.get("href")[1:])
        assert "anchor" in target.classes


def test_html_report_links_the_exports_written_beside_it(tmp_path):
    render(sample_corpus(), tmp_path)
    page = lxml.html.fromstring((tmp_path / "report.html").read_text(encoding="utf-8"))
    links = [a.get("href") for a in q(q(page, testid="exports")[0], "a")]
    assert {"ledger.json", "claims.csv", "facts.csv", "graph.gexf", "graph.graphml"} <= set(links)
    assert all((tmp_path / name).is_file() for name in links)
