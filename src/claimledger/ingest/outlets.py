"""Outlets: the site that carries a page, and the news agency (wire) whose copy it runs.

    https://www.valleycourier.com/...   -> carrier: data/outlets.yaml's name for the domain,
                                           else a name in the text that spells the domain
                                           ("Valley Courier"), else the domain itself
    LISBON (Agency) - ... / "/AGENCY/." / "Agency, LISBON" / "By Agency" / "Agency reports"
                                        -> wire, when it is a listed news agency and not the
                                           carrier itself

tldextract finds the registrable domain (with the public-suffix list it ships: no network).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .. import lexicons
from ..errors import LexiconError

LEXICON = "outlets.yaml"
# A name in the text that spells the domain is looked for in this much of the text.
NAME_WINDOW = 4000
MAX_NAME_WORDS = 5
# The wire credit opens an article: it is looked for in this many of its first lines.
WIRE_LINES = 6
_CAPITALISED = re.compile(r"[A-Z][\w'’&.-]*(?:\s+(?:of|the|de|and|[A-Z][\w'’&.-]*))*")
_SQUASH = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    wire: bool = False


@dataclass(frozen=True, slots=True)
class OutletLexicon:
    by_domain: dict[str, Outlet]
    by_name: dict[str, Outlet]  # exact name or alias -> outlet
    wire_names: re.Pattern[str] | None  # any wire's name or alias, longest first
    name_words: frozenset[str]  # words outlet names are made of, for splitting domains


def squash(name: str) -> str:
    """A name by its letters and digits only: "RFE/RL" -> "rferl"."""
    return _SQUASH.sub("", name.casefold())


def load_outlets(lexicon_dirs: tuple[Path, ...] = ()) -> OutletLexicon:
    return _load(tuple(Path(d) for d in lexicon_dirs))


@functools.cache
def _load(lexicon_dirs: tuple[Path, ...]) -> OutletLexicon:
    by_domain: dict[str, Outlet] = {}
    by_name: dict[str, Outlet] = {}
    words: set[str] = set()
    for label, data in lexicons.sources(LEXICON, lexicon_dirs, "a mapping with 'outlets'"):
        entries = data.get("outlets") or []
        if not isinstance(entries, list):
            raise LexiconError(label, "outlets: expected a list of {name, domains, aliases}")
        for entry in entries:
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                raise LexiconError(label, f"outlets: entry without a name: {entry!r}")
            outlet = Outlet(name=entry["name"], wire=bool(entry.get("wire")))
            for domain in entry.get("domains") or []:
                by_domain[str(domain).lower()] = outlet
            for name in [entry["name"], *(entry.get("aliases") or [])]:
                by_name[str(name)] = outlet
        words.update(str(w).lower() for w in data.get("name_words") or [])
    wires = sorted((n for n, o in by_name.items() if o.wire), key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(n) for n in wires)) if wires else None
    return OutletLexicon(
        by_domain=by_domain, by_name=by_name, wire_names=pattern, name_words=frozenset(words)
    )


@functools.cache
def _extractor():
    import tldextract

    # The bundled public-suffix snapshot only: never fetch the list at run time.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@dataclass(frozen=True, slots=True)
class Site:
    host: str  # "english.example.com"
    domain: str  # registrable domain: "example.com"
    label: str  # the name part of the domain: "example"


def site_of(url: str | None) -> Site | None:
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    if not host:
        return None
    parts = _extractor()(host)
    if not parts.domain or not parts.suffix:
        return None
    domain = f"{parts.domain}.{parts.suffix}".removeprefix("www.")
    label = parts.domain if parts.domain != "www" else parts.suffix.split(".")[0]
    return Site(host=host.removeprefix("www."), domain=domain, label=label)


def carrier(site: Site, text: str, lexicon: OutletLexicon) -> tuple[str, str]:
    """(name, how it was found) of the outlet whose site carries the page."""
    host = site.host
    while host.count("."):
        if host in lexicon.by_domain:
            return lexicon.by_domain[host].name, "domain list"
        host = host.split(".", 1)[1]
    named = spelled_name(site.label, text[:NAME_WINDOW])
    if named:
        return named, "name in the text spelling the domain"
    split = split_label(site.label, text[:NAME_WINDOW], lexicon.name_words)
    if split:
        return split, "domain split into words"
    return site.domain, "domain"


# A domain may open with an abbreviation of up to this many letters ("abcnews": "ABC News").
MAX_ABBREVIATION = 3
MIN_TEXT_WORD = 3
_TEXT_WORD = re.compile(r"[^\W\d_]{3,}")
_URL = re.compile(r"\S+://\S+|www\.\S+")


def split_label(label: str, text: str, name_words: frozenset[str]) -> str | None:
    """The domain's name part split into known words, fewest words first: the outlet-name
    words, country names and the page's own words (written as the page writes them).
    None when it does not split whole."""
    if not label.isalpha():
        return None
    spelled: dict[str, str] = {}
    for word in _TEXT_WORD.findall(_URL.sub(" ", text)):
        # "Tehran" over "TEHRAN" (a dateline) and over "tehran"
        if word.isupper():
            word = word.title()
        if word[0].isupper() or word.lower() not in spelled:
            spelled[word.lower()] = word
    vocabulary = set(spelled) | name_words | _country_words()
    best = _segment(label.lower(), vocabulary)
    for size in range(1, MAX_ABBREVIATION + 1):
        if best is not None or len(label) <= size + 1:
            break
        rest = _segment(label[size:].lower(), vocabulary)
        best = [label[:size].upper(), *rest] if rest else None
    # A lone word makes a name only when the page writes it as one ("Atalaya").
    if best is None or (len(best) == 1 and not spelled.get(best[0], "")[:1].isupper()):
        return None
    words = [w if w.isupper() else spelled.get(w, w.title()) for w in best]
    return " ".join(w[:1].upper() + w[1:] for w in words)


def _segment(text: str, vocabulary: set[str]) -> list[str] | None:
    """`text` as the fewest words of `vocabulary` (dynamic programming, linear in words)."""
    best: list[list[str] | None] = [[]] + [None] * len(text)
    for end in range(1, len(text) + 1):
        for start in range(max(0, end - 20), end):
            head = best[start]
            if head is None or text[start:end] not in vocabulary:
                continue
            if best[end] is None or len(head) + 1 < len(best[end]):
                best[end] = [*head, text[start:end]]
    return best[-1]


@functools.cache
def _country_words() -> frozenset[str]:
    import pycountry

    # "Iran, Islamic Republic of" -> "iran"; names of several words add nothing here.
    names = (c.name.split(",")[0] for c in pycountry.countries)
    return frozenset(n.lower() for n in names if n.isalpha() and len(n) >= 4)


def spelled_name(label: str, text: str) -> str | None:
    """A capitalised name in `text` whose letters spell the domain's name part: "Valley
    Courier" for valleycourier, "The Valley Post" for thevalleypost, "Courier" for
    ecourier (a one-letter prefix: e-, i-)."""
    target = squash(label)
    if len(target) < 3:
        return None
    for match in _CAPITALISED.finditer(text):
        words = match.group(0).split()
        for size in range(min(MAX_NAME_WORDS, len(words)), 0, -1):
            for i in range(len(words) - size + 1):
                name = " ".join(words[i : i + size]).rstrip(".,")
                name = re.sub(r"\.(?:com|net|org)$", "", name, flags=re.IGNORECASE)
                key = squash(name)
                if key and key[0].isalpha() and _spells(key, target):
                    return name
    return None


def _spells(key: str, target: str) -> bool:
    return key == target or target in (f"the{key}",) or (len(key) >= 6 and target[1:] == key)


def wire_credit(lines: list[str], lexicon: OutletLexicon, carrier_name: str | None) -> str | None:
    """The news agency an article credits for its copy in its opening lines: "(Agency)",
    "/AGENCY/", "Agency, CITY", "Agency | date", "By Agency", "Agency reports" — the
    agency's listed name, unless it is the carrier itself."""
    if lexicon.wire_names is None:
        return None
    names = lexicon.wire_names.pattern
    forms = (
        rf"\((?:[^()]{{0,40}}[/,]\s*)?(?P<n>{names})(?:\s*[-–—,/][^()]{{0,40}})?\)",
        rf"/(?P<n>{names})/",
        rf"^(?:By\s+)?(?P<n>{names})\s*(?:[,|]|[-–—]\s|$|\s(?=(?:Published|Posted|Updated)\b))",
        rf"\b(?P<n>{names})\s+reports\b",
        rf"\breports?\s+citing\s+(?P<n>{names})\b",
    )
    own = squash(carrier_name) if carrier_name else None
    for line in lines[:WIRE_LINES]:
        for form in forms:
            for match in re.finditer(form, line):
                outlet = lexicon.by_name[match.group("n")]
                if own not in (squash(outlet.name), squash(match.group("n"))):
                    return outlet.name
    return None


def names_an_outlet(lexicon: OutletLexicon, text: str) -> bool:
    """Whether a short name reads as an outlet's rather than a place's or a role's: a listed
    outlet, or a name ending in an outlet-name word ("The Valley Post", "Harbour Times")."""
    words = text.split()
    return bool(text in lexicon.by_name or (words and words[-1].lower() in lexicon.name_words))


def listed(name: str | None, lexicon: OutletLexicon) -> Outlet | None:
    return lexicon.by_name.get(name) if name else None


# Legal forms after an owner company's name: "Agora SA", "Example Media GmbH".
_LEGAL_FORM = re.compile(
    r"[\s,]+(?:S\.?A\.?|AG|GmbH(?:\s*&\s*Co\.?\s*KG)?|e\.\s?V\.|Ltd\.?|Limited|LLC|L\.L\.C\.|Inc\.?"
    r"|Corp\.?|PLC|plc|S\.?p\.?A\.?|S\.?r\.?l\.?|B\.?V\.?|N\.?V\.?|Oy|AB|AS|ASA|KG|SAS|SARL)\b.*$"
)
_SITE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s*[|·•]\s*|:\s+")
_DATE_LIKE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\b(?:19|20)\d{2}\b")
_HANDLE = re.compile(r"[A-Za-z][a-z0-9]+(?:[A-Z][a-z0-9]*)+")
_DATELINE_NAME = re.compile(r"\(?[^()]{2,40}\)?\s*[-–—]\s*")
MAX_SITE_WORDS = 6


def clean_site_name(name: str | None, title: str | None, url: str | None) -> str | None:
    """A page's declared site name (og:site_name, application-name) when it names the
    outlet; None for what it often holds instead: the page title, a social-media handle
    ("ValleyPostIntl"), the owner company ("Valley Media SA"), a date or copyright year,
    a dateline ("(Porto) -"). Of "Name | Tagline" parts, the one the domain spells wins."""
    name = " ".join((name or "").split())
    if not name or name.startswith("@") or _DATELINE_NAME.fullmatch(name):
        return None
    site = site_of(url)
    parts = [p.strip() for p in _SITE_SEPARATOR.split(name) if p.strip()]
    related = [p for p in parts if site and _relates(p, site)]
    name = related[0] if related else parts[0] if parts else ""
    owner = _LEGAL_FORM.search(name)
    if owner:
        name = name[: owner.start()].strip(" ,")
        if not (site and _relates(name, site)):
            return None  # the owner, not the outlet
    if title and squash(name) == squash(title):
        return None
    if not name or _DATE_LIKE.search(name) or len(name.split()) > MAX_SITE_WORDS:
        return None
    if re.search(r"[.!?]\s|[.!?]$", name) and not (site and _relates(name, site)):
        return None  # a sentence (a headline), not a name
    if _HANDLE.fullmatch(name) and not (site and _relates(name, site, strict=True)):
        return None
    return name


def _relates(name: str, site: Site, *, strict: bool = False) -> bool:
    """Whether a name is the one the domain spells: its letters, or its initials."""
    key, label = squash(name), squash(site.label)
    if not key or not label:
        return False
    if key == label or (not strict and (label in key or (len(key) >= 4 and key in label))):
        return True
    initials = "".join(w[0] for w in re.findall(r"\w+", name.casefold()))
    return not strict and len(initials) >= 2 and initials == label
