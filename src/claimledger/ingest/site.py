"""The site around an article, read from its lines: header bars and menus (with the dates
they hold), the masthead naming the outlet, bylines without "By", credit lines and the
copyright footer. `inspect` (meta.py) calls these in order; each marks the lines it
recognises in the shared `chrome` map (line index -> Chrome)."""

from __future__ import annotations

from dataclasses import replace

from ..models import Chrome
from . import furniture
from .bylines import parse_bare_byline, parse_credits
from .chrome import ChromeLexicon
from .dates import DateLine, Order, parse_date_line, readings
from .furniture import whole
from .lines import Line

# A headline has at least this many words: a masthead or a menu needs one below it.
MIN_HEADLINE_WORDS = 3


def mark_bars(
    lines: list[Line],
    header_end: int,
    chrome: dict[int, Chrome],
    dates: dict[int, DateLine],
    bars: dict[int, list[Chrome]],
    lexicon: ChromeLexicon,
    order: Order | None,
) -> None:
    """Lines of furniture segments (header bars, menus, share rows) become chrome, kept as
    their segments; a header bar with a widget is a "site_header" line for the date rules."""

    def is_date(text: str) -> bool:
        return parse_date_line(text, order) is not None

    for line in lines:
        if line.index in chrome or line.index in dates:
            continue
        in_header = line.index < header_end
        headline_follows = any(
            ln.index not in chrome and ln.index not in dates and ln.words >= MIN_HEADLINE_WORDS
            for ln in lines[line.index + 1 : header_end]
        )
        spans = furniture.bar_chrome(
            line, lexicon, is_date, in_header=in_header, headline_follows=headline_follows
        )
        if spans is None:
            continue
        site = any(s.kind in furniture.SITE_WIDGETS for s in spans)
        stamps = [
            (s, parse_date_line(s.text, order)) for s in spans if s.kind == "site_header_date"
        ]
        if in_header and stamps and not site:
            # "5 March 2024 • 3 min read", "Published: ... | Updated: ...": the article's own
            # stamps, not the site's date; the first publication stamp is the line's date.
            parsed = {s.start: d for s, d in stamps}
            spans = [_stamp(s, parsed.get(s.start)) for s in spans]
            published = [d for _, d in stamps if d is not None and not d.updated]
            if published:
                dates[line.index] = published[0]
        bars[line.index] = spans
        kind = "site_header" if site else "published_date" if stamps else spans[0].kind
        chrome[line.index] = whole(line, kind)


def _stamp(span: Chrome, date: DateLine | None) -> Chrome:
    if date is None:
        return span
    return replace(span, kind="updated_date" if date.updated else "published_date")


def resolve_ambiguous(
    header: list[Line],
    dates: dict[int, DateLine],
    bars: dict[int, list[Chrome]],
    chrome: dict[int, Chrome],
    order: Order | None,
) -> None:
    """A numeric date of unknown day/month order takes the reading that another date on
    the page confirms (the header bar's "Monday, 4 September 2023"); otherwise it names no
    date and is only chrome."""
    known = {d.iso for d in dates.values() if d.iso}
    for segments in bars.values():
        for seg in segments:
            if seg.kind == "site_header_date":
                parsed = parse_date_line(seg.text, order)
                if parsed is not None and parsed.iso:
                    known.add(parsed.iso)
    for index, date in list(dates.items()):
        if date.iso is not None:
            continue
        fits = [iso for iso in readings(date.evidence) if iso in known]
        if len(fits) == 1:
            dates[index] = replace(date, iso=fits[0])
        else:
            del dates[index]
            chrome[index] = whole(header[index], "undated_date")


def find_masthead(
    lines: list[Line],
    header: list[Line],
    chrome: dict[int, Chrome],
    dates: dict[int, DateLine],
    byline_outlet: str | None,
) -> Chrome | None:
    """The site's name on the text's first line: a few capitalised words that a header bar,
    a menu or a section label follows, or that the byline, a date line ("Outlet, July 19,
    2023") or a footer ("© 2024 Outlet", "Subscribe to Outlet") names again."""
    if len(header) < 2 or 0 in chrome or 0 in dates:
        return None
    found = furniture.masthead_name(header[0])
    if found is None:
        return None
    name, _ = found
    # The site's name is never the only headline-like line of the header.
    if not any(
        ln.index not in chrome and ln.index not in dates and ln.words >= MIN_HEADLINE_WORDS
        for ln in header[1:]
    ):
        return None
    # The furniture lines right under the name: a header bar or a menu among them.
    below = []
    for line in header[1:]:
        if line.index not in chrome and line.index not in dates:
            break
        below.append(chrome.get(line.index))
    confirmed = any(c is not None and c.kind in furniture.HEADER_FURNITURE for c in below)
    naming = [o for o in (byline_outlet, *(d.lead for d in dates.values())) if o]
    naming += [
        chrome[ln.index].text
        for ln in lines[1:]
        if ln.index in chrome and chrome[ln.index].kind in furniture.NAMING_KINDS
    ]
    confirmed = confirmed or any(furniture.names_outlet(name, text) for text in naming)
    if not confirmed:
        return None
    return whole(header[0], "masthead")


def masthead_text(masthead: Chrome) -> str:
    found = furniture.masthead_name(Line(0, masthead.start, masthead.end, masthead.text, 0))
    return found[0] if found else masthead.text


def bare_bylines(
    header: list[Line],
    dates: dict[int, DateLine],
    chrome: dict[int, Chrome],
    not_authors: frozenset[str],
    outlets: set[str],
) -> tuple[str | None, str | None]:
    """Bylines without "By": "Staff Reporter", "Jane Roe, Senior Fellow", "Jane Roe -
    Outlet" (the outlet must be one the page names elsewhere)."""
    author = outlet = None
    for line in header:
        if line.index in chrome or line.index in dates:
            continue
        byline = parse_bare_byline(line.text, not_authors, frozenset(outlets))
        if byline is not None:
            chrome[line.index] = whole(line, "byline")
            author = author or byline.author
            outlet = outlet or byline.outlet
    return author, outlet


def credited_author(lines: list[Line], chrome: dict[int, Chrome]) -> str | None:
    """Credit lines ("Reporting by ...; Editing by ...") are chrome; the first reporter."""
    author = None
    for line in lines:
        if line.index in chrome:
            continue
        credits = parse_credits(line.text)
        if credits is not None:
            chrome[line.index] = whole(line, "credits")
            author = author or credits.author
    return author


def copyright_outlet(lines: list[Line], chrome: dict[int, Chrome]) -> str | None:
    for line in reversed(lines):
        if line.index in chrome and chrome[line.index].kind == "copyright":
            holder = furniture.copyright_holder(line.text)
            if holder:
                return holder
    return None
