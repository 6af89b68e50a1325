"""Which documents tell one story: a batch that mixes stories is split before matching.

Two claims are only ever matched when their documents are in one story, so a batch of
unrelated articles cannot produce facts that join them ("22 arrested in one city" and
"145 arrested in another state, a month later").

Documents are compared as bags of words weighted by how rare each word is in English at
large (wordfreq's Zipf frequencies, not the batch's own document frequencies: a batch of
three articles on one story has no useful idf of its own). Names and rare words carry a
story; "said", "percent" and "government" carry none. Two articles published far apart are
less likely to tell one story, so their similarity is damped by the gap between their dates
when both are known. Average-linkage clustering over those similarities cuts the batch
into stories at STORY_SIMILARITY.

Tuned on the 77 BASIL stories (three outlets each, long articles, dated) and the 8 stories
of ../shared/data/pages (short excerpts, mostly undated) clustered together with the
project's four one-story corpora (examples, seeds, grain, aid; one of them covered over
four and a half months): no one-story corpus is split, pairwise recall 1.0, precision 0.839
(related stories, such as two on one budget fight a week apart, are joined; matching on the
claim frame keeps their facts apart). tools/eval_stories.py prints the figures for BASIL and
pages.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

# average-linkage cut: documents whose (date-damped) similarity to a group averages below
# this start a story of their own (tuned as the module docstring says)
STORY_SIMILARITY = 0.10
# date damping: (gap in days above which, factor) — coverage of one story by several outlets
# spans a few days; a follow-up weeks later is less often the same story, but a long-running
# one (a deal covered over months) still is, so the damping stays mild until the gap is the
# better part of a year: the same kind of event a year on (another shutdown, next year's
# budget) is another story
DATE_DAMPING = ((270, 0.25), (30, 0.4), (3, 0.5))
# a word as common as "the" (Zipf 7) weighs nothing; a word never seen weighs RARE_WEIGHT
RARE_WEIGHT = 7.0
# texts this alike are copies of one text (syndication, a wire story carried twice)
COPY_SIMILARITY = 0.9
# documents compared exactly (dense) up to this many; above it, only pairs that share a
# rare enough vocabulary are linked first, then each linked group is clustered on its own
DENSE_LIMIT = 2000
# pairs below this similarity are dropped in large batches (far below any story's pairs)
SPARSE_FLOOR = 0.05
BLOCK_ROWS = 512
_WORDS = re.compile(r"\b[A-Za-z][A-Za-z'-]+\b")


@dataclass(frozen=True, slots=True)
class StoryDoc:
    doc_id: str
    text: str
    published: str | None = None  # YYYY-MM-DD or shorter


@dataclass(frozen=True, slots=True)
class Stories:
    """doc id -> story id; story id -> a few words naming it; copies of one text."""

    story_of: dict[str, str]
    label: dict[str, str]
    copies: tuple[frozenset[str], ...] = ()


@cache
def _weight(word: str) -> float:
    from wordfreq import zipf_frequency

    return max(0.0, RARE_WEIGHT - zipf_frequency(word.lower(), "en"))


def group_stories(docs: Sequence[StoryDoc]) -> Stories:
    """Cluster documents into stories (see the module docstring)."""
    if not docs:
        return Stories(story_of={}, label={})
    if len(docs) == 1:
        sid = _story_id([docs[0].doc_id])
        return Stories(story_of={docs[0].doc_id: sid}, label={sid: ""})
    vectors, vocab = _vectors(docs)
    similarity = _similarity(vectors, docs)
    labels = _cluster(similarity, len(docs))
    members: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        members.setdefault(lab, []).append(i)
    story_of: dict[str, str] = {}
    names: dict[str, str] = {}
    for idx in members.values():
        sid = _story_id([docs[i].doc_id for i in idx])
        names[sid] = _label(vectors, vocab, idx)
        for i in idx:
            story_of[docs[i].doc_id] = sid
    return Stories(story_of=story_of, label=names, copies=_copies(similarity, docs))


def _vectors(docs: Sequence[StoryDoc]):
    """Rows of rarity-weighted, sublinear word counts, L2-normalised (cosine = dot product).
    Counted here over spaCy's English stop-word list rather than with scikit-learn's
    CountVectorizer: importing scikit-learn cost 1.3-2 s of every run, a fifth of a
    30,000-word analysis, for a count and a normalisation numpy and scipy do alike."""
    import numpy as np
    from scipy.sparse import csr_matrix, diags
    from spacy.lang.en.stop_words import STOP_WORDS

    index: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, doc in enumerate(docs):
        # as written: "US" and "us" are different words, and only lower-case stop words go
        counts = Counter(w for w in _WORDS.findall(doc.text) if w not in STOP_WORDS)
        for word, n in counts.items():
            rows.append(i)
            cols.append(index.setdefault(word, len(index)))
            vals.append(1.0 + math.log(n))  # sublinear: a name said ten times is not ten names
    if not index:
        return None, []
    vocab = list(index)
    weights = np.array([_weight(w) for w in vocab])
    counts = csr_matrix(
        (np.array(vals) * weights[cols], (rows, cols)), shape=(len(docs), len(vocab))
    )
    norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return (diags(1.0 / norms) @ counts).tocsr(), vocab


def _similarity(vectors, docs: Sequence[StoryDoc]):
    """Sparse cosine similarity, damped by the gap between publication dates. Over
    DENSE_LIMIT documents it is computed in row blocks keeping only pairs above SPARSE_FLOOR,
    so memory grows with the pairs that matter, not with the square of the batch."""
    import numpy as np
    from scipy.sparse import csr_matrix, vstack

    n = len(docs)
    if vectors is None:
        return csr_matrix((n, n))
    floor = SPARSE_FLOOR if n > DENSE_LIMIT else 0.0
    rows = []
    for start in range(0, n, BLOCK_ROWS):
        block = (vectors[start : start + BLOCK_ROWS] @ vectors.T).tocsr()
        if floor:
            block.data[block.data < floor] = 0.0
            block.eliminate_zeros()
        rows.append(block)
    sim = vstack(rows).tocoo()
    days = np.array([_ordinal(d.published) or -1 for d in docs], dtype=np.int64)
    a, b = days[sim.row], days[sim.col]
    gap = np.where((a >= 0) & (b >= 0), np.abs(a - b), 0)
    factor = np.ones_like(sim.data)
    for limit, damp in reversed(DATE_DAMPING):  # the wider gap's factor is set last
        factor[gap > limit] = damp
    return csr_matrix((sim.data * factor, (sim.row, sim.col)), shape=sim.shape)


def _ordinal(published: str | None) -> int | None:
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def _cluster(similarity, n: int) -> list[int]:
    """Average-linkage clusters cut at STORY_SIMILARITY; over DENSE_LIMIT documents, within
    the connected groups of pairs that reach STORY_SIMILARITY at all (average linkage never
    joins two groups with no such pair, so the cut is the same; only the cost is bounded)."""
    from scipy.sparse.csgraph import connected_components

    linked = similarity.multiply(similarity >= STORY_SIMILARITY)
    _, groups = connected_components(linked, directed=False)
    labels = [0] * n
    next_label = 1
    by_group: dict[int, list[int]] = {}
    # a document with no word to compare (no text, or only stopwords) cannot be placed: those
    # share label 0, one story, as a batch of them would be without grouping
    empty = similarity.diagonal() == 0
    for i, g in enumerate(groups):
        if not empty[i]:
            by_group.setdefault(int(g), []).append(i)
    for idx in by_group.values():
        if len(idx) == 1:
            labels[idx[0]] = next_label
            next_label += 1
            continue
        if len(idx) > DENSE_LIMIT:
            # too many to compare exactly: the linked group is the story (rare in news batches)
            for i in idx:
                labels[i] = next_label
            next_label += 1
            continue
        for sub in _average_linkage(similarity, idx):
            for i in sub:
                labels[i] = next_label
            next_label += 1
    return labels


def _average_linkage(similarity, idx: list[int]) -> list[list[int]]:
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    dense = similarity[idx][:, idx].toarray()
    distance = np.clip(1.0 - dense, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    distance = (distance + distance.T) / 2.0
    tree = linkage(squareform(distance, checks=False), method="average")
    cut = fcluster(tree, 1.0 - STORY_SIMILARITY, criterion="distance")
    out: dict[int, list[int]] = {}
    for i, lab in zip(idx, cut, strict=True):
        out.setdefault(int(lab), []).append(i)
    return list(out.values())


def _copies(similarity, docs: Sequence[StoryDoc]) -> tuple[frozenset[str], ...]:
    """Groups of documents whose texts are near copies of each other (syndication)."""
    sim = similarity.tocoo()
    parent = list(range(len(docs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, v in zip(sim.row, sim.col, sim.data, strict=True):
        if i < j and v >= COPY_SIMILARITY:
            parent[root(i)] = root(j)
    groups: dict[int, set[str]] = {}
    for i in range(len(docs)):
        groups.setdefault(root(i), set()).add(docs[i].doc_id)
    return tuple(frozenset(g) for g in groups.values() if len(g) > 1)


def _label(vectors, vocab: list[str], idx: list[int], words: int = 4) -> str:
    """The story's most telling words: the heaviest in its documents' summed vectors."""
    if vectors is None or not vocab:
        return ""
    total = vectors[idx].sum(axis=0).A1
    best = sorted(range(len(vocab)), key=lambda k: -total[k])[: words * 3]
    seen: list[str] = []
    for k in best:
        word = vocab[k]
        if word.lower() not in {w.lower() for w in seen}:
            seen.append(word)
        if len(seen) == words:
            break
    return ", ".join(seen)


def _story_id(doc_ids: Sequence[str]) -> str:
    digest = hashlib.sha1("\x1f".join(sorted(doc_ids)).encode("utf-8")).hexdigest()
    return f"s{digest[:10]}"
