"""Facts: the claims about one fact, their verdict, and who really stands behind a figure.

Claims that agree form one figure. A figure that one claim attributes to a named source and
other claims repeat without naming any is that one source's figure, however many outlets
repeat it: it counts as one independent confirmation, and the repeating outlets are listed
as repeating it without attribution. A figure no claim attributes stands on the outlets that
assert it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..models import Fact, Relation, content_id
from .compare import Item, period_text

# how many figures a fact's reason lists before "and N more"
SHOWN = 4


def make_fact(items: Sequence[Item], relations: Sequence[Relation]) -> Fact:
    """One fact from its claims (in corpus order) and the relations among them."""
    main = items[0]
    widest = _widest(items)
    # the roles most claims naming all the fact's actors give them
    subject, obj = Counter(it.roles for it in items if it.actors == widest).most_common(1)[0][0]
    figures = _figures(items, relations)
    types = {r.type for r in relations}
    verdict = (
        "single"
        if len(items) == 1
        else "conflict"
        if "conflict" in types
        else "different_scope"
        if "different_scope" in types
        else "agree"
    )
    primary: dict[str, str] = {}
    unattributed: dict[str, None] = {}
    confirmations = 0
    for group in figures:
        sources, repeats = _sources(group)
        confirmations = max(confirmations, len(sources))
        for norm, name in sources.items():
            primary.setdefault(norm, name)
        unattributed.update(dict.fromkeys(repeats))
    return Fact(
        id=content_id("f", main.family, main.key.aspect, main.key.base, sorted(widest)),
        measure=main.key.text,
        subject=subject,
        object=obj,
        unit=main.family,
        claim_ids=tuple(it.claim.id for it in items),
        verdict=verdict,
        reason=_reason(verdict, figures, relations),
        primary_sources=tuple(primary.values()),
        independent_confirmations=confirmations,
        unattributed_outlets=tuple(unattributed),
        label=fact_label(items),
    )


def fact_label(items: Sequence[Item]) -> str:
    """What a person reads for a fact, from its claims' frames: what happened to what
    ("miners killed", else the measure), where, and when ("miners killed in Quellbrook,
    2023"; "share of oil imports, 2016–2020")."""
    counts = [it for it in items if it.family == "count"]
    counted = next((it for it in counts if it.event), None)
    if counted is not None:
        thing = counted.claim.counted if counted.head and counted.claim.counted else "people"
        what = f"{thing.lower()} {counted.event}"
    elif counts and any(it.claim.counted for it in counts):
        # the thing as the text names it ("cargo flights"), not its folded lemma
        names = Counter(it.claim.counted.lower() for it in counts if it.claim.counted)
        what = names.most_common(1)[0][0]
    else:
        what = items[0].key.text
    places = Counter(it.claim.place for it in items if it.claim.place)
    where = f" in {places.most_common(1)[0][0]}" if places else ""
    periods = Counter(
        (p.start, p.end or p.start) for it in items if (p := it.claim.period) is not None
    )
    when = ""
    if periods:
        start, end = periods.most_common(1)[0][0]
        when = f", {start}" if start == end else f", {start}–{end}"
    return f"{what}{where}{when}"


def _widest(items: Sequence[Item]) -> frozenset[str]:
    return max((it.actors for it in items), key=len)


def _figures(items: Sequence[Item], relations: Sequence[Relation]) -> list[list[Item]]:
    """Groups of claims joined by agreement, in corpus order."""
    index = {it.claim.id: i for i, it in enumerate(items)}
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in relations:
        if r.type == "agree" and r.a in index and r.b in index:
            parent[root(index[r.a])] = root(index[r.b])
    groups: dict[int, list[Item]] = {}
    for i, it in enumerate(items):
        groups.setdefault(root(i), []).append(it)
    return list(groups.values())


def _norm(name: str) -> str:
    name = " ".join(name.lower().split())
    return name.removeprefix("the ")


def _sources(group: Sequence[Item]) -> tuple[dict[str, str], list[str]]:
    """(primary sources by normalised name, outlets repeating without attribution)."""
    named = {_norm(it.claim.source): it.claim.source for it in group if _named(it)}
    repeats: list[str] = []
    if named:
        repeats = [it.outlet for it in group if not _named(it)]
        return named, list(dict.fromkeys(repeats))
    own: dict[str, str] = {}
    for it in group:
        own.setdefault(_norm(it.outlet), it.outlet)
        if it.claim.hedge != "asserted":  # "reports indicate": someone else's, unnamed
            repeats.append(it.outlet)
    return own, list(dict.fromkeys(repeats))


def _named(item: Item) -> bool:
    return bool(item.claim.source) and item.claim.source_named


def _said_by(group: Sequence[Item]) -> str:
    names = dict.fromkeys(it.claim.source if _named(it) else it.outlet for it in group)
    return ", ".join(names)


def _describe(group: Sequence[Item]) -> str:
    """One figure with its period and who gives it: "69% of arms imports for 2016–2020
    (SIPRI, The Cradle)"."""
    head = group[0]
    period = f" {period_text(head.scope)}" if head.scope else ""
    return f"{head.figure}{period} ({_said_by(group)})"


def _listed(groups: Sequence[Sequence[Item]]) -> str:
    text = "; ".join(_describe(g) for g in groups[:SHOWN])
    return text + (f" and {len(groups) - SHOWN} more" if len(groups) > SHOWN else "")


def _reason(verdict: str, figures: list[list[Item]], relations: Sequence[Relation]) -> str:
    if verdict == "single":
        return f"one claim: {_describe(figures[0])}"
    if verdict == "agree":
        return f"{len(figures[0])} claims agree: {_describe(figures[0])}"
    if verdict == "conflict":
        # the figures in conflict first; those of other scopes only counted
        clashing = {i for r in relations if r.type == "conflict" for i in (r.a, r.b)}
        shown = [g for g in figures if any(it.claim.id in clashing for it in g)]
        rest = len(figures) - len(shown)
        other = f"; {rest} more figure(s) of other scopes" if rest else ""
        return f"figures that cannot both hold: {_listed(shown)}{other}"
    return f"same measure over different scopes: {_listed(figures)}"
