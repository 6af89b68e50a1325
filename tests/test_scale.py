"""A store is one corpus, runs stream into it, and the work spreads over processes and Dask:
halves give the whole's facts, an edited file replaces its old version, a kill -9 loses no
finished document, a LocalCluster and a hand-started scheduler + worker give the local
ledger."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimledger.config import Settings
from claimledger.pipeline import analyze
from claimledger.report.ledger import ledger_dict
from claimledger.store import Store
from claimledger.store.stream import runs

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
OUTLETS = ["Harbour Gazette", "Coastal Times", "Delta Post", "Ridge Courier"]


def article(i: int, percent: int | None = None) -> str:
    """A short report on one figure; `percent` differs between outlets to make a conflict."""
    outlet = OUTLETS[i % len(OUTLETS)]
    share = percent if percent is not None else 40 + i % 3
    return (
        f"Copper exports climb at northern port\n\nBy Staff {i} - {outlet}\n\n"
        f"Exports of copper from Valmora rose {share} percent in 2021, the mining ministry "
        f"said on Tuesday. Port agents counted {100 + i} ships in the first quarter.\n"
    )


def write(folder: Path, texts: dict[str, str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in texts]


def facts_of(corpus) -> list[tuple]:
    claims = {c.id: c for a in corpus.analyses for c in a.claims}
    return sorted(
        (f.measure, f.verdict, tuple(sorted(claims[c].value_text for c in f.claim_ids)))
        for f in corpus.facts
    )


def test_scale_two_half_runs_give_the_facts_of_one_whole_run(tmp_path):
    texts = {f"{i}.txt": article(i, percent=12 if i < 2 else 20) for i in range(4)}
    files = write(tmp_path / "in", texts)
    whole = analyze(files, Settings())
    with Store.open(tmp_path / "halves.sqlite") as store:
        analyze(files[:2], Settings(), store=store)
        halves = analyze(files[2:], Settings(), store=store)
        history = runs(store)
    assert facts_of(halves) == facts_of(whole)
    first = {a.document.id for a in halves.analyses if a.document.path in map(str, files[:2])}
    doc_of = {c.id: c.doc_id for a in halves.analyses for c in a.claims}
    spans = [{doc_of[c] in first for c in f.claim_ids} for f in halves.facts]
    assert {True, False} in spans  # a fact only a run over both halves can see
    assert [r.documents for r in history] == [2, 4]


def test_scale_an_edited_file_replaces_its_old_version(tmp_path):
    (path,) = write(tmp_path / "in", {"a.txt": article(0, percent=12)})
    with Store.open(tmp_path / "ledger.sqlite") as store:
        analyze([path], Settings(), store=store)
        path.write_text(article(0, percent=31), encoding="utf-8")
        corpus = analyze([path], Settings(), store=store)
        n_docs = store.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        n_index = store.conn.execute("SELECT count(DISTINCT doc_id) FROM search_index").fetchone()[
            0
        ]
    assert (n_docs, n_index) == (1, 1)
    values = {c.value_text for a in corpus.analyses for c in a.claims}
    assert any("31" in v for v in values) and not any("12" in v for v in values)


def test_scale_local_cluster_with_two_workers_gives_the_local_ledger(tmp_path):
    files = write(tmp_path / "in", {f"{i}.txt": article(i) for i in range(6)})
    local = ledger_dict(analyze(files, Settings()))
    spread = ledger_dict(analyze(files, Settings(n_process=2), scheduler="dask"))
    assert spread["claims"] == local["claims"]
    assert spread["facts"] == local["facts"]


def _cli(*args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    return subprocess.Popen(
        [str(BIN / "claimledger"), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def test_scale_kill_9_loses_no_finished_document_and_the_rerun_does_the_rest(tmp_path):
    total = 160  # ten batches of 16: the kill lands after the first and before the last
    write(tmp_path / "in", {f"{i:03d}.txt": article(i) for i in range(total)})
    db = tmp_path / "out" / "ledger.sqlite"
    run = _cli("analyze", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--processes", "1")
    deadline = time.monotonic() + 300
    while _stored(db) == 0 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    run.send_signal(signal.SIGKILL)
    run.communicate()
    kept = _stored(db)
    assert 0 < kept < total, "the run finished before the kill: give it more documents"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        before = conn.execute("SELECT id, pipeline FROM documents ORDER BY id").fetchall()

    rerun = _cli("-v", "analyze", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    _out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    done = re.search(r"analysed (\d+), reused (\d+)", err)
    assert done, err
    assert (int(done[1]), int(done[2])) == (total - kept, kept)
    with sqlite3.connect(db) as conn:
        after = dict(conn.execute("SELECT id, pipeline FROM documents").fetchall())
    assert len(after) == total
    assert all(after[doc_id] == pipeline for doc_id, pipeline in before)


@pytest.fixture
def dask_cluster(tmp_path):
    """A `dask scheduler` and one `dask worker` started as a user would, on 127.0.0.1."""
    info = tmp_path / "scheduler.json"
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env}
    common = ["--no-dashboard", "--host", "127.0.0.1"]
    scheduler = subprocess.Popen(
        [str(BIN / "dask"), "scheduler", "--port", "0", "--scheduler-file", str(info), *common],
        **quiet,
    )
    procs = [scheduler]
    try:
        deadline = time.monotonic() + 60
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(info.read_text(encoding="utf-8"))["address"]
        procs.append(
            subprocess.Popen(
                [str(BIN / "dask"), "worker", address, "--nthreads", "1", *common], **quiet
            )
        )
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in reversed(procs):
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def test_scale_scheduler_option_runs_on_a_hand_started_cluster(tmp_path, dask_cluster):
    files = write(tmp_path / "in", {f"{i}.txt": article(i) for i in range(4)})
    local = json.loads(json.dumps(ledger_dict(analyze(files, Settings()))))
    run = _cli(
        "analyze", *map(str, files), "--out", str(tmp_path / "out"), "--scheduler", dask_cluster
    )
    _out, err = run.communicate(timeout=600)
    assert run.returncode == 0, err
    assert "dask dashboard:" in err
    spread = json.loads((tmp_path / "out" / "ledger.json").read_text(encoding="utf-8"))
    assert spread["claims"] == local["claims"]
    assert spread["facts"] == local["facts"]
