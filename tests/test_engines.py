"""Engines without spaCy: batches reach every worker and come back once each, a lost worker's
batch is sent again, and the in-flight window bounds what is held at once.

The tasks below are module-level so spawned workers can import them by name."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from claimledger.config import Settings
from claimledger.engines import DaskEngine, Engine, ProcessEngine, make_engine, usable_cpus
from claimledger.models import Document, Skipped
from claimledger.pipeline import _batches


def echo(batch, settings):
    """Answers each document with its path and the worker's pid (as a Skipped, the one
    outcome that needs no analysis)."""
    return [Skipped(path=d.path, reason=str(os.getpid())) for d in batch]


def die_once(batch, settings):
    """Kills its worker the first time it sees a batch holding 'doomed', then behaves."""
    marker = Path(batch[0].text) / "died"
    if any(d.path == "doomed" for d in batch) and not marker.exists():
        marker.write_text("x", encoding="utf-8")
        os._exit(9)
    return echo(batch, settings)


def meet(batch, settings):
    """Waits (at most a minute) until two workers have each taken a batch, so a test sees
    both at work however fast one of them could have done everything alone."""
    folder = Path(batch[0].text)
    (folder / str(os.getpid())).touch()
    deadline = time.monotonic() + 60
    while len(list(folder.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    return echo(batch, settings)


def always_dies(batch, settings):
    os._exit(9)


def docs(n: int, folder: Path | None = None) -> list[Document]:
    text = str(folder or "")  # die_once reads its marker folder from the text
    return [Document(id=f"id{i}", path=f"doc{i}", text=text, format="text") for i in range(n)]


def paths(results) -> list[str]:
    return sorted(o.path for batch in results for o in batch)


def test_engines_usable_cpus_is_at_least_one():
    assert usable_cpus() >= 1


def test_engines_make_engine_picks_by_options():
    assert type(make_engine(1)) is Engine
    with make_engine(2) as engine:
        assert isinstance(engine, ProcessEngine)
        assert engine.workers == 2


def test_engines_batches_split_a_stream_without_reading_ahead():
    read = []

    def stream():
        for d in docs(5):
            read.append(d.path)
            yield d

    batches = _batches(stream(), 2)
    assert [d.path for d in next(batches)] == ["doc0", "doc1"]
    assert read == ["doc0", "doc1"]  # the rest is still unread
    assert [len(b) for b in batches] == [2, 1]


def test_engines_process_pool_returns_every_document_once_from_two_workers(tmp_path):
    with ProcessEngine(2) as engine:
        engine.task = meet
        results = list(engine.run(_batches(iter(docs(40, tmp_path)), 3), Settings()))
    assert paths(results) == sorted(f"doc{i}" for i in range(40))
    assert len({o.reason for batch in results for o in batch}) == 2  # both workers worked


def test_engines_process_pool_sends_a_lost_workers_batch_again(tmp_path):
    batch = docs(4, tmp_path)
    batch[2] = Document(id="x", path="doomed", text=str(tmp_path), format="text")
    with ProcessEngine(2) as engine:
        engine.task = die_once
        results = list(engine.run(_batches(iter(batch), 2), Settings()))
    assert (tmp_path / "died").exists()
    assert paths(results) == ["doc0", "doc1", "doc3", "doomed"]
    assert all(o.reason.isdigit() for batch in results for o in batch)


def test_engines_process_pool_skips_a_batch_that_always_kills_its_worker():
    with ProcessEngine(1) as engine:
        engine.task = always_dies
        engine.retries = 1
        results = list(engine.run(_batches(iter(docs(2)), 2), Settings()))
    assert paths(results) == ["doc0", "doc1"]
    assert all("worker was lost 2 times" in o.reason for batch in results for o in batch)


def test_engines_window_bounds_the_batches_in_flight():
    submitted = []

    def stream():
        for d in docs(30):
            submitted.append(d.path)
            yield d

    engine = ProcessEngine(2)
    engine.task = echo
    with engine:
        run = engine.run(_batches(stream(), 1), Settings())
        next(run)
        # one result taken: the window (2 workers x 2) was filled once, then topped up
        assert len(submitted) <= 2 * 2 + 1
        list(run)
    assert len(submitted) == 30


@pytest.mark.slow
def test_engines_dask_local_cluster_with_two_workers(tmp_path):
    with DaskEngine(workers=2) as engine:
        assert engine.workers == 2
        engine.task = meet
        results = list(engine.run(_batches(iter(docs(20, tmp_path)), 2), Settings()))
    assert paths(results) == sorted(f"doc{i}" for i in range(20))
    assert len({o.reason for batch in results for o in batch}) == 2
