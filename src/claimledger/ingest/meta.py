"""`inspect`: title, author, outlet, publication date and page chrome of one document.

Plain text carries its metadata in its first lines, mixed with page furniture:

    45.6 F                      <- weather widget         } a site header: its date is
    New York                    <- the site's city        } today's date on the site,
    Friday, March 29, 2024      <- site header date       } not the article's
    Headline of the article     <- title
    Apr 15, 2023 - 20:53        <- published  (two stamps: the first is the publication,
    Dec 16, 2023 - 13:10        <- updated     the second the last update)
    By: Jane Roe                <- byline (author; "ByNews Desk- Outlet" names the outlet)
    Outlet- First sentence ...  <- dateline prefix naming the outlet ("CITY (Agency) -" too)

Other sites open with their name (a masthead) and a header bar sharing one line between
widgets, and close with credits, related links and a copyright line (furniture.py):

    THE VALLEY POST                                  <- masthead: the outlet
    Lisbon +24°C | Tuesday, 8 Oct 2024 | EN  PT      <- header bar: its date is the site's
    News | World | Economy                           <- menu
    ...
    Reporting by Jane Roe; Editing by Al Poe         <- credits (author when no byline)
    © 2024 The Valley Post                           <- copyright (outlet when nothing else)

The header is everything before the first prose line (lines.py). Container metadata
(Hints: HTML meta tags, JSONL fields) wins over what the text suggests.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import PurePath
from urllib.parse import urlsplit

from ..config import Settings
from ..models import Chrome, Document, DocumentMeta
from . import furniture, site
from .bylines import parse_byline, parse_dateline
from .chrome import ChromeLexicon, load_lexicon, normalise
from .dates import (
    DateLine,
    Order,
    dated_dateline,
    numeric_order,
    parse_date_line,
    parse_stamp_line,
    to_iso,
)
from .furniture import whole
from .jsonl import valid_date
from .lines import Line, body_start, split_lines
from .outlets import carrier, listed, load_outlets, names_an_outlet, site_of, wire_credit
from .source import DateField, date_field, is_source_line, source_url, url_date

MAX_TITLE_WORDS = 40
# A header line of at most this many capitalised words beside a weather reading or a site
# header date is the site's city ("New York"), not a headline.
MAX_CITY_WORDS = 3
# Widgets of a site's header bar, beside which a date is "today" on the site.
HEADER_ONLY_KINDS = frozenset({"weather", "ticker"})
SITE_HEADER_KINDS = frozenset({"weather", "navigation", "ticker", "language", "site_header"})
_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?!\d)")
_CITY = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}")

# How sure a date is, by where it was found. Below 0.5 the ledger treats it as unclaimed.
CONFIDENCE_LABELLED = 0.95  # "Published: 3 March 2024"
CONFIDENCE_PAIR = 0.9  # two stamps in a row: published then updated
CONFIDENCE_AFTER_TITLE = 0.85
CONFIDENCE_BYLINE = 0.8
CONFIDENCE_BEFORE_TITLE = 0.7
CONFIDENCE_LABELLED_BODY = 0.7  # "Published on 3 March 2024" below the article
CONFIDENCE_HINT = 0.9
CONFIDENCE_FIELD = 0.9  # a saved page's " date 2024-03-05" field
CONFIDENCE_DATELINE = 0.8  # "CITY (Agency - 5 March 2024)"
CONFIDENCE_URL = 0.6  # "/2024/03/05/" in the page's address


def inspect(document: Document, settings: Settings) -> DocumentMeta:
    """Read the metadata and the page chrome of one document."""
    lexicon = load_lexicon(settings.lexicon_dirs)
    lines = split_lines(document.text)
    header_end = body_start(lines)
    header = lines[:header_end]
    order = numeric_order(document.text)
    chrome: dict[int, Chrome] = {}  # line index -> chrome covering the whole line
    bars: dict[int, list[Chrome]] = {}  # line index -> its segments, replacing that chrome
    _lexicon_chrome(lines, header_end, lexicon, chrome)
    url = document.hints.url or source_url(document.text)
    prelude, field = _prelude(lines, url, chrome)

    dates = _header_dates(header, chrome, order)
    outlets_lexicon = load_outlets(settings.lexicon_dirs)
    author, byline_outlet, byline_date = _bylines(
        header, dates, chrome, lexicon.not_authors, partial(names_an_outlet, outlets_lexicon)
    )
    site.mark_bars(lines, header_end, chrome, dates, bars, lexicon, order)
    site.resolve_ambiguous(header, dates, bars, chrome, order)
    masthead = site.find_masthead(lines, header, chrome, dates, byline_outlet)
    if masthead is not None:
        chrome[0] = masthead
    masthead_name = site.masthead_text(masthead) if masthead else None
    outlets = {normalise(o) for o in (byline_outlet, masthead_name) if o}
    bare_author, bare_outlet = site.bare_bylines(
        header, dates, chrome, lexicon.not_authors, outlets
    )
    credited = site.credited_author(lines, chrome)
    site_dates = _site_header(header, dates, chrome)
    for index in site_dates & bars.keys():
        bars[index] = [
            replace(s, kind="site_header_date") if s.kind == "published_date" else s
            for s in bars[index]
        ]
    title_line = _title_line(header, chrome, dates)
    if title_line is not None:
        _mark_repeats(lines, header, title_line, chrome, dates)
    published, confidence, evidence = _publication(
        lines, dates, site_dates, title_line, byline_date, chrome
    )
    if published is None:
        published, confidence, evidence = _labelled_in_body(lines[header_end:], chrome, order)
    dateline, dateline_outlet = _dateline(lines[header_end] if header_end < len(lines) else None)
    for line in furniture.related_headlines(lines[header_end:], chrome):
        chrome[line.index] = whole(line, "related_headline")

    hints = document.hints
    found = Dating(published, confidence, evidence)
    published, confidence, evidence = _choose_date(
        found, field, lines[header_end : header_end + 2], url, order
    )
    if hinted := _hinted_date(hints.published):
        evidence = hints.published_evidence or hints.published
        published, confidence = hinted, CONFIDENCE_HINT
    lines_chrome = [c for i, c in chrome.items() if i not in bars]
    spans = sorted(
        [*lines_chrome, *(s for segs in bars.values() for s in segs), *dateline, *prelude],
        key=lambda c: (c.start, c.end),
    )
    dated_author = next((d.author for d in dates.values() if d.author), None)
    in_text = (
        byline_outlet
        or bare_outlet
        or (furniture.outlet_name(masthead_name) if masthead_name else None)
        or dateline_outlet
        or site.copyright_outlet(lines, chrome)
    )
    outlet, wire = _outlets(document, settings, url, in_text, lines[: header_end + 3])
    return DocumentMeta(
        doc_id=document.id,
        title=hints.title or (title_line.text if title_line else None),
        author=hints.author or author or bare_author or dated_author or credited,
        outlet=outlet,
        published=published,
        published_confidence=confidence,
        published_evidence=evidence,
        chrome=tuple(spans),
        wire=wire,
    )


def _lexicon_chrome(
    lines: list[Line], header_end: int, lexicon: ChromeLexicon, chrome: dict[int, Chrome]
) -> None:
    """Lines the chrome lexicon names. A weather reading or a ticker is a site-header
    widget: in the article body a line like "Bake at 180 °C" is text, so those kinds need
    the header around them."""
    for line in lines:
        kind = lexicon.kind_of(line.text)
        if kind and (kind not in HEADER_ONLY_KINDS or line.index < header_end):
            chrome[line.index] = whole(line, kind)


@dataclass(frozen=True, slots=True)
class Dating:
    iso: str | None
    confidence: float
    evidence: str | None


def _prelude(
    lines: list[Line], url: str | None, chrome: dict[int, Chrome]
) -> tuple[list[Chrome], DateField | None]:
    """The saved page's own metadata lines: its address ("URL: https://...") and a
    " date YYYY-MM-DD" field, marked as chrome (never a title, never article text)."""
    spans: list[Chrome] = []
    first = 0
    if lines and is_source_line(lines[0].text, url):
        chrome[0] = whole(lines[0], "source_url")
        first = 1
    if first >= len(lines):
        return spans, None
    line = lines[first]
    found = date_field(line.text)
    if found is None:
        return spans, None
    if found.end >= len(line.text):
        chrome[line.index] = whole(line, "published_date")
    else:
        text = line.text[: found.end]
        spans.append(
            Chrome(start=line.start, end=line.start + found.end, text=text, kind="published_date")
        )
    return spans, found


def _choose_date(
    found: Dating,
    field: DateField | None,
    opening: list[Line],
    url: str | None,
    order: Order | None,
) -> tuple[str | None, float, str | None]:
    """The publication date by precedence: a labelled "Published" line, the saved page's
    date field, another date line of the header, a dated dateline ("CITY (Agency - 5 March
    2024)"), the URL's date, and last an "Updated" stamp alone (an update is never before
    the publication, so it dates the page at worst late)."""
    if found.iso and found.confidence >= CONFIDENCE_LABELLED:
        return found.iso, found.confidence, found.evidence
    if field is not None:
        return field.iso, CONFIDENCE_FIELD, f"date {field.iso}"
    if found.iso:
        return found.iso, found.confidence, found.evidence
    for line in opening:
        dated = dated_dateline(line.text, order)
        if dated:
            return dated[0], CONFIDENCE_DATELINE, dated[1]
    from_url = url_date(url)
    if from_url:
        return from_url[0], CONFIDENCE_URL, from_url[1]
    return None, 0.0, None


def _outlets(
    document: Document,
    settings: Settings,
    url: str | None,
    in_text: str | None,
    opening: list[Line],
) -> tuple[str | None, str | None]:
    """(outlet, wire). The outlet is the site that carries the page: the user's outlet map,
    the container's own field, the page's domain, or else the name its text gives; a news
    agency credited in the opening lines (or named by the text when the domain named the
    outlet) is the wire."""
    lexicon = load_outlets(settings.lexicon_dirs)
    site_info = site_of(url)
    outlet = _mapped_outlet(document, settings, url) or document.hints.outlet
    if outlet is None and site_info is not None:
        outlet, _ = carrier(site_info, document.text, lexicon)
    outlet = outlet or in_text
    texts = [ln.text[f.end :].lstrip() if (f := date_field(ln.text)) else ln.text for ln in opening]
    wire = wire_credit(texts, lexicon, outlet)
    text_wire = listed(in_text, lexicon)
    if wire is None and text_wire is not None and text_wire.wire and in_text != outlet:
        wire = text_wire.name
    return outlet, wire


def _bylines(
    header: list[Line],
    dates: dict[int, DateLine],
    chrome: dict[int, Chrome],
    not_authors: frozenset[str],
    is_outlet_name: Callable[[str], bool],
) -> tuple[str | None, str | None, tuple[str, str] | None]:
    """(author, outlet, (iso, evidence) of a date) from the header's byline lines."""
    author = outlet = date = None
    for line in header:
        if line.index in chrome or line.index in dates:
            continue
        byline = parse_byline(line.text, not_authors, is_outlet_name)
        if byline is not None:
            chrome[line.index] = whole(line, "byline")
            author = author or byline.author
            outlet = outlet or byline.outlet
            date = date or byline.date
    return author, outlet, date


def _dateline(first: Line | None) -> tuple[list[Chrome], str | None]:
    """The outlet-naming prefix of the first prose line: chrome for the prefix only."""
    dateline = parse_dateline(first.text) if first is not None else None
    if first is None or dateline is None:
        return [], None
    prefix = first.text[: dateline.length]
    span = Chrome(start=first.start, end=first.start + len(prefix), text=prefix, kind="dateline")
    return [span], dateline.outlet


def _hinted_date(value: str | None) -> str | None:
    """A container's date as YYYY[-MM[-DD]]; other spellings ("3 March 2024") parsed. A
    date that cannot be ("2024-02-30", year 0000) is none: later stages rely on real dates."""
    if not value:
        return None
    match = _ISO.match(value.strip())
    iso = match.group(0) if match else to_iso(value.strip())
    return iso if iso and valid_date(iso) else None


def _header_dates(
    header: list[Line], chrome: dict[int, Chrome], order: Order | None
) -> dict[int, DateLine]:
    """Whole-line dates of the header; numeric ones of unknown order have iso None."""
    dates = {}
    for line in header:
        if line.index in chrome:
            continue
        parsed = parse_date_line(line.text, order)
        stamp = parse_stamp_line(line.text, order) if parsed is None else None
        if stamp is not None:
            parsed = stamp[0]
        if parsed is not None:
            dates[line.index] = parsed
    return dates


def _site_header(
    header: list[Line], dates: dict[int, DateLine], chrome: dict[int, Chrome]
) -> set[int]:
    """Date lines that belong to a site header rather than to the article: next to a
    header widget (weather, navigation), or in a block holding only the date and the
    site's city. Marks them, and the city lines, as chrome; returns the dates' indexes."""
    site: set[int] = set()
    for index in sorted(dates):
        widget = any(
            chrome[i].kind in SITE_HEADER_KINDS
            for i in _furniture_run(header, index, dates, chrome)
            if i in chrome
        )
        block = [
            ln
            for ln in header
            if ln.block == header[index].block and ln.index not in chrome and ln.index not in dates
        ]
        cities = [ln for ln in block if _is_city(ln)]
        # "Headline\nMarch 3, 2024" is a dated article, not a header: a city line only
        # makes a header when nothing else shares the date's block and a headline follows.
        headline_after = any(
            ln.index > index and ln.block != header[index].block and ln.index not in chrome
            for ln in header
        )
        city_header = bool(cities) and len(cities) == len(block) and headline_after
        if not widget and not city_header:
            continue
        site.add(index)
        chrome[index] = whole(header[index], "site_header_date")
        for line in cities:
            chrome[line.index] = whole(line, "site_header_city")
    return site


def _furniture_run(
    header: list[Line], index: int, dates: dict[int, DateLine], chrome: dict[int, Chrome]
) -> list[int]:
    """The line indexes around a date line, blank lines ignored, that are furniture too."""
    run = [index]
    for step in (-1, 1):
        i = index + step
        while 0 <= i < len(header) and (i in chrome or i in dates):
            run.append(i)
            i += step
    return run


def _is_city(line: Line) -> bool:
    return (
        line.words <= MAX_CITY_WORDS
        and bool(_CITY.fullmatch(line.text))
        and not any(ch.isdigit() for ch in line.text)
    )


def _title_line(
    header: list[Line], chrome: dict[int, Chrome], dates: dict[int, DateLine]
) -> Line | None:
    for line in header:
        if line.index in chrome or line.index in dates:
            continue
        if 1 <= line.words <= MAX_TITLE_WORDS and not line.text.endswith(":"):
            return line
    return None


def _mark_repeats(
    lines: list[Line],
    header: list[Line],
    title: Line,
    chrome: dict[int, Chrome],
    dates: dict[int, DateLine],
) -> None:
    """Headline lines a page repeats (title blocks, alternative headlines) are chrome; the
    first occurrence of the title stays the title."""
    seen: dict[str, list[Line]] = {}
    for line in header:
        if line.index not in chrome and line.index not in dates:
            seen.setdefault(normalise(line.text), []).append(line)
    key = normalise(title.text)
    for text, group in seen.items():
        if len(group) < 2 and text != key:
            continue
        for line in group:
            if line.index != title.index:
                chrome[line.index] = whole(line, "repeated_title")
    # The title repeated later as a line of its own (print footers, "you are reading").
    for line in lines[len(header) :]:
        if line.text == title.text:
            chrome[line.index] = whole(line, "repeated_title")


def _publication(
    lines: list[Line],
    dates: dict[int, DateLine],
    site_dates: set[int],
    title: Line | None,
    byline_date: tuple[str, str] | None,
    chrome: dict[int, Chrome],
) -> tuple[str | None, float, str | None]:
    """Choose the publication date among the header's date lines, and mark them chrome."""
    candidates = sorted(i for i in dates if i not in site_dates)
    for i in candidates:
        chrome[i] = whole(lines[i], "updated_date" if dates[i].updated else "published_date")
    published = [i for i in candidates if not dates[i].updated]
    labelled = [i for i in published if dates[i].labelled]
    if labelled:
        date = dates[labelled[0]]
        return date.iso, CONFIDENCE_LABELLED, date.evidence
    if not published:
        if byline_date:
            return byline_date[0], CONFIDENCE_BYLINE, byline_date[1]
        return None, 0.0, None
    # Stamps on consecutive lines are published + updated: the earliest is the publication.
    run = [published[0]]
    while run[-1] + 1 in dates and run[-1] + 1 not in site_dates:
        run.append(run[-1] + 1)
    if len(run) > 1:
        date = dates[min(run, key=lambda i: dates[i].iso)]
        return date.iso, CONFIDENCE_PAIR, date.evidence
    date = dates[run[0]]
    after_title = title is not None and run[0] > title.index
    return (
        date.iso,
        CONFIDENCE_AFTER_TITLE if after_title else CONFIDENCE_BEFORE_TITLE,
        date.evidence,
    )


def _labelled_in_body(
    body: list[Line], chrome: dict[int, Chrome], order: Order | None
) -> tuple[str | None, float, str | None]:
    """A "Published: <date>" line below the article (print pages, blog footers). Only a
    labelled line counts here: a bare date in the body is part of the story."""
    for line in body:
        if line.index in chrome:
            continue
        date = parse_date_line(line.text, order)
        if date is not None and date.iso and date.labelled and not date.updated:
            chrome[line.index] = whole(line, "published_date")
            return date.iso, CONFIDENCE_LABELLED_BODY, date.evidence
    return None, 0.0, None


def _mapped_outlet(document: Document, settings: Settings, url: str | None) -> str | None:
    if not settings.outlet_map:
        return None
    keys = []
    url = url or (document.path if "://" in document.path else None)
    if url:
        host = urlsplit(url).hostname or ""
        keys += [host, host.removeprefix("www.")]
    path = PurePath(re.sub(r":\d+$", "", document.path))
    keys += [path.name, path.stem]
    for key in keys:
        if key and key in settings.outlet_map:
            return settings.outlet_map[key]
    return None
