"""Site furniture that the line-by-line lexicon cannot see on its own.

    AGRI WEEKLY                                    <- masthead: the site's name (the outlet)
    Lisbon +24°C | Tuesday, 8 Oct 2024 | EN  PT    <- a header bar: widgets sharing one line
    Home › Markets › Cereals                        <- breadcrumb / section menu
    ...
    Read also:                                      <- a related-links heading, then the
    Farmers brace for a dry spring                  <- linked headlines
    © 2024 Agri Weekly. All rights reserved.        <- copyright footer (names the outlet)

A line is split into segments at separators ("|", "•", "·", "›", a spaced "/", ">" or dash,
or else runs of two or more spaces); each segment is classified with the chrome lexicon, the
date grammar, or as a short capitalised label.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Chrome
from .chrome import ChromeLexicon, normalise
from .lines import Line, is_prose

# Header bars and menus are short; a longer line is a headline or prose.
MAX_BAR_CHARS = 160
MAX_LABEL_WORDS = 3  # a menu entry or a city: "Home", "St Petersburg", "Central Asia"
MAX_TAGLINE_WORDS = 10  # "Your weekly briefing on farm markets" beside the weather
MAX_MASTHEAD_WORDS = 5
# Segment kinds that only a site header carries: beside them, free text is a tagline.
WIDGETS = frozenset({"weather", "ticker", "language", "site_header_date"})
# Widgets only a site's own header carries: a date beside them is the site's, not the article's.
SITE_WIDGETS = frozenset({"weather", "ticker", "language"})
# Kinds of the line under a masthead that confirm it is the site's name, not a headline.
# Share buttons do not: they follow short headlines too.
HEADER_FURNITURE = frozenset(
    {"weather", "ticker", "language", "navigation", "section", "site_header"}
)
# Lexicon kinds of footer lines that may name the outlet ("Subscribe to X", "Also on X").
NAMING_KINDS = frozenset({"copyright", "donate", "related"})
RELATED_KINDS = frozenset({"related"})

_EXPLICIT = re.compile(r"\s*[|•·›»]\s*|\s+[>/–—-]\s+")
_SPACES = re.compile(r"\s{2,}")
_LABEL_WORD = re.compile(r"(?:[^\W\d_]+['’.-]?)*[^\W\d_]*")
_CONNECTORS = frozenset({"&", "and", "of", "the", "de", "al"})
_MASTHEAD_SPLIT = re.compile(r"\s+[|–—-]\s+|\s*[|•·]\s*")
_COPYRIGHT = re.compile(
    r"(?:©|\([cC]\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[\s,]*(?P<rest>.+)",
    re.IGNORECASE,
)
# "© Provided by X" and "© Photo: X" credit a picture, not the page.
_CREDIT_ONLY = re.compile(r"(?:provided|distributed|photo|image|courtesy|getty)\b", re.IGNORECASE)
_HOLDER_END = re.compile(r"\.(?:\s|$)|[|,;]|\s+all rights reserved", re.IGNORECASE)
_DOMAIN = re.compile(r"\.[A-Za-z]{2,4}$")

DateTest = Callable[[str], bool]


def whole(line: Line, kind: str) -> Chrome:
    """Chrome covering a whole line."""
    return Chrome(start=line.start, end=line.end, text=line.text, kind=kind)


def segments(text: str) -> list[tuple[int, int]]:
    """(start, end) of the separator-delimited segments of a line, inside the line."""
    pattern = _EXPLICIT if _EXPLICIT.search(text) else _SPACES
    spans, start = [], 0
    for match in pattern.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def bar_chrome(
    line: Line,
    lexicon: ChromeLexicon,
    is_date: DateTest,
    *,
    in_header: bool,
    headline_follows: bool,
) -> list[Chrome] | None:
    """Chrome spans for a line made of furniture segments, one span per segment, or None.

    In the header: a bar with a widget (weather, exchange rate, language switch, the date)
    whatever its other segments say, or a menu of short labels. A menu split only by spaces
    or dashes ("Russia – Africa") could be a headline, so it counts only above another
    headline. Below the header a line counts only when it holds a lexicon phrase ("Share:
    VK  Telegram") and short labels."""
    text = line.text
    if len(text) > MAX_BAR_CHARS:
        return None
    spans = segments(text)
    if len(spans) < 2:
        return None
    kinds = [_segment_kind(text[s:e], lexicon, is_date) for s, e in spans]
    if in_header and any(k in WIDGETS for k in kinds):
        pairs = zip(kinds, spans, strict=True)
        if not all(k is not None or _is_tagline(text[s:e]) for k, (s, e) in pairs):
            return None
        # beside the weather or an exchange rate, a bare name is the site's city
        city = "site_header_city" if any(k in SITE_WIDGETS for k in kinds) else "label"
        kinds = [city if k == "label" else k or "tagline" for k in kinds]
    elif any(k is None for k in kinds):
        return None
    elif all(k == "label" for k in kinds):
        # a spaced dash or spaces also join the words of a headline ("Russia – Africa")
        menu_separator = _EXPLICIT.search(text) and not re.search(r"\s[–—-]\s", text)
        if not in_header or not (headline_follows or menu_separator):
            return None
    return [
        Chrome(
            start=line.start + s,
            end=line.start + e,
            text=text[s:e],
            kind="navigation" if k == "label" else k,
        )
        for k, (s, e) in zip(kinds, spans, strict=True)
    ]


def _segment_kind(text: str, lexicon: ChromeLexicon, is_date: DateTest) -> str | None:
    kind = lexicon.kind_of(text)
    if kind:
        return kind
    if is_date(text):
        return "site_header_date"
    return "label" if _is_label(text) else None


def _is_label(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= MAX_LABEL_WORDS and all(
        w.lower() in _CONNECTORS or (w[0].isupper() and _LABEL_WORD.fullmatch(w)) for w in words
    )


def _is_tagline(text: str) -> bool:
    return len(text.split()) <= MAX_TAGLINE_WORDS and not re.search(r"[.!?][\"”’)]*$", text)


def masthead_name(line: Line) -> tuple[str, int] | None:
    """(name, length of the name) when a line can be a site's name: a few capitalised
    words, alone or before a tagline ("Monitor — Independent analysis of ...")."""
    parts = _MASTHEAD_SPLIT.split(line.text, maxsplit=1)
    name = parts[0].strip()
    words = name.split()
    if not 0 < len(words) <= MAX_MASTHEAD_WORDS or any(ch.isdigit() for ch in name):
        return None
    if re.search(r"[.,:;!?\"“”‘’]$|[?!:;]", name):
        return None
    if not all(w.lower() in _CONNECTORS or w[0].isupper() for w in words):
        return None
    return name, line.text.index(name) + len(name)


def outlet_name(name: str) -> str:
    """A masthead in capitals ("THE VALLEY POST") as the outlet is usually written."""
    return name.title() if name.isupper() else name


def copyright_holder(text: str) -> str | None:
    """The name in a copyright line: "© 2024 Valley Media. All rights reserved." -> "Valley
    Media". A picture credit or a bare domain (a syndicate's address) names no outlet."""
    match = _COPYRIGHT.match(text)
    if not match or _CREDIT_ONLY.match(match.group("rest")):
        return None
    name = _HOLDER_END.split(match.group("rest"), maxsplit=1)[0]
    name = re.sub(r"\s*\([^)]*\)?", "", name).strip()
    name = re.sub(r"(?:\s*[-–,]?\s*\d{4})+$", "", name).strip()  # "© Valley Post 2024"
    words = name.split()
    if not 0 < len(words) <= MAX_MASTHEAD_WORDS or not name[0].isupper() or _DOMAIN.search(name):
        return None
    return name


def names_outlet(name: str, text: str) -> bool:
    """Whether a footer line ("Subscribe to X", "ALSO ON X", "© 2024 X") names `name`."""
    return re.search(rf"(?<!\w){re.escape(normalise(name))}(?!\w)", normalise(text)) is not None


def related_headlines(body: list[Line], chrome: dict[int, Chrome]) -> list[Line]:
    """Headline lines listed under a related-links heading in the same block."""
    found: list[Line] = []
    heading: Line | None = None
    for line in body:
        if line.index in chrome:
            kind = chrome[line.index].kind
            heading = line if kind in RELATED_KINDS and ":" not in line.text[:-1] else None
            continue
        if heading is None or line.block != heading.block or is_prose(line):
            heading = None
            continue
        found.append(line)
    return found
