"""Matching the independent groups of a large story in worker processes.

A story's unit families never meet (reconcile._reconcile_story), so each is matched on its
own. When a story is large, the families are dealt into one bin per usable core, the
largest first, each to the bin with the fewest claims so far; the parent matches the
first bin itself while forked workers match the others. Workers are forked, not spawned:
they inherit the claims as the parent built them, and only their results (runs of
relations as plain tuples, facts) come back. The result is the same, in the same order, whatever the
number of processes: each group's result is computed the same way wherever it runs.

The cost is memory: a forked worker copies every page of the parent's heap it writes to,
and merely reading a claim writes its reference count, so a worker matching half the
families of a million claims holds a copy of most of them. reconcile() therefore matches
in one process unless asked for more (docs/SCALING.md has the figures).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

log = logging.getLogger(__name__)

# below this many claims in a story, a fork and the results' trip back cost more than the
# second core saves (a fork of a large process takes tens of milliseconds)
PARALLEL_MIN = 20_000

# (function, groups) of the map in flight, set before the workers fork so that they
# inherit it rather than receive it pickled
_TASK: tuple[Callable[[Any], tuple[list, list]], Sequence[Sequence]] | None = None


def usable_cores() -> int:
    """The cores this process may run on (its affinity mask, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def map_groups(
    match: Callable[[Any], tuple[list, list]],
    groups: Sequence[Sequence],
    processes: int | None = None,
) -> list[tuple[list, list]]:
    """[match(g) for g in groups], in up to `processes` processes (None: the usable
    cores) when the groups hold PARALLEL_MIN items or more. `match` returns (runs of
    relations: (place, rows of tuples), facts)."""
    global _TASK
    workers = min(processes or usable_cores(), len(groups))
    if (
        workers < 2
        or sum(len(g) for g in groups) < PARALLEL_MIN
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return [match(g) for g in groups]
    bins = _deal(groups, workers)
    log.info("matching %d groups in %d processes", len(groups), len(bins))
    _TASK = (match, groups)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=len(bins) - 1, mp_context=context) as pool:
            futures = [pool.submit(_match_bin, b) for b in bins[1:]]
            results = {i: match(groups[i]) for i in bins[0]}
            for future in futures:
                results.update(future.result())
    finally:
        _TASK = None
    return [results[i] for i in range(len(groups))]


def _deal(groups: Sequence[Sequence], workers: int) -> list[list[int]]:
    """Group indices dealt into `workers` bins of about equal claims (largest first, each to
    the lightest bin); empty bins dropped. Pairs grow faster than claims in a large group,
    but blocking keeps them near linear, so claims are the measure."""
    bins: list[list[int]] = [[] for _ in range(workers)]
    load = [0] * workers
    for i in sorted(range(len(groups)), key=lambda i: -len(groups[i])):
        lightest = load.index(min(load))
        bins[lightest].append(i)
        load[lightest] += len(groups[i])
    return [b for b in bins if b]


def _match_bin(indices: list[int]) -> dict[int, tuple[list, list]]:
    """In a worker: match the groups of one bin. Relations go back as plain tuples, which
    pickle at a fraction of the cost of named ones."""
    assert _TASK is not None, "forked without a task"  # set by map_groups before the fork
    match, groups = _TASK
    out = {}
    for i in indices:
        runs, facts = match(groups[i])
        for k, (place, rows) in enumerate(runs):  # in place: one run's rows copied at a time
            runs[k] = (place, [tuple(r) for r in rows])
        out[i] = (runs, facts)
    return out
