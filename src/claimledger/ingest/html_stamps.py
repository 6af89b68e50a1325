"""The dates an HTML page states, each with where it stands (html_dates.py ranks them).

A page states its dates in several places that often disagree:

    <script type="application/ld+json"> {"@type": "NewsArticle",
        "datePublished": "2024-03-05T23:10:00Z"} </script>         <- "jsonld"
    <meta property="article:published_time" content="...">      <- "meta"
    <span itemprop="datePublished" content="2024-03-06">         <- "itemprop"
    <p>Published: 6 March 2024</p>                               <- "label"
    <time datetime="2024-03-06">6 March</time>                   <- "time" (the first one)
    <meta property="og:updated_time" content="...">             <- modified (never published)

Each becomes a Stamp: the day, the value as written, and, when the value has a time and a
zone, the moment (so that "23:10Z" and "00:10+01:00" are seen as one instant). Reader
comments are left out: their dates are the readers', not the page's.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import re
from dataclasses import dataclass

from .. import lexicons
from ..errors import LexiconError
from .dates import find_date

LEXICON = "html_dates.yaml"
# How far after a label its date may start ("Published on Tuesday, ..."), and how long a
# visible date runs; a label further away labels something else.
MAX_LABEL_GAP = 24
MAX_DATE_TEXT = 48
# Labels and worded dates read per page: a page made of them costs no more than this.
MAX_MATCHES = 50
_ISO_VALUE = re.compile(
    r"\s*(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{1,2})(?:\.\d+)?)?\s*"
    r"(?P<zone>Z|[+-]\d{2}:?\d{2})?)?"
)
# Subtrees whose dates are not the page's: readers' comments, code, and the site's own
# header and menus outside the article (where a date is "today" on the site).
_NOT_PAGE = (
    "//script|//style|//noscript|//template|//nav[not(ancestor::article)]"
    "|//header[not(ancestor::article) and not(ancestor::main)]"
    "|//*[contains(translate(@class, 'COMENT', 'coment'), 'comment')]"
    "|//*[contains(translate(@id, 'COMENT', 'coment'), 'comment')]"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Stamp:
    kind: str  # "jsonld", "meta", "itemprop", "label", "time"
    published: bool  # False for a modification or update date
    iso: str  # YYYY-MM-DD
    where: str  # the field or label: "NewsArticle.datePublished", "article:published_time"
    value: str  # the value as the page writes it
    moment: dt.datetime | None = None  # aware, when the value has a time and a zone

    @property
    def utc(self) -> bool:
        return self.moment is not None and self.moment.utcoffset() == dt.timedelta(0)

    def describe(self) -> str:
        return f"{self.kind} {self.where} {' '.join(self.value.split())[:MAX_DATE_TEXT]}"


@dataclass(frozen=True, slots=True)
class StampLexicon:
    published_meta: frozenset[str]
    modified_meta: frozenset[str]
    page_types: frozenset[str]
    published_label: re.Pattern[str]
    updated_label: re.Pattern[str]


@functools.cache
def load_stamp_lexicon() -> StampLexicon:
    label, data = lexicons.bundled(LEXICON, "a mapping of key lists")

    def keys(name: str) -> list[str]:
        items = data.get(name)
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise LexiconError(label, f"{name}: expected a list of strings")
        return items

    def labels(name: str) -> re.Pattern[str]:
        words = sorted(keys(name), key=len, reverse=True)
        return re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE
        )

    return StampLexicon(
        published_meta=frozenset(k.lower() for k in keys("published_meta")),
        modified_meta=frozenset(k.lower() for k in keys("modified_meta")),
        page_types=frozenset(keys("page_types")),
        published_label=labels("published_labels"),
        updated_label=labels("updated_labels"),
    )


def parse_value(value: str, languages: tuple[str, ...] = ()) -> tuple[str, dt.datetime | None]:
    """(YYYY-MM-DD, the aware moment or None) of a date value, or ("", None) when it names no
    day: ISO forms ("2020-5-5 22:17", "...T23:15:0Z"), else a written date the dates module
    reads ("Tue, Sep 15 2020 10:01 EDT", "25.01.2022 - 14:45"), else one in the page's
    language ("6 Dicembre 2020")."""
    match = _ISO_VALUE.match(value)
    if match:
        try:
            day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            return "", None
        return day.isoformat(), _moment(day, match)
    found = find_date(value[:MAX_DATE_TEXT])
    if found:
        return found[0], None
    return _foreign(value[:MAX_DATE_TEXT], languages), None


def _moment(day: dt.date, match: re.Match[str]) -> dt.datetime | None:
    if not match["H"] or not match["zone"]:
        return None
    zone = match["zone"]
    sign = -1 if zone[0] == "-" else 1
    try:
        offset = (
            dt.timedelta()
            if zone == "Z"
            else sign * dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[-2:]))
        )
        tz = dt.timezone(offset)  # raises for an offset of a day or more
        return dt.datetime.combine(day, dt.time(int(match["H"]), int(match["M"])), tzinfo=tz)
    except ValueError:
        return None


@functools.lru_cache(maxsize=1024)
def _foreign(text: str, languages: tuple[str, ...]) -> str:
    """A worded date in one of the page's languages, read by dateparser only when the text
    holds a four-digit year (so no bare number is ever read as a day)."""
    if not languages or not re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", text):
        return ""
    import dateparser

    try:
        parsed = dateparser.parse(
            " ".join(text.split()),
            languages=list(languages),
            settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
        )
    except ValueError:  # a language dateparser does not know
        return ""
    return parsed.date().isoformat() if parsed else ""


@dataclass(frozen=True, slots=True)
class Statements:
    stamps: tuple[Stamp, ...]
    text: str  # the body's visible text, comments and code left out
    languages: tuple[str, ...]  # the page's language (<html lang>), then English

    def shows(self, iso: str) -> bool:
        """Whether the visible text writes this day: "05.03.2024", "2024-03-05", "5 March
        2024", "March 5, 2024", "5. März 2024" (a worded date in the page's language)."""
        return shows(self.text, iso, self.languages)


def collect(root, lexicon: StampLexicon | None = None) -> Statements:
    """Every dated statement of a parsed page (an lxml root, which this prunes), in the
    order: JSON-LD, meta tags, then the page body in document order."""
    lexicon = lexicon or load_stamp_lexicon()
    languages = _languages(root)
    stamps = _jsonld(root, lexicon, languages) + _metas(root, lexicon, languages)
    for bad in root.xpath(_NOT_PAGE):
        if bad.getparent() is not None:
            bad.drop_tree()
    body = root.find(".//body")
    text = " ".join(" ".join((body if body is not None else root).itertext()).split())
    stamps += _itemprops(root, languages) + _first_time(root, languages)
    stamps += _labelled(text, lexicon, languages)
    return Statements(tuple(stamps), text, languages)


def shows(text: str, iso: str, languages: tuple[str, ...] = ()) -> bool:
    """See Statements.shows. Numeric spellings are looked for directly; a worded date only
    when its day and year are this day's, then read by the dates module or dateparser."""
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return False
    d, m, y = day.day, day.month, day.year
    numeric = (
        rf"(?<!\d)0?{d}\.\s?0?{m}\.\s?{y}(?!\d)|(?<!\d){y}-{m:02d}-{d:02d}(?!\d)"
        rf"|(?<!\d)0?{d}/0?{m}/{y}(?!\d)|(?<!\d)0?{m}/0?{d}/{y}(?!\d)"
    )
    if re.search(numeric, text):
        return True
    worded = (
        rf"(?<!\d)0?{d}\.?\s+[^\W\d]{{3,12}}\.?,?\s+{y}(?!\d)"
        rf"|[^\W\d]{{3,12}}\.?\s+0?{d},?\s+{y}(?!\d)"
    )
    for match in itertools.islice(re.finditer(worded, text), MAX_MATCHES):
        written = match.group(0)
        if parse_value(written, languages)[0] == day.isoformat():
            return True
    return False


def _languages(root) -> tuple[str, ...]:
    lang = (root.get("lang") or "").split("-")[0].lower()
    return tuple(dict.fromkeys(x for x in (lang, "en") if re.fullmatch(r"[a-z]{2}", x)))


def _stamp(kind: str, published: bool, where: str, value: str, langs: tuple) -> list[Stamp]:
    iso, moment = parse_value(value, langs)
    if not iso:
        return []
    return [Stamp(kind=kind, published=published, iso=iso, where=where, value=value, moment=moment)]


def _jsonld(root, lexicon: StampLexicon, langs: tuple[str, ...]) -> list[Stamp]:
    """datePublished / dateCreated / dateModified of the page's own items: top-level items
    (and @graph members) of a page type, never the items nested in them."""
    stamps: list[Stamp] = []
    for script in root.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue  # a broken (or absurdly nested) block states nothing we can trust
        for item in _items(data):
            types = item.get("@type")
            types = types if isinstance(types, list) else [types]
            page_type = next(
                (t for t in types if isinstance(t, str) and t in lexicon.page_types), None
            )
            if page_type is None:
                continue
            for key, published in (
                ("datePublished", True),
                ("dateCreated", True),
                ("dateModified", False),
            ):
                value = item.get(key)
                if isinstance(value, str):
                    stamps += _stamp("jsonld", published, f"{page_type}.{key}", value, langs)
    return stamps


def _items(data: object) -> list[dict]:
    if isinstance(data, list):
        return [i for d in data for i in _items(d)]
    if not isinstance(data, dict):
        return []
    return [data, *_items(data.get("@graph") or [])]


def _metas(root, lexicon: StampLexicon, langs: tuple[str, ...]) -> list[Stamp]:
    stamps: list[Stamp] = []
    for meta in root.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in lexicon.published_meta or key in lexicon.modified_meta:
            published = key in lexicon.published_meta
            stamps += _stamp("meta", published, key, meta.get("content"), langs)
    return stamps


def _itemprops(root, langs: tuple[str, ...]) -> list[Stamp]:
    """Body elements marked itemprop="datePublished"/"dateModified": their machine value
    (content, datetime) and, apart, the date they show the reader."""
    stamps: list[Stamp] = []
    path = "//*[not(self::meta)][@itemprop='datePublished' or @itemprop='dateModified']"
    for element in root.xpath(path):
        published = element.get("itemprop") == "datePublished"
        where = element.get("itemprop")
        machine = element.get("content") or element.get("datetime")
        if machine:
            stamps += _stamp("itemprop", published, where, machine, langs)
        shown = " ".join(element.text_content().split())
        if shown:
            stamps += _stamp("itemprop", published, f"{where} (shown)", shown, langs)
    return stamps


def _first_time(root, langs: tuple[str, ...]) -> list[Stamp]:
    """The first <time> element of the page body: the article's own date more often than
    not (related links and comments come after it). One whose class says "updated" or
    "modified" is an update."""
    for element in root.xpath("//body//time"):
        value = element.get("datetime") or " ".join(element.text_content().split())
        found = _stamp("time", True, "time", value, langs) if value else []
        if found:
            published = not re.search(r"updat|modif", element.get("class") or "", re.I)
            return [Stamp(**{**_fields(found[0]), "published": published})]
    return []


def _fields(stamp: Stamp) -> dict:
    return {name: getattr(stamp, name) for name in Stamp.__slots__}


def _labelled(text: str, lexicon: StampLexicon, langs: tuple[str, ...]) -> list[Stamp]:
    """Visible "Published: <date>" and "Updated: <date>" statements in the page body: a
    label, a colon or a dash at most, then a date."""
    stamps: list[Stamp] = []
    for published, pattern in ((True, lexicon.published_label), (False, lexicon.updated_label)):
        for match in itertools.islice(pattern.finditer(text), MAX_MATCHES):
            rest = text[match.end() : match.end() + MAX_LABEL_GAP + MAX_DATE_TEXT]
            lead = re.match(r"\s*[:\-–]?\s*", rest)
            value = rest[lead.end() if lead else 0 :]
            value = _through_year(value)
            found = _stamp("label", published, match.group(0), value, langs)
            if found and _starts_with_date(value):
                stamps.append(found[0])
                break  # the first labelled statement of each kind is the page's
    return stamps


def _through_year(value: str) -> str:
    """A labelled date's text up to its year: "16.08.2019", "Tuesday, 3 March 2020"."""
    iso = _ISO_VALUE.match(value)
    if iso:
        return iso.group(0).strip()
    year = re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", value)
    return value[: year.end()] if year else value


def _starts_with_date(value: str) -> bool:
    """Whether a date opens the text (after a weekday at most): "am 16.08.2019", a label's
    date, not one further on in the sentence."""
    return bool(re.match(r"(?:\w+\.?,?\s+){0,2}\d", value))
