"""HTML input: trafilatura's main text and metadata, a fallback for broken pages."""

from __future__ import annotations

from claimledger.ingest import ingest, inspect
from claimledger.models import Document, Skipped

PAGE = """<!DOCTYPE html>
<html><head>
<title>Harbour reopens after storm | Coast Gazette</title>
<meta name="author" content="Jane Roe">
<meta property="og:site_name" content="Coast Gazette">
<meta property="article:published_time" content="2024-02-03T10:00:00Z">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour reopens after storm</h1>
<p>The harbour at Port Ellis reopened on Tuesday after a storm closed it for nine days,
the port authority said in a statement to reporters.</p>
<p>Officials put the damage at 4.2 million dollars, roughly twice the figure the
regional council gave last week.</p>
</article>
<footer>Subscribe to our newsletter. Copyright Coast Gazette.</footer>
</body></html>"""


def test_html_text_is_the_extracted_article(tmp_path, settings):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = list(ingest([str(path)], settings))
    assert isinstance(doc, Document) and doc.format == "html"
    assert "reopened on Tuesday" in doc.text
    assert "<p>" not in doc.text and "Subscribe to our newsletter" not in doc.text
    assert doc.id == Document.make_id(doc.text)


def test_html_metadata_becomes_hints_and_wins_in_inspect(tmp_path, settings):
    path = tmp_path / "page.htm"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = list(ingest([str(path)], settings))
    assert doc.hints.author == "Jane Roe"
    assert doc.hints.outlet == "Coast Gazette"
    assert doc.hints.published == "2024-02-03"
    meta = inspect(doc, settings)
    assert meta.outlet == "Coast Gazette"
    assert meta.author == "Jane Roe"
    assert meta.published == "2024-02-03" and meta.published_confidence >= 0.5


def test_html_broken_markup_still_yields_text(tmp_path, settings):
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><body><div><p>The ferry to Dunmore was cancelled on Friday <b>after the "
        "engine failed twice<p>Passengers waited four hours",
        encoding="utf-8",
    )
    [doc] = list(ingest([str(path)], settings))
    assert isinstance(doc, Document)
    assert "ferry to Dunmore was cancelled" in doc.text


def test_html_without_article_text_is_skipped(tmp_path, settings):
    path = tmp_path / "shell.html"
    path.write_text(
        "<html><head><script>var x = 1;</script></head><body><div></div></body></html>",
        encoding="utf-8",
    )
    [item] = list(ingest([str(path)], settings))
    assert isinstance(item, Skipped)
    assert "no extractable article text" in item.reason


def test_html_in_cp1252_decodes(tmp_path, settings):
    path = tmp_path / "legacy.html"
    page = PAGE.replace("Port Ellis", "Port \u00c9llis \u201cnorth\u201d")
    path.write_bytes(page.encode("cp1252"))
    [doc] = list(ingest([str(path)], settings))
    assert "Port \u00c9llis \u201cnorth\u201d" in doc.text
