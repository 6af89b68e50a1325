"""HTML to article text with trafilatura, plus a plain-paragraph fallback for broken pages."""

from __future__ import annotations

import logging
import re

from ..errors import NoArticleText, UnreadableInput
from ..models import Hints
from .html_dates import page_date
from .outlets import clean_site_name

log = logging.getLogger(__name__)

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


def extract_html(html: str, path: str, url: str | None = None) -> tuple[str, Hints]:
    """Return the article's main text and the metadata the page states (title, author,
    date, site name). Raise NoArticleText when neither trafilatura nor the fallback find
    any text."""
    import trafilatura

    try:
        # Reader comments are no part of the article (trafilatura keeps them by default).
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False
        )
    except Exception as e:  # trafilatura/lxml raise a zoo of parser errors on bad markup
        log.info("%s: trafilatura failed (%s); using the paragraph fallback", path, e)
        result = None
    text = (getattr(result, "text", None) or "").strip()
    if not text:
        text = _fallback_text(html)
    if not text:
        raise NoArticleText(path, "HTML page holds no extractable article text")
    _check_depth(html, path)
    title = _clean(getattr(result, "title", None))
    page_url = url or _clean(getattr(result, "url", None))
    # htmldate's answer (trafilatura's date) unless the page's own statements contradict it
    dated = page_date(html, _iso_date(getattr(result, "date", None)), page_url)
    hints = Hints(
        title=title,
        author=_clean(getattr(result, "author", None)),
        outlet=clean_site_name(getattr(result, "sitename", None), title, page_url),
        published=dated.iso,
        published_evidence=dated.evidence,
        url=page_url,
    )
    return text, hints


def _check_depth(html: str, path: str) -> None:
    """Refuse a page nested deeper than libxml2 (under lxml, under trafilatura) builds a
    tree: it drops what lies deeper without raising, so analysing what survived (often
    the title alone) would pass silently for the page."""
    import lxml.etree

    parser = lxml.etree.HTMLParser(recover=True)
    try:
        lxml.etree.fromstring(html, parser)
    except (lxml.etree.LxmlError, ValueError):
        return  # a page lxml cannot parse at all is trafilatura's and the fallback's to judge
    for error in parser.error_log:
        if "excessive depth" in error.message.lower():
            raise UnreadableInput(
                path,
                f"HTML nested deeper than the parser reads ({error.message.split(',')[0]}): "
                "most of the page's text would be lost",
            )


def _fallback_text(html: str) -> str:
    """Paragraph text of a page trafilatura gave up on (fragments, unclosed tags)."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//noscript|//nav|//header|//footer"):
        bad.drop_tree()
    blocks = [p.text_content().strip() for p in root.xpath("//p|//h1|//h2|//h3|//li")]
    blocks = [b for b in blocks if b]
    if not blocks:
        blocks = [root.text_content().strip()]
    return "\n".join(b for b in blocks if b)


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _iso_date(value: str | None) -> str | None:
    match = _DATE.match(value or "")
    return match.group(0) if match else None
