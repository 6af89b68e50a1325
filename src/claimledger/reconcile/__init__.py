"""Reconcile: match claims across sources, give verdicts, trace provenance.

    Analysis* -> Story per group of documents telling one story (stories.py)
              -> Item per claim (canonical measure, actors, folded value, bounds)
              -> blocks (unit family, measure, actors) -> candidate pairs
              -> Relation per pair (agree | conflict | different_scope, with a reason)
              -> Fact per group of claims on one measure and actors (verdict, sources)

Claims of two stories are never compared: everything below runs story by story.
Pure Python over the models: no spaCy, no I/O beyond reading the bundled measures lexicon.
"""

from __future__ import annotations

import gc
import logging
import math
import os
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from typing import NamedTuple

from ..extract import cues as lexicons
from ..models import Analysis, Claim, Fact, Relation, Story, content_id
from .blocking import (
    FIGURE,
    NARROWER,
    SAME,
    BlockKey,
    block_key,
    candidate_runs,
    distinctive,
    make_blocks,
)
from .compare import Item, compare, make_item
from .frames import frame_candidates, frame_parts, frame_verdict, scope_guard
from .measures import (
    MeasureKey,
    MeasureLexicon,
    canonical_measure,
    default_lexicon,
    load_lexicon,
    unit_family,
)
from .provenance import make_fact
from .stories import StoryDoc, group_stories
from .workers import map_groups

log = logging.getLogger(__name__)


def group(analyses: Sequence[Analysis]) -> tuple[Story, ...]:
    """The stories a batch of documents tells (see stories.py), in document order."""
    return group_texts((a.document.id, a.document.text, a.meta.published) for a in analyses)


def group_texts(docs: Iterable[tuple[str, str, str | None]]) -> tuple[Story, ...]:
    """`group` over (doc id, text, published) triples, as a store reads them back."""
    listed = [StoryDoc(doc_id=d, text=t, published=p) for d, t, p in docs]
    found = group_stories(listed)
    members: dict[str, list[str]] = defaultdict(list)
    for d in listed:
        members[found.story_of[d.doc_id]].append(d.doc_id)
    return tuple(
        Story(
            id=sid,
            label=found.label.get(sid, ""),
            doc_ids=tuple(ids),
            copies=tuple(tuple(sorted(group)) for group in found.copies if group <= frozenset(ids)),
        )
        for sid, ids in members.items()
    )


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run a block with Python's cycle collector off. Reconciling builds millions of objects
    that live to the end (items, relations) and no cycles; each collection walks all of them
    again, a quarter of the time at a million claims. The collector's state is restored
    after, so a caller that had it off keeps it off."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class RelationRow(NamedTuple):
    """A relation as reconcile builds it: a named tuple (read like `Relation`: `.a`, `.type`)
    costs a tenth of a frozen dataclass to make, and a million claims make millions of
    them. `reconcile` turns them into `Relation`s; the store writes them as they are."""

    a: str  # claim id
    b: str
    type: str
    reason: str


def reconcile(
    analyses: Sequence[Analysis],
    *,
    lexicon: MeasureLexicon | None = None,
    stories: Sequence[Story] | None = None,
    processes: int | None = 1,
) -> tuple[tuple[Relation, ...], tuple[Fact, ...]]:
    """Relations between claims that could be about the same fact, and the facts they form,
    story by story (`stories` as `group` gives them; found here when not given). A large
    story is matched in up to `processes` worker processes (None: the usable cores); the
    result is the same whatever their number. One by default: a forked worker copies
    the pages of every claim it reads, and at a million claims two processes' memory
    passed 4 GB (docs/SCALING.md)."""
    rows, facts = reconcile_rows(analyses, lexicon=lexicon, stories=stories, processes=processes)
    relations = tuple(Relation(a=a, b=b, type=t, reason=why) for a, b, t, why in rows)
    return relations, facts


def reconcile_rows(
    analyses: Sequence[Analysis],
    *,
    lexicon: MeasureLexicon | None = None,
    stories: Sequence[Story] | None = None,
    processes: int | None = 1,
) -> tuple[list[tuple[str, str, str, str]], tuple[Fact, ...]]:
    """`reconcile` with the relations as (a, b, type, reason) tuples (`RelationRow`s, or
    plain tuples when a worker process found them), in the same order: for callers that
    only store them (pipeline.reconcile_store), at a million claims."""
    with gc_paused():
        return _reconcile(analyses, lexicon=lexicon, stories=stories, processes=processes)


def _reconcile(
    analyses: Sequence[Analysis],
    *,
    lexicon: MeasureLexicon | None,
    stories: Sequence[Story] | None,
    processes: int | None,
) -> tuple[list[RelationRow], tuple[Fact, ...]]:
    lex = lexicon or default_lexicon()
    if stories is None:
        stories = group(analyses)
    story_of = {doc_id: s.id for s in stories for doc_id in s.doc_ids}
    names = _fold_actor_names(
        name for a in analyses for c in a.claims for name in (c.subject, c.object) if name
    )
    entries = _entries(analyses)
    by_story: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_story[story_of.get(entry.claim.doc_id, "")].append(entry)
    # a story's pairs are its own (keyed by corpus positions), so its relations are appended,
    # not merged into one dict: a copy of a story's dict is most of the run's memory
    relations: list[RelationRow] = []
    facts: list[Fact] = []
    for story, members in by_story.items():
        found, story_facts = _reconcile_story(
            story, members, Whole(len(entries), lex, names), processes
        )
        relations.extend(found)
        facts.extend(story_facts)
        del found, story_facts
    order = {entry.claim.id: entry.index for entry in entries}
    facts.sort(key=lambda f: order[f.claim_ids[0]])
    log.info(
        "reconciled %d claims in %d stories: %d relations, %d facts",
        len(entries),
        len(by_story),
        len(relations),
        len(facts),
    )
    return relations, tuple(facts)


class Entry(NamedTuple):
    """A claim reconcile may match, before its Item is made (in the process that matches its
    unit family): its place in the corpus, its family and what its article tells."""

    index: int
    claim: Claim
    family: str
    phrase: str  # its measure phrase, else what it counts
    outlet: str
    published: str | None


class Whole(NamedTuple):
    """What matching any part of a corpus needs from the whole of it."""

    size: int  # entries in the corpus: pair keys are index * size + index
    lex: MeasureLexicon
    names: dict[str, str]  # actor name -> the name claims are grouped by


def _reconcile_story(
    story: str, entries: list[Entry], whole: Whole, processes: int | None
) -> tuple[list[RelationRow], list[Fact]]:
    """Relations and facts among the claims of one story, unit
    family by unit family: no link joins two families (every block, pool, sibling, figure
    and frame is of one family), so each family is matched on its own, in worker
    processes when the story is large (workers.py). Relations come in the order one pass
    over the whole story would find them (_runs)."""
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        groups[entry.family].append(entry)
    runs: list[tuple[tuple[int, int], list[RelationRow]]] = []
    facts: list[Fact] = []
    for found, family_facts in map_groups(
        partial(_match_family, whole=whole), list(groups.values()), processes
    ):
        runs.extend(found)
        facts.extend(family_facts)  # put in corpus order with every story's (_reconcile)
    # the families' runs back in the order one pass over the whole story finds them
    runs.sort(key=lambda run: run[0])
    relations = [r for _, rows in runs for r in rows]
    return relations, [replace(f, story=story, id=content_id("f", story, f.id)) for f in facts]


def _match_family(entries: list[Entry], *, whole: Whole) -> tuple[list, list[Fact]]:
    """Relations (in runs, see _runs) and facts among claims of one story and one family."""
    n, lex = whole.size, whole.lex
    items = _items(entries, lex, whole.names)
    relations: dict[int, RelationRow] = {}
    # pairs judged apart only for want of evidence (see compare.Verdict.weak), and pairs
    # judged on one measure holding the other's words: a later link may judge them again
    weak: set[int] = set()
    narrow: set[int] = set()
    order = {it.claim.id: it.index for it in items}
    blocks = make_blocks(items)
    totals = _totals(items)
    running = partial(_running, totals=totals)
    # blocks of one measure whose claims agree across them: a partial block joins the fact
    linked: dict[BlockKey, set[BlockKey]] = defaultdict(set)
    # blocks whose claims matching on the frame found to be one fact
    joined: dict[BlockKey, set[BlockKey]] = defaultdict(set)
    parts = frozenset(frame_parts(items))
    # (place in the whole story's order, relations found so far) at the start of each run
    marks: list[tuple[tuple[int, int], int]] = []
    for place, run in _runs(blocks, items, lex):
        marks.append((place, len(relations)))
        for a, b, link in run:
            if a.index > b.index:
                a, b = b, a
            elif a.index == b.index:
                continue
            # keyed by the pair's positions as one int: cheaper than a set of ids, and not
            # tracked by the garbage collector, which matters with a million relations
            pair = a.index * n + b.index
            seen = pair in relations
            if seen and not _may_override(pair, link, narrow, weak):
                continue
            verdict = (
                frame_verdict(a, b, running, parts)
                if link == FRAME_LINK
                else compare(a, b, link=link, running=running)
            )
            if verdict is None:
                continue
            if verdict.type == "conflict":
                verdict = scope_guard(a, b) or verdict
            if seen:  # only a pair already judged can be weak
                weak.discard(pair)
            if verdict.weak:
                weak.add(pair)
            if link == NARROWER:
                narrow.add(pair)
            # reasons repeat ("both 45% of oil imports" for every pair of a repeated
            # figure): one string each, as relations outnumber claims several times
            relations[pair] = RelationRow(
                a.claim.id, b.claim.id, verdict.type, sys.intern(verdict.reason)
            )
            # a same-measure pair spans two blocks only when the actors differ
            if link == SAME and verdict.type == "agree" and a.actors != b.actors:
                linked[block_key(a)].add(block_key(b))
                linked[block_key(b)].add(block_key(a))
            if link == FRAME_LINK and verdict.type in _ONE_FACT and block_key(a) != block_key(b):
                joined[block_key(a)].add(block_key(b))
    del weak, narrow, running, totals  # pair bookkeeping: freed before facts are built
    facts = list(_facts(blocks, linked, relations, order, joined))
    return _cut_runs(list(relations.values()), marks), facts


# matching on the claim frame (frames.py), after the measure-based links
FRAME_LINK = "frame"
# verdicts that make two claims one fact
_ONE_FACT = {"agree", "conflict", "revision"}


def _runs(blocks: dict[BlockKey, list[Item]], items: list[Item], lex: MeasureLexicon):
    """The candidate pairs of one unit family in runs, each with its place in the order the
    whole story's pairs would come in: a block's pairs come at its first claim (blocks are
    made in corpus order); the same-figure pairs of a family, after every block's, at the
    family's first block holding a distinctive figure (blocking._same_figures walks the
    blocks in order); the frame's pairs (counts only: one family) last."""
    for key, run in candidate_runs(blocks, lambda base: lex.siblings.get(base, ())):
        if key is not None:
            yield (0, blocks[key][0].index), run
            continue
        # blocks are in first-claim order: the first holding a figure is the family's place
        first = next((its[0].index for its in blocks.values() if any(map(distinctive, its))), None)
        if first is not None:
            yield (1, first), run
    yield (2, 0), ((a, b, FRAME_LINK) for a, b in frame_candidates(items))


def _cut_runs(found: list[RelationRow], marks: list[tuple[tuple[int, int], int]]) -> list:
    """The relations found, cut at each run's start: (place in the story's order, rows)."""
    bounds = [start for _, start in marks] + [len(found)]
    return [
        (place, found[start:end])
        for (place, start), end in zip(marks, bounds[1:], strict=True)
        if end > start
    ]


def _may_override(pair: int, link: str, narrow: set[int], weak: set[int]) -> bool:
    """A pair judged different in scope only because one measure's words hold the other's
    ("value of aid bill" / "value of aid") may still be the same figure, which the figure
    itself shows ("$61 billion" and "$60.8 billion"): the same-figure verdict replaces it.
    A pair judged apart for want of evidence may be one fact by its frame."""
    return (link == FIGURE and pair in narrow) or (link == FRAME_LINK and pair in weak)


def _entries(analyses: Sequence[Analysis]) -> list[Entry]:
    """The claims reconcile may match, in corpus order: each once, with a finite figure and
    words saying what it measures. A vague amount ("thousands of people", "millions of
    dollars") is a claim a reader can dispute, but it names no figure to confirm or
    contradict another text's: it is matched with nothing."""
    entries: list[Entry] = []
    seen: set[str] = set()
    vague = lexicons.words("units", "vague_numbers")
    families: dict[str, str] = {}  # units repeat across a corpus: each is folded once
    for analysis in analyses:
        outlet = (
            analysis.meta.outlet or os.path.basename(analysis.document.path) or analysis.document.id
        )
        for claim in analysis.claims:
            if claim.id in seen or not math.isfinite(claim.value):
                continue
            if not vague.isdisjoint(claim.value_text.lower().split()):
                continue
            seen.add(claim.id)
            family = families.get(claim.unit)
            if family is None:
                family = families[claim.unit] = unit_family(claim.unit)
            phrase = claim.measure or claim.counted or ""
            if not phrase.strip():
                continue  # nothing says what the figure measures: it cannot be matched
            entries.append(
                Entry(len(entries), claim, family, phrase, outlet, analysis.meta.published)
            )
    return entries


def _items(entries: Sequence[Entry], lex: MeasureLexicon, names: dict[str, str]) -> list[Item]:
    """An Item per entry whose measure has a canonical base, indexed by the entry's place."""
    items: list[Item] = []
    keys: dict[tuple, MeasureKey] = {}  # measure phrases repeat across a corpus
    # actor names and pairs of them repeat across a corpus: each is worked out once, and
    # claims with the same actors share one roles tuple and one actor set
    dropped: dict[tuple[str, str], tuple[str, ...]] = {}  # (phrase, name) -> words it drops
    cast: dict[tuple, tuple[tuple[str | None, str | None], frozenset[str]]] = {}
    for index, claim, family, phrase, outlet, published in entries:
        pair = (claim.subject, claim.object)
        # keyed by the actor words that drop a word of the phrase, not by the actors:
        # the same key, found once per phrase rather than once per pair of actors
        drop = ()
        for name in pair:
            if name:
                found = dropped.get((phrase, name))
                if found is None:
                    found = dropped[(phrase, name)] = tuple(
                        w for w in _actor_words(name) if lex.drops(phrase, w)
                    )
                drop += found
        cache_key = (phrase, family, drop)
        key = keys.get(cache_key)
        if key is None:
            key = keys[cache_key] = lex.key(phrase, family, drop=drop)
        if not key.base:
            continue
        if pair not in cast:
            roles = (names.get(pair[0] or ""), names.get(pair[1] or ""))
            cast[pair] = (roles, frozenset(a for a in roles if a))
        roles, actors = cast[pair]
        items.append(
            make_item(
                claim,
                key,
                family,
                outlet,
                lex,
                roles,
                index=index,
                published=published,
                actors=actors,
            )
        )
    return items


# endings that make a demonym of a country's stem: Israel-i, Iran-ian, Turk-ish, Chin-ese
_DEMONYM_ENDINGS = ("i", "ian", "an", "n", "ish", "ese", "ic", "ean")


def _fold_actor_names(names) -> dict[str, str]:
    """Each actor name -> the name claims are grouped by. Extractors sometimes give the
    adjective ("Ukrainian") where they mean the state ("Ukraine"); such a name folds into
    the shorter name whose stem it extends by a demonym ending."""
    distinct = sorted(set(names), key=lambda n: (len(n), n))
    folded: dict[str, str] = {}
    stems: dict[str, str] = {}  # stem of a folded-into name -> that name
    for name in distinct:
        low = name.lower()
        # the longest stem wins: "Nigerian" is Nigeria's, not Niger's
        stem = max(
            (
                low[: len(low) - len(end)]
                for end in _DEMONYM_ENDINGS
                if low.endswith(end) and low[: len(low) - len(end)] in stems
            ),
            key=len,
            default=None,
        )
        target = stems[stem] if stem is not None else None
        folded[name] = target or name
        if target is None and len(low) >= 4:
            stems.setdefault(low.rstrip("aeiouy") or low, name)
            stems.setdefault(low, name)
    return folded


def _actor_words(*names: str | None) -> list[str]:
    """Words of the actors' names, dropped from measure phrases: "Azerbaijan's arms imports"
    and "arms imports" are one measure once the actors are held apart."""
    return [w for name in names if name for w in name.lower().split() if len(w) > 2]


def _totals(items: Sequence[Item]) -> dict[tuple, list[tuple[float, str]]]:
    """(document, unit family, aspect, measure) -> (value, claim id) of every figure."""
    index: dict[tuple, list[tuple[float, str]]] = defaultdict(list)
    for it in items:
        if it.family != "ratio":
            index[(it.claim.doc_id, it.family, it.key.aspect, it.key.base)].append(
                (it.value, it.claim.id)
            )
    return index


def _running(a: Item, b: Item, totals) -> bool:
    """Whether the gap between two figures of a count is itself stated as a figure of the
    same measure in either article (92, then 11 more, then a total of 103)."""
    if a.family == "ratio" or a.value == b.value:
        return False
    gap = abs(a.value - b.value)
    for doc in {a.claim.doc_id, b.claim.doc_id}:
        for value, claim_id in totals.get((doc, a.family, a.key.aspect, a.key.base), ()):
            if claim_id not in (a.claim.id, b.claim.id) and abs(value - gap) <= 1e-9 * max(
                gap, 1.0
            ):
                return True
    return False


def _facts(
    blocks: dict[BlockKey, list[Item]],
    linked: dict[BlockKey, set[BlockKey]],
    relations: dict[int, RelationRow],
    order: dict[str, int],
    joined: dict[BlockKey, set[BlockKey]] | None = None,
) -> tuple[Fact, ...]:
    """One fact per block; a block naming fewer actors joins the one fuller fact it agreed
    with (if it agreed with several, it is about none of them for sure, and stays apart);
    blocks whose claims the frame found to be one fact (`joined`) are one fact."""
    home: dict[BlockKey, BlockKey] = {}

    def root(key: BlockKey) -> BlockKey:
        top = key
        while top in home:
            top = home[top]
        # point the walked path at its root: frame links can chain thousands of blocks, and
        # walking the chain again for each would cost its square
        while key != top:
            home[key], key = top, home[key]
        return top

    for key in sorted(blocks, key=lambda k: -len(k[3])):  # the widest are settled first
        roots = {root(other) for other in linked.get(key, ()) if len(other[3]) > len(key[3])}
        if len(roots) == 1:
            home[key] = roots.pop()
    for key, others in (joined or {}).items():
        for other in others:
            a, b = root(key), root(other)
            if a != b:
                home[b] = a
    members: dict[BlockKey, list[Item]] = defaultdict(list)
    for key, items in blocks.items():
        members[root(key)].extend(items)

    by_claim: dict[str, list[RelationRow]] = defaultdict(list)
    for r in relations.values():
        by_claim[r.a].append(r)
    facts = []
    for items in members.values():
        items.sort(key=lambda it: order[it.claim.id])
        ids = {it.claim.id for it in items}
        # sibling measures sit in other blocks, so these are all same-measure relations
        inside = [r for it in items for r in by_claim.get(it.claim.id, ()) if r.b in ids]
        facts.append(make_fact(items, inside))
    facts.sort(key=lambda f: order[f.claim_ids[0]])
    return tuple(facts)


__all__ = [
    "MeasureLexicon",
    "RelationRow",
    "canonical_measure",
    "gc_paused",
    "group",
    "group_texts",
    "load_lexicon",
    "reconcile",
    "reconcile_rows",
]
