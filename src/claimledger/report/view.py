"""What the HTML templates show, computed from a Corpus: plain frozen records the templates
only loop over. No markup is built here, so Jinja2's autoescaping covers every string that
came from an article."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..models import Analysis, Claim, Corpus, Fact
from .graph import outlet_name

VERDICT_ORDER = {"conflict": 0, "different_scope": 1, "agree": 2, "single": 3}
FRAMINGS = ("neutral", "metonym", "pejorative", "epithet")


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s) and so safe as a link target; None for javascript:, data:…"""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def format_value(claim: Claim) -> str:
    """The normalised value a reader can compare across outlets ("69%", "4.85 bn USD")."""
    v, unit = claim.value, claim.unit
    if unit == "ratio":
        return f"{v * 100:.4g}%"
    for size, word in ((1e9, "bn"), (1e6, "m")):
        if abs(v) >= size:
            return f"{v / size:.4g} {word} {unit}"
    number = f"{v:,.10g}"
    return number if unit == "count" else f"{number} {unit}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Segment:
    """A run of article text with one set of annotations, or (text None) an anchor."""

    text: str | None = None
    classes: str = ""
    title: str = ""
    anchor: str | None = None
    # Anchors of the annotations this run belongs to: a link to one lights up every run of
    # it, not only the first (a claim is often cut into several runs by its mentions).
    refs: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class DocView:
    id: str
    anchor: str
    path: str
    name: str  # the file name, for display; `path` goes in a tooltip
    title: str
    outlet: str  # the outlet's name, or the file name when none was found (a unique key)
    outlet_known: bool  # False: shown as "—" with the file name in small print
    author: str | None
    url: str | None
    published: str | None
    published_confidence: float
    published_evidence: str | None
    not_before: str | None
    analysis: Analysis
    segments: tuple[Segment, ...] = ()
    fact_of: dict[str, str] = field(default_factory=dict)  # claim id -> fact anchor
    story: str = ""  # the words naming the story the document is in (several in one batch)


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimView:
    claim: Claim
    doc: DocView | None
    value: str
    in_conflict: bool = False  # one side of a conflict relation within its fact


@dataclass(frozen=True, slots=True, kw_only=True)
class FactView:
    fact: Fact
    anchor: str
    claims: tuple[ClaimView, ...]  # conflicting claims first
    outlets: tuple[str, ...]
    why: str = ""  # the verdict in plain words, for a reader who skips the details

    @property
    def conflicting(self) -> tuple[ClaimView, ...]:
        return tuple(c for c in self.claims if c.in_conflict)

    @property
    def others(self) -> tuple[ClaimView, ...]:
        """In a conflict: the fact's other claims, about another period or scope."""
        if not self.conflicting:
            return ()
        return tuple(c for c in self.claims if not c.in_conflict)


@dataclass(frozen=True, slots=True, kw_only=True)
class NameUse:
    text: str
    framing: str
    count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class FramingActor:
    actor: str
    framed: bool  # some outlet calls it by a non-neutral name
    # 0: some outlet uses a pejorative or an epithet; 1: metonyms only ("Tehran" for Iran,
    # a habit of style more than a stance); 2: neutral names only.
    group: int = 2
    cells: tuple[tuple[NameUse, ...], ...]  # one per outlet, in FramingMatrix.outlets order


@dataclass(frozen=True, slots=True, kw_only=True)
class FramingMatrix:
    """Actors by outlet: the names each outlet uses for each actor, side by side."""

    outlets: tuple[tuple[str, str], ...]  # (outlet, anchor of its first article)
    rows: tuple[FramingActor, ...]
    hidden: int  # actors left out (one outlet, neutral names only)


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineItem:
    date: str
    date_text: str
    text: str
    anchor: str
    outlet: str
    outlet_known: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportView:
    docs: tuple[DocView, ...]
    facts: tuple[FactView, ...]
    framing: FramingMatrix
    timeline: tuple[TimelineItem, ...]
    counts: dict[str, int]
    outlets: tuple[str, ...]
    corpus: Corpus
    # Names standing in for an outlet that was not found (file names): shown as "—" + name.
    unknown_outlets: frozenset[str] = frozenset()


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or path


def segments(analysis: Analysis, entity_names: dict[str, str]) -> tuple[Segment, ...]:
    """Cut the article text where any annotation starts or ends, so overlapping spans
    (a mention inside a claim inside a citation) become flat runs with several classes."""
    text = analysis.document.text
    n = len(text)
    spans: list[tuple[int, int, str, str, str]] = []  # start, end, class, title, anchor
    anchors: list[tuple[int, str]] = []

    def add(start: int, end: int, cls: str, title: str, anchor: str | None = None) -> None:
        start, end = max(0, min(start, n)), max(0, min(end, n))
        if end > start:
            spans.append((start, end, cls, title, anchor or ""))
        if anchor:
            anchors.append((start, anchor))

    for c in analysis.meta.chrome:
        add(c.start, c.end, "chrome", f"page chrome: {c.kind}")
    for e in analysis.events:
        add(e.start, e.end, "event", f"event dated {e.date}", f"event-{e.id}")
    for q in analysis.quotes:
        add(q.start, q.end, "quote", f"quote: {q.speaker or 'unknown speaker'}", f"quote-{q.id}")
    for c in analysis.claims:
        add(c.start, c.end, "claim", f"claim: {c.measure} = {c.value_text}", f"claim-{c.id}")
    for c in analysis.citations:
        add(c.start, c.end, "cite", f"cites {c.source}", f"cite-{c.id}")
    for m in analysis.mentions:
        name = entity_names.get(m.entity_id, m.entity_id)
        add(m.start, m.end, f"m m-{m.framing}", f"{name} ({m.framing})")

    cuts = sorted(
        {0, n, *(s for s, *_ in spans), *(e for _, e, *_ in spans), *(a for a, _ in anchors)}
    )
    anchors_at: defaultdict[int, list[str]] = defaultdict(list)
    for pos, anchor in anchors:
        anchors_at[pos].append(anchor)
    # Sweep left to right keeping the spans open at each cut: linear in cuts + spans,
    # where testing every span at every cut was quadratic on long, dense articles.
    starts: defaultdict[int, list[int]] = defaultdict(list)
    ends: defaultdict[int, list[int]] = defaultdict(list)
    for i, (start, end, *_) in enumerate(spans):
        starts[start].append(i)
        ends[end].append(i)
    open_spans: set[int] = set()
    out: list[Segment] = []
    seen_anchors: set[str] = set()
    for lo, hi in zip(cuts, [*cuts[1:], n], strict=True):
        open_spans.difference_update(ends.get(lo, ()))
        open_spans.update(starts.get(lo, ()))
        for anchor in anchors_at.get(lo, ()):
            if anchor not in seen_anchors:  # ids must be unique in the page
                seen_anchors.add(anchor)
                out.append(Segment(anchor=anchor))
        if hi <= lo:
            continue
        active = [spans[i] for i in sorted(open_spans)]  # in the order they were added
        classes = " ".join(dict.fromkeys(cls for _, _, cls, _, _ in active))
        titles = " | ".join(dict.fromkeys(t for _, _, _, t, _ in active))
        refs = " ".join(dict.fromkeys(a for *_, a in active if a))
        out.append(Segment(text=text[lo:hi], classes=classes, title=titles, refs=refs))
    return tuple(out)


def _period(claim: Claim) -> str:
    p = claim.period
    if p is None:
        return ""
    return p.start if p.end == p.start else f"{p.start}–{p.end}"


def _where(view: ClaimView) -> str:
    d = view.doc
    if d is None:
        return ""
    return d.outlet if d.outlet_known else f"the article {d.name}"


def _who(view: ClaimView, *, with_outlet: bool = True) -> str:
    """Who gives a figure, in words: its source, and the outlet that reports it."""
    c = view.claim
    where = _where(view) if with_outlet else ""
    source = c.source if c.source and c.source_named else None
    if source and where and source.casefold() != where.casefold():
        return f"{source}, in {where}"
    if source or where:
        return f"{source or where}{'' if source else ', no source named'}"
    return "no source named"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _spread(views: list[ClaimView]) -> str:
    values = [v.claim.value for v in views]
    lo, hi = min(values), max(values)
    if views[0].claim.unit == "ratio":
        points = (hi - lo) * 100
        return f"{points:.3g} percentage points apart"
    if lo > 0:
        return f"the highest is {(hi - lo) / lo * 100:.2g}% above the lowest"
    return "they differ"


def explain(fact: Fact, views: list[ClaimView]) -> str:
    """The verdict in one plain sentence: which figures, from whom, and why they clash (or
    not). The reconciler's own reason stays beside it as the detailed record."""
    about = fact.label or fact.measure
    if fact.subject or fact.object:
        about += f" ({fact.subject or '?'}{' → ' + fact.object if fact.object else ''})"
    if fact.verdict == "conflict":
        sides = [v for v in views if v.in_conflict] or views
        periods = {_period(v.claim) for v in sides}
        when = (
            f" for the same period, {periods.pop()}"
            if len(periods) == 1 and "" not in periods
            else ""
        )
        places = {_where(v) for v in sides}
        # One article giving several figures: name it once, not after every figure.
        one = len(places) == 1 and len(sides) > 1
        figures = _and([f"{v.value} ({_who(v, with_outlet=not one)})" for v in sides])
        if one:
            figures += f", all in {places.pop() or 'one article'}"
        others = len(views) - len(sides)
        rest = (
            f" {others} other figure{'s' if others != 1 else ''} below cover{'' if others != 1 else 's'}"
            " another period or scope and are not part of the conflict."
            if others
            else ""
        )
        return (
            f"These sources cannot all be right about {about}{when}: {figures}; "
            f"{_spread(sides)}, more than rounding or an estimate explains.{rest}"
        )
    if fact.verdict == "agree":
        outlets = {v.doc.outlet for v in views if v.doc}
        return (
            f"{len(views)} claims from {len(outlets)} outlet{'s' if len(outlets) != 1 else ''} "
            f"give the same figure for {about}: {views[0].value}."
            if views
            else f"The claims agree on {about}."
        )
    if fact.verdict == "different_scope":
        figures = _and(
            [f"{v.value}{' for ' + _period(v.claim) if v.claim.period else ''}" for v in views]
        )
        return (
            f"Not a conflict: the figures for {about} ({figures}) cover different periods "
            "or scopes, so they can all be true."
        )
    return (
        f"Only one source gives {about}: nothing to compare it with yet." if len(views) < 2 else ""
    )


def build_view(corpus: Corpus) -> ReportView:
    entity_names = {e.id: e.name for e in corpus.entities}
    for a in corpus.analyses:
        for e in a.entities:
            entity_names.setdefault(e.id, e.name)
    fact_anchor = {cid: f"fact-{f.id}" for f in corpus.facts for cid in f.claim_ids}
    # a batch of one story needs no story names; a mixed one says which story each is in
    story_of = (
        {d: s.label or s.id for s in corpus.stories for d in s.doc_ids}
        if len(corpus.stories) > 1
        else {}
    )

    docs = tuple(
        DocView(
            id=a.document.id,
            anchor=f"doc-{a.document.id}",
            path=a.document.path,
            name=_file_name(a.document.path),
            title=a.meta.title or a.document.hints.title or _file_name(a.document.path),
            outlet=outlet_name(a),
            outlet_known=bool(a.meta.outlet),
            author=a.meta.author,
            url=safe_url(a.document.hints.url),
            published=a.meta.published,
            published_confidence=a.meta.published_confidence,
            published_evidence=a.meta.published_evidence,
            not_before=a.meta.not_before,
            analysis=a,
            segments=segments(a, entity_names),
            fact_of={c.id: fact_anchor[c.id] for c in a.claims if c.id in fact_anchor},
            story=story_of.get(a.document.id, ""),
        )
        for a in corpus.analyses
    )
    doc_by_id = {d.id: d for d in docs}
    claims = {c.id: c for a in corpus.analyses for c in a.claims}

    in_conflict = {cid for r in corpus.relations if r.type == "conflict" for cid in (r.a, r.b)}
    facts = []
    for f in corpus.facts:
        views = [
            ClaimView(
                claim=c,
                doc=doc_by_id.get(c.doc_id),
                value=format_value(c),
                # A conflict fact whose relations were not kept: show every claim as a side.
                in_conflict=f.verdict == "conflict"
                and (c.id in in_conflict or not in_conflict & set(f.claim_ids)),
            )
            for c in (claims.get(cid) for cid in f.claim_ids)
            if c is not None
        ]
        views.sort(key=lambda v: not v.in_conflict)  # stable: the fact's order otherwise
        outlets = tuple(dict.fromkeys(v.doc.outlet for v in views if v.doc))
        facts.append(
            FactView(
                fact=f,
                anchor=f"fact-{f.id}",
                claims=tuple(views),
                outlets=outlets,
                why=explain(f, views),
            )
        )
    facts.sort(key=lambda v: (VERDICT_ORDER.get(v.fact.verdict, 9), -len(v.claims), v.fact.measure))

    framing = _framing_matrix(docs, entity_names)
    timeline = tuple(
        sorted(
            (
                TimelineItem(
                    date=e.date,
                    date_text=e.date_text,
                    text=e.text,
                    anchor=f"event-{e.id}",
                    outlet=d.outlet,
                    outlet_known=d.outlet_known,
                )
                for d in docs
                for e in d.analysis.events
            ),
            key=lambda t: (t.date, t.outlet, t.anchor),
        )
    )
    outlets = tuple(sorted({d.outlet for d in docs}))
    counts = {
        "documents": len(docs),
        "outlets": len(outlets),
        "claims": len(claims),
        "facts": len(corpus.facts),
        "conflicts": sum(f.verdict == "conflict" for f in corpus.facts),
        "citations": sum(len(a.citations) for a in corpus.analyses),
        "quotes": sum(len(a.quotes) for a in corpus.analyses),
        "events": len(timeline),
        "entities": len(corpus.entities),
        "mentions": sum(len(a.mentions) for a in corpus.analyses),
        "skipped": len(corpus.skipped),
    }
    return ReportView(
        docs=docs,
        facts=tuple(facts),
        framing=framing,
        timeline=timeline,
        counts=counts,
        outlets=outlets,
        corpus=corpus,
        unknown_outlets=frozenset(d.outlet for d in docs if not d.outlet_known),
    )


def _framing_matrix(
    docs: tuple[DocView, ...], entity_names: dict[str, str], limit: int = 40
) -> FramingMatrix:
    """Which names each outlet uses for each actor: the framing of a story lives here.

    Shows actors that some outlet frames (a non-neutral name) or that several outlets
    mention; an actor one outlet names once, neutrally, has nothing to compare."""
    uses: defaultdict[str, defaultdict[str, Counter[tuple[str, str]]]] = defaultdict(
        lambda: defaultdict(Counter)
    )
    first_doc: dict[str, str] = {}
    for d in docs:
        first_doc.setdefault(d.outlet, d.anchor)
        for m in d.analysis.mentions:
            uses[m.entity_id][d.outlet][" ".join(m.text.split()), m.framing] += 1
    outlets = tuple(sorted(first_doc))
    candidates = []
    for entity_id, by_outlet in uses.items():
        kinds = {fr for c in by_outlet.values() for _, fr in c}
        framed = kinds != {"neutral"}
        group = 0 if kinds & {"pejorative", "epithet"} else 1 if framed else 2
        total = sum(sum(c.values()) for c in by_outlet.values())
        cells = tuple(
            tuple(
                NameUse(text=t, framing=fr, count=n)
                for (t, fr), n in sorted(by_outlet[o].items(), key=lambda kv: (-kv[1], kv[0]))
            )
            if o in by_outlet
            else ()
            for o in outlets
        )
        row = FramingActor(
            actor=entity_names.get(entity_id, entity_id), framed=framed, group=group, cells=cells
        )
        candidates.append((group, -len(by_outlet), -total, row.actor, row))
    candidates.sort(key=lambda c: c[:4])
    shown = [c[-1] for c in candidates if c[-1].framed or -c[1] >= 2][:limit]
    if not shown:  # one outlet, nothing framed: its most-mentioned actors
        shown = [c[-1] for c in candidates[:limit]]
    return FramingMatrix(
        outlets=tuple((o, first_doc[o]) for o in outlets),
        rows=tuple(shown),
        hidden=len(candidates) - len(shown),
    )
