"""Which claims to compare: blocks of claims on one measure about the same actors.

A block holds the claims with the same unit family, aspect, canonical measure and unordered
actor set, so two claims are only ever compared when they could be about the same fact.
Claims are compared pairwise inside a block, with the blocks of sibling measures over the
same actors, and with blocks whose actors include theirs (a claim that names one actor may
be about the same fact as one that names two, and one naming none, as any of its measure:
extractors miss actors more often than they invent wrong ones). A block larger than `FULL` is compared
along its claims sorted by value, each with its next `WINDOW` neighbours, which finds the
agreeing and the nearest conflicting figures, so the cost stays linear in the claims.
Last, a distinctive figure (a sum of money, a count in the thousands) on a measure the
lexicon does not know meets the nearby figures of its unit in other articles, whatever their
measure: on unseen stories the extracted measure is often a stray word, and two articles
giving "$61 billion" are most likely giving one fact. Those pairs can only agree.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator, Sequence

from .compare import Item

# Blocks up to this size are compared all pairs with all pairs (64*63/2 = 2016 pairs);
# news corpora on one story give blocks of 2-10 claims.
FULL = 64
# In a larger block, each claim meets its nearest neighbours by value: figures that agree
# sit next to each other, and a conflict shows between neighbouring groups.
WINDOW = 8

BlockKey = tuple[str, str, tuple[str, ...], frozenset[str]]


# How two compared claims' measures relate: the same measure, siblings listed in
# measures.yaml ("energy needs" / "oil imports"), or one narrower than the other (its words
# hold all of the other's and more: "exports to high-income countries" / "exports").
SAME, SIBLING, NARROWER = "same", "sibling", "narrower"
# Two claims in different articles giving one distinctive figure ("$61 billion", "460,000")
# whose measures were folded apart: on unseen stories the extractor's measure phrase is often
# a stray word ("value of sign" / "value of package"), so the figure itself is the evidence.
# Such a pair can only agree (compare.py), never conflict.
FIGURE = "figure"
# how far apart two figures may be to meet as the same figure: "nearly $14 billion" and
# "$13.8 billion" (compare.py narrows this to the wording's rounding)
FIGURE_SPAN = 0.10
# a count below this ("3 ships", "12 flights") is too common a number to tell one fact
FIGURE_MIN_COUNT = 1000

# two claims to compare and how their measures relate; a plain tuple, as there is one per
# relation
Candidate = tuple[Item, Item, str]


def block_key(item: Item) -> BlockKey:
    return (item.family, item.key.aspect, item.key.base, item.actors)


def make_blocks(items: Sequence[Item]) -> dict[BlockKey, list[Item]]:
    blocks: dict[BlockKey, list[Item]] = defaultdict(list)
    for item in items:
        blocks[block_key(item)].append(item)
    return dict(blocks)


def candidates(blocks: dict[BlockKey, list[Item]], siblings) -> Iterator[Candidate]:
    """Every pair worth a verdict. `siblings(base_text)` gives the canonical base phrases of
    related measures."""
    for _, pairs in candidate_runs(blocks, siblings):
        yield from pairs


def candidate_runs(
    blocks: dict[BlockKey, list[Item]], siblings
) -> Iterator[tuple[BlockKey | None, Iterator[Candidate]]]:
    """`candidates` in runs, in the same order: each block with the pairs found from it,
    then (None, the same-figure pairs). A caller matching part of a corpus at a time
    (reconcile._match_family) knows from the runs where each relation falls in the
    order of the whole."""
    # the claims of blocks naming more actors than a partial block: per (measure, actor) for
    # blocks naming one actor, per measure for blocks naming none
    wider: dict[tuple, list[Item]] = defaultdict(list)
    by_text: dict[tuple[str, str, str], set[tuple[str, ...]]] = defaultdict(set)
    bases: dict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)
    for key, items in blocks.items():
        measure, actors = key[:3], key[3]
        if actors:
            wider[measure].extend(items)
        if len(actors) > 1:
            for actor in actors:
                wider[(*measure, actor)].extend(items)
        by_text[(key[0], key[1], items[0].key.base_text)].add(key[2])
        bases[key[:2]].add(key[2])
    narrower = _narrower(bases)

    for key, items in blocks.items():
        yield key, _from_block(key, items, blocks, wider, by_text, narrower, siblings)
    # last, so a pair already judged on its measure keeps that verdict
    yield None, _same_figures(blocks)


def _from_block(key, items, blocks, wider, by_text, narrower, siblings) -> Iterator[Candidate]:
    """The pairs found from one block (see `candidates`)."""
    yield from _within(items)
    family, aspect, base, actors = key
    # a claim naming fewer actors may be about the same fact as one naming those and
    # more; one naming none, about any fact of its measure
    if len(actors) < 2:
        pool = wider.get((family, aspect, base, *actors), ())
        yield from _across(items, pool, SAME, one_way=True)
    # sibling measures over the same actors, each pair of blocks once
    base_text = items[0].key.base_text
    for sibling_text in siblings(base_text):
        if sibling_text <= base_text:
            continue
        for sibling_base in by_text.get((family, aspect, sibling_text), ()):
            other = blocks.get((family, aspect, sibling_base, actors))
            if other:
                yield from _across(items, other, SIBLING)
    for narrow in narrower.get((family, aspect, base), ()):
        other = blocks.get((family, aspect, narrow, actors))
        if other:
            yield from _across(items, other, NARROWER)


def distinctive(item: Item) -> bool:
    """Whether a figure is rare enough in news that two articles giving it, on measures not
    known to differ, are likely giving the same fact: sums of money and large counts."""
    family = item.family
    if family == "USD" or (len(family) == 3 and family.isupper()):
        return item.value > 0
    return family == "count" and item.value >= FIGURE_MIN_COUNT


def _same_figures(blocks: dict[BlockKey, list[Item]]) -> Iterator[Candidate]:
    """Pairs of distinctive figures of one unit family, in different articles and different
    blocks, whose values lie within FIGURE_SPAN of each other, at least one of them on a
    measure measures.yaml does not know (two known measures are blocking's to relate). Each
    such claim meets at most WINDOW figures on either side of its own, so the cost stays
    linear in the claims."""
    by_family: dict[str, list[tuple[Item, BlockKey]]] = defaultdict(list)
    for key, items in blocks.items():
        for item in items:
            if distinctive(item):
                by_family[item.family].append((item, key))
    for found in by_family.values():
        found.sort(key=lambda pair: pair[0].value)
        values = [item.value for item, _ in found]
        for item, key in found:
            if item.key.known:
                continue
            at = bisect_left(values, item.value)
            high, low = item.value * (1 + FIGURE_SPAN), item.value / (1 + FIGURE_SPAN)
            right = found[at : at + WINDOW]
            left = found[max(0, at - WINDOW) : at][::-1]
            for side in (right, left):
                for other, other_key in side:
                    if not low <= other.value <= high:
                        break
                    if (
                        other_key != key
                        and other.claim.doc_id != item.claim.doc_id
                        # two unknown measures: the pair once, from its first claim
                        and (other.key.known or other.index > item.index)
                    ):
                        yield (item, other, FIGURE)


def _narrower(bases: dict[tuple[str, str], set[tuple[str, ...]]]) -> dict[tuple, list[tuple]]:
    """(family, aspect, base) -> the bases of that family and aspect whose words hold all of
    base's and more. Found through each base's first word, so only bases sharing it meet."""
    out: dict[tuple, list[tuple]] = {}
    for group, found in bases.items():
        by_word: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for base in found:
            for word in base:
                by_word[word].append(base)
        for base in found:
            if not base:
                continue
            words = set(base)
            wider = [
                other
                for other in by_word[base[0]]
                if len(other) > len(base) and words.issubset(other)
            ]
            if wider:
                out[(*group, base)] = wider
    return out


def _within(items: list[Item]) -> Iterator[Candidate]:
    n = len(items)
    if n <= FULL:
        for i in range(n):
            for j in range(i + 1, n):
                yield (items[i], items[j], SAME)
        return
    ordered = sorted(items, key=lambda it: it.value)
    for i in range(n):
        for j in range(i + 1, min(n, i + 1 + WINDOW)):
            yield (ordered[i], ordered[j], SAME)


def _across(
    xs: Sequence[Item], ys: Sequence[Item], link: str, *, one_way: bool = False
) -> Iterator[Candidate]:
    """Pairs of a claim of xs and one of ys: all of them when few, else each claim with the
    nearest by value on the other side (`one_way`: only xs look for neighbours, as when ys
    is the pool of every fuller claim of a measure)."""
    if not xs or not ys:
        return
    # a pool grows with the corpus (every fact of a measure): past a few dozen claims each
    # claim meets its nearest only, or the pairs would grow with the square of the corpus
    small_pool = not one_way or len(ys) <= FULL // 2
    if small_pool and len(xs) * len(ys) <= FULL * FULL // 2:
        for x in xs:
            for y in ys:
                yield (x, y, link)
        return
    # each claim meets the claims of the other side nearest to it by value
    for one, other in ((xs, ys),) if one_way else ((xs, ys), (ys, xs)):
        ordered = sorted(other, key=lambda it: it.value)
        values = [it.value for it in ordered]
        for item in one:
            at = bisect_left(values, item.value)
            for near in ordered[max(0, at - WINDOW // 2) : at + WINDOW // 2]:
                yield (item, near, link)
