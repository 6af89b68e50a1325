"""Scaling figures in one run, as ratios (absolute times vary between runs and machines).

    .venv/bin/python bench/scale_bench.py [--small 1000] [--large 10000]
        [--claims-small 100000] [--claims-large 1000000] [--skip large,reconcile]

On real articles (../shared/data BASIL + PTC, replicated with unique suffixes; bench/corpus.py):
  1. the CLI end to end against bare `nlp.pipe` in its best configuration (the same number of
     processes, one math thread each, the better of two batch sizes), both timed as whole
     processes: start, model load, every article, exit;
  2. the CLI with 1 process against 2;
  3. the CLI on a dask.distributed LocalCluster with 2 workers against 1 process;
  4. the CLI on --small against --large articles: time and peak RSS (summed over the process
     tree, sampled every 0.1 s);
then reconcile from a store of synthetic claims (bench/synthetic.py): --claims-small against
--claims-large, each in a fresh process, time and peak RSS.

Every run gets a fresh store and output folder, so nothing is reused. The full sizes take
about an hour on 2 cores; pass smaller ones while developing. Only the reconcile part:

    .venv/bin/python bench/scale_bench.py --skip analyze --work /tmp/stores
(`--work` keeps the synthetic stores, which take minutes to build, for the next run.)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

BIN = Path(sys.executable).parent
THREADS = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}


def measure(cmd: list[str]) -> tuple[float, float, str]:
    """(wall seconds, peak MiB of the process tree, stdout) of one command."""
    import psutil

    env = {**os.environ, **THREADS}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(_rss(p) for p in tree))
            except psutil.NoSuchProcess:
                pass
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    done.set()
    sampler.join()
    if proc.returncode not in (0, 3):  # 3: some inputs skipped, the run finished
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.decode()[-2000:]}")
    return seconds, peak / 2**20, out.decode()


def _rss(process) -> int:
    import psutil

    try:
        return process.memory_info().rss
    except psutil.NoSuchProcess:
        return 0


def cli(corpus: Path, work: Path, processes: int, *, dask: bool = False) -> tuple[float, float]:
    out = Path(tempfile.mkdtemp(dir=work))  # a fresh store: nothing reused
    cmd = [str(BIN / "claimledger"), "analyze", str(corpus), "--out", str(out)]
    cmd += ["--processes", str(processes), *(["--dask"] if dask else [])]
    seconds, peak, _ = measure(cmd)
    return seconds, peak


def bare(corpus: Path, processes: int) -> tuple[float, int]:
    """The best whole-process time of bare nlp.pipe over two batch sizes, and that size."""
    runs = {}
    for batch in (16, 64):
        cmd = [sys.executable, __file__, "--bare", str(corpus)]
        runs[batch] = measure([*cmd, "--processes", str(processes), "--batch", str(batch)])[0]
    best = min(runs, key=runs.get)
    return runs[best], best


def bare_child(corpus: Path, processes: int, batch: int) -> None:
    """Child process: plain spaCy over the texts, one math thread, nothing of ours loaded."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
    import spacy

    from claimledger.config import Settings
    from claimledger.nlp import resolve_model
    from corpus import texts

    if not Settings().use_blis:  # the same thinc ops as claimledger's pipeline
        from thinc.api import NumpyOps, set_current_ops

        set_current_ops(NumpyOps(use_blis=False))
    nlp = spacy.load(resolve_model(Settings().model))
    for _ in nlp.pipe(texts(corpus), batch_size=batch, n_process=processes):
        pass


def line(label: str, seconds: float, mib: float | None = None) -> None:
    rss = f", peak RSS {mib:6.0f} MiB" if mib is not None else ""
    print(f"  {label:<44} {seconds:8.1f} s{rss}", flush=True)


def analyze_figures(args, work: Path) -> None:
    from corpus import write_corpus

    small = write_corpus(work, args.small)
    procs = 2
    print(f"real articles (BASIL + PTC, replicated): {args.small}", flush=True)
    cli2_s, cli2_mib = cli(small, work, procs)
    line(f"claimledger analyze --processes {procs}", cli2_s, cli2_mib)
    if "compare" not in args.skip:
        compare_figures(small, work, procs, cli2_s)
    if "large" in args.skip:
        return
    large = write_corpus(work, args.large)
    big_s, big_mib = cli(large, work, procs)
    line(f"claimledger analyze --processes {procs}, {args.large} articles", big_s, big_mib)
    size = args.large / args.small
    print(
        f"ratio {args.large} / {args.small} articles: time {big_s / cli2_s:.2f} (size x{size:g}),"
    )
    print(f"  peak RSS {big_mib / cli2_mib:.2f} (target <= 1.3)", flush=True)


def compare_figures(corpus: Path, work: Path, procs: int, cli_s: float) -> None:
    bare_s, batch = bare(corpus, procs)
    line(f"bare nlp.pipe, {procs} processes (best: batch {batch})", bare_s)
    cli1_s, cli1_mib = cli(corpus, work, 1)
    line("claimledger analyze --processes 1", cli1_s, cli1_mib)
    dask_s, dask_mib = cli(corpus, work, 2, dask=True)
    line("claimledger analyze --dask (LocalCluster, 2 workers)", dask_s, dask_mib)
    print(
        f"ratio CLI / bare nlp.pipe (speed, same processes): {bare_s / cli_s:.2f} (target >= 0.8)"
    )
    print(f"ratio 2 processes / 1 process (speed-up): {cli1_s / cli_s:.2f}")
    print(f"ratio dask 2 workers / 1 process (speed-up): {cli1_s / dask_s:.2f} (target >= 1.6)")


def reconcile_figures(args, work: Path) -> None:
    results = {}
    for n in (args.claims_small, args.claims_large):
        db = work / f"claims-{n}.sqlite"
        if not db.exists():
            measure([sys.executable, __file__, "--build-store", str(db), "--claims", str(n)])
        cmd = [sys.executable, __file__, "--reconcile", str(db)]
        _, mib, out = measure([*cmd, "--processes", str(args.reconcile_processes)])
        inner = json.loads(out.strip().splitlines()[-1])
        results[n] = inner["seconds"]
        line(f"reconcile {n} synthetic claims from a store", inner["seconds"], mib)
        print(
            f"    {inner['documents']} documents, {inner['facts']} facts, "
            f"{inner['cpu']:.1f} CPU s (with workers)",
            flush=True,
        )
    size = args.claims_large / args.claims_small
    ratio = results[args.claims_large] / results[args.claims_small]
    print(
        f"ratio reconcile {args.claims_large} / {args.claims_small} claims: time {ratio:.2f} "
        f"(size x{size:g}, target <= {1.2 * size:g})"
    )


def build_store_child(db: Path, n: int) -> None:
    """A store of `n` synthetic claims, written in one transaction: the documents and claims
    reconcile reads (the synthetic analyses hold nothing else), no full-text rows."""
    from claimledger.store import Store, rows
    from synthetic import synthetic_analyses

    tmp = db.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    with Store.open(tmp) as store, store.conn as c:
        for a in synthetic_analyses(n):
            c.execute(rows.INSERT_DOCUMENT, rows.document_row(a.document, a.meta, "bench"))
            c.executemany(rows.INSERT_CLAIM, [rows.claim_row(i, x) for i, x in enumerate(a.claims)])
    tmp.rename(db)


def reconcile_child(db: Path, processes: int) -> None:
    import resource

    from claimledger.config import Settings
    from claimledger.pipeline import reconcile_store
    from claimledger.store import Store

    with Store.open(db) as store:
        t0 = time.perf_counter()
        documents, facts = reconcile_store(store, Settings(), processes=processes)
        seconds = time.perf_counter() - t0
    # CPU seconds of this process and its (finished) workers: under load, wall time
    # measures the other jobs as much as this one
    cpu = sum(
        u.ru_utime + u.ru_stime
        for u in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    )
    print(json.dumps({"seconds": seconds, "cpu": cpu, "documents": documents, "facts": facts}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=1000)
    ap.add_argument("--large", type=int, default=10_000)
    ap.add_argument("--claims-small", type=int, default=100_000)
    ap.add_argument("--claims-large", type=int, default=1_000_000)
    ap.add_argument(
        "--skip", default="", help="comma-separated: analyze, compare, large, reconcile"
    )
    ap.add_argument("--work", type=Path, help="keep corpora and stores here between runs")
    ap.add_argument(
        "--reconcile-processes",
        type=int,
        default=1,
        help="processes matching a large story (reconcile's default: 1)",
    )
    ap.add_argument("--bare", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--processes", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--batch", type=int, default=16, help=argparse.SUPPRESS)
    ap.add_argument("--build-store", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--claims", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--reconcile", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.bare:
        return bare_child(args.bare, args.processes, args.batch)
    if args.build_store:
        return build_store_child(args.build_store, args.claims)
    if args.reconcile:
        return reconcile_child(args.reconcile, args.processes)
    args.skip = set(filter(None, args.skip.split(",")))
    with tempfile.TemporaryDirectory(prefix="claimledger-bench-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        from claimledger.engines import usable_cpus

        print(f"usable CPUs: {usable_cpus()}; every worker single-threaded", flush=True)
        if "analyze" not in args.skip:
            analyze_figures(args, work)
        if "reconcile" not in args.skip:
            reconcile_figures(args, work)


if __name__ == "__main__":
    main()
