"""Frozen dataclasses that the pipeline stages pass to each other.

Everything extracted carries its document id and a character span (`start`, `end`, end
exclusive) into the document's *original* text, plus the raw text of that span, so every
fact in the ledger traces back to the words it came from. Ids are content hashes, so a
re-run over the same input is an idempotent upsert.

Flow (see docs/ARCHITECTURE.md):

    ingest  -> Document (original text + hints from the container format)
    inspect -> DocumentMeta (title, author, outlet, date, page chrome)
    annotate + extract -> Analysis (mentions, claims, citations, quotes, events)
    reconcile -> Relation, Fact
    save / render -> SQLite, ledger.json, CSV, HTML
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

Framing = Literal["neutral", "metonym", "pejorative", "epithet"]
Hedge = Literal["asserted", "reported", "claimed", "estimated", "speculative"]
Qualifier = Literal["at_least", "more_than", "less_than", "at_most", "approximately"]
# revision: one source replacing its own earlier figure; needs_review: may be the same fact
# but nothing in the text tells (matching on the frame, reconcile/frames.py)
RelationType = Literal["agree", "conflict", "different_scope", "revision", "needs_review"]


def content_id(prefix: str, *parts: object) -> str:
    """A short stable id from content: same input, same id, on every run."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:12]}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Hints:
    """Metadata a container format states outright (HTML meta tags, JSONL fields, a
    user-supplied outlet map). Plain text has none; `inspect` fills the gaps from the text."""

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date as the container gives it
    url: str | None = None
    # where the container states the date, and the statements that disagree (HTML pages)
    published_evidence: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One article as read: its decoded text is never altered afterwards."""

    id: str
    path: str  # the input as the user gave it (file path, URL, or "file.jsonl:LINE")
    text: str
    format: Literal["text", "html", "jsonl", "url", "stdin"]
    encoding: str = "utf-8"
    hints: Hints = field(default_factory=Hints)

    @staticmethod
    def make_id(text: str) -> str:
        return content_id("d", text)


@dataclass(frozen=True, slots=True, kw_only=True)
class Skipped:
    """An input that could not be analysed, and why (one line for the user)."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Chrome:
    """A stretch of page furniture (site header, share buttons, ads) kept out of analysis."""

    start: int
    end: int
    text: str
    kind: str  # "site_header_date", "weather", "share", "advertisement", "repeated_title", ...


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentMeta:
    doc_id: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    published_confidence: float = 0.0
    published_evidence: str | None = None
    not_before: str | None = None  # latest date the text itself reports
    chrome: tuple[Chrome, ...] = ()
    wire: str | None = None  # the news agency whose copy the outlet carries ("AFP")


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """A canonical actor. `id` is stable across runs (ISO3 code or a slug of the name)."""

    id: str
    name: str
    type: str  # GPE, ORG, PERSON, NORP, ...
    iso3: str | None = None
    wikidata: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    doc_id: str
    start: int
    end: int
    text: str
    entity_id: str
    framing: Framing = "neutral"
    label: str = ""  # the NER or gazetteer label that found it


@dataclass(frozen=True, slots=True, kw_only=True)
class Period:
    start: str  # "2016", "2023-03", "2023-03-06"
    end: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """A quantitative statement: who, what measure, how much, when, says whom, how sure."""

    id: str
    doc_id: str
    start: int
    end: int
    text: str  # the clause or sentence holding the figure
    value_text: str  # the figure as written ("around 40 percent")
    value: float
    unit: str  # ratio | USD (or another currency code) | count | km | days | years | factor ...
    measure: str  # normalised measure phrase ("share of arms imports")
    subject: str | None = None  # canonical entity name
    object: str | None = None
    qualifier: Qualifier | None = None
    period: Period | None = None
    source: str | None = None  # the cited source's name; None when unattributed
    source_named: bool = False
    hedge: Hedge = "asserted"
    counted: str | None = None  # the thing counted ("cargo flights", "Merkava tanks")
    # -- the rest of the claim frame (extract/frame.py) --
    value_high: float | None = None  # upper end of a range ("200 to 400"); value is the lower
    predicate: str | None = None  # event class ("killed", "arrested") or the verb's lemma
    place: str | None = None  # where the figure holds ("in the Chicago area"), as written
    part_of: str | None = None  # the whole a subset is of ("12 of the 40 trucks" -> "40 trucks")
    revision: bool = False  # the figure replaces an earlier one ("raised the toll to 89")
    as_of: str | None = None  # a cut-off within the day the count runs to ("by 4 p.m.")
    # the period is the article's time, not stated by the text (None while that time is unknown)
    period_inferred: bool = False
    subject_inferred: bool = False  # the subject is its story's lead actor (reconcile/actors.py)


@dataclass(frozen=True, slots=True, kw_only=True)
class Citation:
    """A source the text cites: named ("Haaretz reported") or not ("reports indicate")."""

    id: str
    doc_id: str
    start: int
    end: int
    text: str
    source: str
    verb: str | None = None
    named: bool = True
    claim_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    id: str
    doc_id: str
    start: int
    end: int
    text: str
    speaker: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """A dated statement for the timeline, at the precision the text gives."""

    id: str
    doc_id: str
    start: int
    end: int
    text: str
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    date_text: str  # the date as written ("On 22 May")


@dataclass(frozen=True, slots=True, kw_only=True)
class Analysis:
    """Everything extracted from one document."""

    document: Document
    meta: DocumentMeta
    entities: tuple[Entity, ...] = ()  # the canonical entities its mentions point to
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()
    citations: tuple[Citation, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Relation:
    a: str  # claim id
    b: str
    type: RelationType
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Fact:
    """Claims about one fact across sources, with a verdict a person can read."""

    id: str
    measure: str
    subject: str | None
    object: str | None
    unit: str
    claim_ids: tuple[str, ...]
    verdict: Literal["agree", "conflict", "different_scope", "single"]
    reason: str
    primary_sources: tuple[str, ...] = ()  # distinct original sources behind the figure
    independent_confirmations: int = 0
    unattributed_outlets: tuple[str, ...] = ()  # outlets repeating a figure without a source
    story: str = ""  # the id of the story (Story) its claims belong to
    label: str = ""  # what a person reads: "people killed in the flood, 2023"


@dataclass(frozen=True, slots=True, kw_only=True)
class Story:
    """Documents that tell one story; claims are only matched within one."""

    id: str
    label: str  # a few words that name it ("Derna, flood, dam, Libya")
    doc_ids: tuple[str, ...]
    copies: tuple[tuple[str, ...], ...] = ()  # groups of near-identical texts (syndication)
    # who it is about (reconcile/actors.py): one-word person names -> the full name's entity
    # id, and the lead actor's entity id
    names: tuple[tuple[str, str], ...] = ()
    actor: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Corpus:
    """A whole run: per-document analyses plus what only exists across documents."""

    analyses: tuple[Analysis, ...]
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...] = ()
    facts: tuple[Fact, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    stories: tuple[Story, ...] = ()
