"""kill -9 soak: `analyze`, `report`, `export` and store creation killed at random moments;
after each kill the store must open whole and every output must be whole or absent, and the
next run must finish with every output whole and no temporary file left.

    .venv/bin/python bench/kill_soak.py [--kills 20] [--seed 1] [--only analyze report export create]

Articles are the bundled sample corpus (examples/), copied with a numbered line added so
each copy is a new document. Everything runs in a temporary folder on this machine.
Prints, per command: kills, stores unusable, outputs cut or unparsable, and the check after
the next full run. tests/test_reliability.py runs a few kills of each with the same code.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = ("ledger.json", "report.html", "claims.csv", "facts.csv", "graph.gexf", "graph.graphml")


def make_corpus(folder: Path, copies: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for copy in range(copies):
        for path in sorted((ROOT / "examples").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            (folder / f"{path.stem}-{copy}.txt").write_text(f"{text}\n\nCopy {copy}.\n", "utf-8")
    return folder


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "claimledger", *args]


def run_killed(command: list[str], delay: float) -> bool:
    """Start `command`, kill -9 it after `delay` seconds; True if it was still running."""
    env = os.environ | {"OMP_NUM_THREADS": "1"}
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT
    )
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


def store_problem(db: Path) -> str | None:
    """Why the store at `db` is unusable, or None (a missing store is fine: never made)."""
    from claimledger.errors import StoreError
    from claimledger.store import Store

    if not db.exists():
        return None
    try:
        with Store.open(db) as store:
            store.document_ids()
            store.load_corpus()
    except StoreError as e:
        return str(e)
    conn = sqlite3.connect(db)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    return None if check == "ok" else f"integrity_check: {check}"


def _refuse_constant(name: str):
    raise ValueError(f"not strict JSON: {name}")


def output_problem(path: Path) -> str | None:
    """Why the output at `path` is cut or unparsable, or None (absent is fine)."""
    import networkx as nx

    if not path.exists():
        return None
    try:
        if path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"), parse_constant=_refuse_constant)
        elif path.suffix == ".csv":
            with path.open(encoding="utf-8", newline="") as f:
                rows = list(csv.reader(f))
            if not rows or any(len(r) != len(rows[0]) for r in rows):
                return f"{path.name}: ragged or empty"
        elif path.suffix == ".gexf":
            nx.read_gexf(path)
        elif path.suffix == ".graphml":
            nx.read_graphml(path)
        elif path.suffix == ".html" and not path.read_text("utf-8").rstrip().endswith("</html>"):
            return f"{path.name}: cut short"
    except Exception as e:  # any parser's failure is the finding
        return f"{path.name}: {type(e).__name__}: {e}"
    return None


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.glob("*") if p.name.endswith(".tmp"))


def check_after_kill(db: Path, out: Path) -> list[str]:
    problems = [p for p in [store_problem(db)] if p]
    problems += [p for name in OUTPUTS for p in [output_problem(out / name)] if p]
    return problems


def check_after_next_run(db: Path, out: Path, command: list[str]) -> list[str]:
    done = subprocess.run(command, capture_output=True, cwd=ROOT, check=False)
    if done.returncode not in (0, 3):
        return [f"next run exited {done.returncode}: {done.stderr.decode()[-300:]}"]
    problems = check_after_kill(db, out)
    expected = [n for n in OUTPUTS if n != "report.html" or "export" not in command]
    problems += [f"{name}: missing" for name in expected if not (out / name).exists()]
    problems += [f"left behind: {name}" for name in leftovers(out)]
    return problems


def timed(command: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(command, capture_output=True, cwd=ROOT, check=False)
    return time.perf_counter() - t0


def wipe(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)


def soak_command(
    name: str,
    work: Path,
    kills: int,
    rng: random.Random,
    corpus: Path,
    whole: float | None = None,
) -> dict:
    """Kill `name` `kills` times at moments spread over one whole run's duration, then run
    it once to the end; return the counts. `analyze` starts over from an empty store half
    the time, so kills land in every phase (reading, saving, reconciling, writing)."""
    db, out = work / f"{name}.sqlite", work / f"out-{name}"
    analyze = cli("analyze", str(corpus), "--out", str(out), "--db", str(db))
    if name == "analyze":
        command = analyze
        whole = whole or timed(
            cli(
                "analyze",
                str(corpus),
                "--out",
                str(work / "scratch"),
                "--db",
                str(work / "scratch.sqlite"),
            )
        )
    else:
        if not db.exists():  # a test may hand in a store it built
            subprocess.run(analyze, capture_output=True, cwd=ROOT, check=False)
        command = cli(name, "--db", str(db), "--out", str(out))
        whole = whole or timed(command)
    killed, found = 0, []
    for _ in range(kills):
        if name == "analyze" and rng.random() < 0.5:
            wipe(db)
        killed += run_killed(command, rng.uniform(0.2, 0.9 * whole))
        found += check_after_kill(db, out)
    final = check_after_next_run(db, out, command)
    return {"kills": killed, "problems_after_kills": found, "problems_after_next_run": final}


CREATE = """
import sys
from claimledger.store import Store
for i in range(int(sys.argv[2])):
    Store.open(f"{sys.argv[1]}/store-{i}.sqlite").close()
"""


def soak_create(work: Path, kills: int, rng: random.Random) -> dict:
    """Kill processes creating store after store; every store file left must open whole."""
    killed, found = 0, []
    for k in range(kills):
        folder = work / f"create-{k}"
        folder.mkdir()
        command = [sys.executable, "-c", CREATE, str(folder), "500"]
        killed += run_killed(command, rng.uniform(0.3, 1.5))
        found += [p for db in sorted(folder.glob("*.sqlite")) for p in [store_problem(db)] if p]
    return {"kills": killed, "problems_after_kills": found, "problems_after_next_run": []}


def soak(
    only: list[str],
    kills: int,
    seed: int,
    work: Path,
    copies: int = 8,
    whole: float | None = None,
) -> dict[str, dict]:
    """Soak each command in `only`; `whole` (seconds) spreads the kills over that time
    instead of timing one whole run first."""
    rng = random.Random(seed)
    corpus = make_corpus(work / "articles", copies)
    results = {}
    for name in only:
        t0 = time.perf_counter()
        if name == "create":
            results[name] = soak_create(work, kills, rng)
        else:
            results[name] = soak_command(name, work, kills, rng, corpus, whole)
        results[name]["seconds"] = round(time.perf_counter() - t0, 1)
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", nargs="+", default=["create", "analyze", "report", "export"])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = soak(args.only, args.kills, args.seed, Path(tmp))
    bad = 0
    for name, r in results.items():
        after, final = r["problems_after_kills"], r["problems_after_next_run"]
        bad += len(after) + len(final)
        print(
            f"{name}: kills={r['kills']} problems_after_kills={len(after)}"
            f" problems_after_next_run={len(final)} seconds={r['seconds']}"
        )
        for p in (after + final)[:10]:
            print(f"  {p}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
