"""HTML to article text with trafilatura, plus a plain-paragraph fallback for broken pages."""

from __future__ import annotations

import logging
import re

from ..errors import NoArticleText, UnreadableInput
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
    _check_depth(html, text, path)
    hints = Hints(
        title=_clean(getattr(result, "title", None)),
        author=_clean(getattr(result, "author", None)),
        outlet=_clean(getattr(result, "sitename", None)),
        published=_iso_date(getattr(result, "date", None)),
        url=url or _clean(getattr(result, "url", None)),
    )
    return text, hints


# libxml2 (under lxml, under trafilatura) stops building the tree this many elements deep,
# so whatever is nested deeper is lost without an error.
MAX_DEPTH = 255
# When the page's text outside tags is this many times what was extracted, the parser lost it.
LOST_TEXT_RATIO = 4
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]{0,20})[^<>]{0,2000}?(/?)>")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    | {"track", "wbr", "p", "li", "td", "tr", "th", "option", "dt", "dd"}  # closed implicitly
)


def _check_depth(html: str, text: str, path: str) -> None:
    """Refuse a page nested deeper than the parser reads when its text was lost that way:
    analysing only what survived (often the title alone) would pass silently for the page."""
    depth = deepest = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.groups()
        if name.lower() in _VOID or self_closing:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    if deepest <= MAX_DEPTH:
        return
    visible = len(" ".join(_TAG.sub(" ", html).split()))
    if visible > LOST_TEXT_RATIO * len(text):
        raise UnreadableInput(
            path,
            f"HTML nested {deepest:,} elements deep: the parser reads {MAX_DEPTH} levels, "
            "so most of the page's text would be lost",
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
