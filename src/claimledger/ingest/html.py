"""HTML to article text with trafilatura, plus a plain-paragraph fallback for broken pages."""

from __future__ import annotations

import logging
import re

from ..errors import NoArticleText
from ..models import Hints

log = logging.getLogger(__name__)

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


def extract_html(html: str, path: str, url: str | None = None) -> tuple[str, Hints]:
    """Return the article's main text and the metadata the page states (title, author,
    date, site name). Raise NoArticleText when neither trafilatura nor the fallback find
    any text."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    except Exception as e:  # trafilatura/lxml raise a zoo of parser errors on bad markup
        log.info("%s: trafilatura failed (%s); using the paragraph fallback", path, e)
        result = None
    text = (getattr(result, "text", None) or "").strip()
    if not text:
        text = _fallback_text(html)
    if not text:
        raise NoArticleText(path, "HTML page holds no extractable article text")
    hints = Hints(
        title=_clean(getattr(result, "title", None)),
        author=_clean(getattr(result, "author", None)),
        outlet=_clean(getattr(result, "sitename", None)),
        published=_iso_date(getattr(result, "date", None)),
        url=url or _clean(getattr(result, "url", None)),
    )
    return text, hints


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
