"""Load test of the web UI on loopback: latency, errors and server memory under many clients.

    .venv/bin/python bench/serve_load.py [--documents 1408] [--clients 50 200] [--seconds 30]
                                         [--db STORE] [--think 4] [--identity] [--stagger]
                                         [--reference]

Builds a store of `--documents` synthetic articles (bench/synthetic.py claims and about 4 KB
of words with prose-like frequencies each, reconciled into facts) unless `--db` names one, starts `claimledger serve` on it
in its own process on 127.0.0.1, and runs each number of `--clients` for `--seconds`. A
client is a person at a browser: it asks for a page (searches by words, by filter, by both;
the report; ledger.json), reads it, waits a random 0-`--think` seconds (2 s on average: a
person reading, then clicking), asks again, on one keep-alive connection. Like every
browser it sends `Accept-Encoding: gzip` (`--identity` leaves it out: every body then comes
uncompressed, 24 MB for the report and 39 MB for ledger.json); a gzipped body is
decompressed and checked after its time is taken. 50 clients then
offer about 25 requests a second; `--think 0` makes each client ask as fast as it is
answered, which measures throughput rather than a person's wait. Before the load, each page is asked for alone, one at a time: that
latency is the baseline.

The mix has 79 distinct pages and the server keeps rendered pages per state of the store
(serve/bodies.py), so under load, as in the baseline after its warm-up pass, a search is
answered from that cache, as a person's repeated search would be.

All clients start at once, so the first request of every client arrives in one burst (50
requests in the same millisecond, each opening its connection); `--stagger` starts each
client 0-`--think` seconds in instead, as people already reading would: the steady load.
With 50 clients the burst is 7% of a 30 s run's requests, so it alone can set the p99.

Prints per run: requests, errors (any non-200, reset or timeout), requests per second, p50
and p99 latency, the ratio of that p99 to a single request's latency (the median page asked
for alone), the 99th percentile of each request's latency over its own page's alone (what
the load adds, whatever the page's size: ledger.json, gzipped, is 90 times the median
page's bytes), and the server's resident memory before, at its highest, and after. Issue
12's targets: 50 clients p99 within 20x of a single request's with 0 errors, 200 clients 0
errors, memory flat. A second line says where the p99 comes from: the p99 of requests begun
after the first second (without the start burst) and the p99 of each kind of page (searches,
the report, ledger.json).

`--reference` runs the same clients, mix and bodies against a bare server instead: a
single-threaded asyncio loop in its own process that answers each page with the bytes our
server sent for it (fetched once, same headers that matter), doing nothing else. Its
figures are the floor this machine and these clients set -- what any server written in
Python would at best get here -- so the distance between the two lines is the server's part.
Everything stays on 127.0.0.1 and ends when the runs do.
"""

from __future__ import annotations

import argparse
import asyncio
import pickle
import random
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

HOST = "127.0.0.1"
TIMEOUT = 30.0  # a request slower than this counts as an error
WORDS = [
    "harbour",
    "grain",
    "convoy",
    "tariff",
    "ministry",
    "pipeline",
    "drought",
    "reserves",
    "ceasefire",
    "quota",
]


def build_store(path: Path, documents: int) -> None:
    """`documents` articles of synthetic claims, with text around them, reconciled."""
    from dataclasses import replace

    from claimledger.models import Corpus
    from claimledger.reconcile import reconcile
    from claimledger.store import Store
    from synthetic import synthetic_analyses

    rng = random.Random(7)
    analyses = synthetic_analyses(documents * 12, seed=3)[:documents]
    # Prose-like word frequencies (Zipf over 5,000 words, the searched words among them at
    # ranks 50-59), so a searched word is in some articles, as in news, not in every one.
    vocabulary = [f"w{i}" for i in range(5000)]
    vocabulary[50:60] = WORDS
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    with Store.open(path) as store:
        for a in analyses:
            text = "".join(c.text.ljust(100) for c in a.claims)
            filler = " ".join(rng.choices(vocabulary, weights, k=450))
            store.save_analysis(replace(a, document=replace(a.document, text=text + filler)))
        relations, facts = reconcile(analyses)
        store.save_reconciliation(
            Corpus(analyses=tuple(analyses), entities=(), relations=relations, facts=facts)
        )


def pages(db: Path) -> list[str]:
    """The mix of pages clients ask for, with what the store holds."""
    import sqlite3

    conn = sqlite3.connect(db)
    outlets = [r[0] for r in conn.execute("SELECT DISTINCT outlet FROM documents LIMIT 8")]
    measures = [r[0] for r in conn.execute("SELECT DISTINCT measure FROM claims LIMIT 8")]
    subjects = [r[0] for r in conn.execute("SELECT DISTINCT subject FROM claims LIMIT 8") if r[0]]
    conn.close()
    q = lambda s: s.replace(" ", "+")  # noqa: E731
    # Words alone and in pairs, words with an outlet, each filter: 79 pages in all.
    searches = [f"/search?q={w}" for w in WORDS]
    searches += [f"/search?q={a}+{b[:3]}" for a in WORDS[:5] for b in WORDS[5:]]
    searches += [f"/search?verdict={v}" for v in ("conflict", "agree")]
    searches += [f"/search?outlet={q(o)}&q={w}" for o in outlets for w in WORDS[:3]]
    searches += [f"/search?measure={q(m)}" for m in measures]
    searches += [f"/search?entity={q(s)}&verdict=conflict" for s in subjects]
    return [*searches, "/", "/ledger.json"]


ACCEPT = "Accept-Encoding: gzip, deflate\r\n"  # as browsers send it (we serve gzip)


async def fetch(reader, writer, port: int, path: str, accept: str = ACCEPT):
    """(status, body as sent, whether it is gzipped)."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\n{accept}\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = [h.lower() for h in head.decode("latin-1").split("\r\n")]
    status = int(lines[0].split()[1])
    length = next(int(h.split(":", 1)[1]) for h in lines if h.startswith("content-length:"))
    body = await reader.readexactly(length)
    return status, body, "content-encoding: gzip" in lines


async def inflate(body: bytes) -> None:
    """Decompress a gzipped body (zlib.error if it is not gzip), after its time is taken
    and in a thread (zlib lets go of the GIL), so that it delays no other client's reading:
    a browser inflates as the bytes arrive."""
    await asyncio.get_running_loop().run_in_executor(None, zlib.decompress, body, 31)


async def client(port, mix, until, think, rng, out, errors, accept, stagger=False) -> None:
    conn = None
    if stagger:  # a person already reading when the run begins
        await asyncio.sleep(rng.uniform(0, think))
    while time.monotonic() < until:
        path = rng.choice(mix)
        t0 = time.perf_counter()
        try:
            if conn is None:
                conn = await asyncio.wait_for(asyncio.open_connection(HOST, port), TIMEOUT)
            status, body, gzipped = await asyncio.wait_for(
                fetch(*conn, port, path, accept), TIMEOUT
            )
            elapsed = time.perf_counter() - t0
            if status != 200:
                errors.append(f"{path}: HTTP {status}")
            elif gzipped:
                await inflate(body)
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError, zlib.error) as e:
            errors.append(f"{path}: {type(e).__name__}")
            if conn is not None:
                conn[1].close()
            conn = None
        else:
            out.append((path, t0, elapsed))
        await asyncio.sleep(rng.uniform(0, think))
    if conn is not None:
        conn[1].close()


async def load(port, mix, clients, seconds, think, seed, accept, stagger=False):
    until = time.monotonic() + seconds
    out: list = []
    errors: list = []
    rng = random.Random(seed)
    await asyncio.gather(
        *(
            client(
                port, mix, until, think, random.Random(rng.random()), out, errors, accept, stagger
            )
            for _ in range(clients)
        )
    )
    return out, errors


async def alone(port, mix, accept: str, repeat: int = 5) -> dict[str, float]:
    """Each page's median latency asked for alone."""
    conn = await asyncio.open_connection(HOST, port)
    base = {}
    for path in mix:
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            await fetch(*conn, port, path, accept)
            times.append(time.perf_counter() - t0)
        base[path] = statistics.median(times)
    conn[1].close()
    return base


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def p(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


async def watch_memory(pid: int, samples: list, stop: asyncio.Event) -> None:
    while not stop.is_set():
        samples.append(rss_mib(pid))
        await asyncio.sleep(0.5)


async def run(port, pid, mix, clients, seconds, think, base, accept, stagger) -> None:
    samples: list[float] = []
    stop = asyncio.Event()
    watcher = asyncio.create_task(watch_memory(pid, samples, stop))
    before = rss_mib(pid)
    out, errors = await load(port, mix, clients, seconds, think, clients, accept, stagger)
    stop.set()
    await watcher
    after = rss_mib(pid)
    nan = float("nan")
    latencies = [dt for _, _, dt in out] or [nan]
    single = statistics.median(base.values())
    print(
        f"clients={clients} seconds={seconds:g} requests={len(out)} errors={len(errors)}"
        f" req_per_s={len(out) / seconds:.1f} p50_ms={1000 * p(latencies, 0.5):.1f}"
        f" p99_ms={1000 * p(latencies, 0.99):.1f}"
        f" p99_over_single={p(latencies, 0.99) / single:.1f}"
        f" p99_over_own_page={p([dt / base[path] for path, _, dt in out] or [nan], 0.99):.1f}"
        f" rss_mib before={before:.1f} max={max(samples, default=after):.1f} after={after:.1f}",
        flush=True,
    )
    print(f"  where: {breakdown(out)}", flush=True)
    for e in sorted(set(errors))[:10]:
        print(f"  error: {e}")


def kind(path: str) -> str:
    return {"/": "report", "/ledger.json": "ledger"}.get(path, "search")


def breakdown(out: list) -> str:
    """p99 without the start burst (requests begun in the first second), then each kind
    of page's count and p99: which requests the p99 is made of."""
    if not out:
        return "no requests"
    start = min(t0 for _, t0, _ in out)
    steady = [dt for _, t0, dt in out if t0 - start >= 1.0]
    parts = [f"after_1s p99_ms={1000 * p(steady, 0.99):.1f} (n={len(steady)})" if steady else ""]
    for name in ("search", "report", "ledger"):
        times = [dt for path, _, dt in out if kind(path) == name]
        if times:
            parts.append(f"{name} n={len(times)} p99_ms={1000 * p(times, 0.99):.1f}")
    return " ".join(x for x in parts if x)


def start_server(db: Path) -> tuple[subprocess.Popen, int]:
    return _start(["-m", "claimledger", "serve", "--db", str(db), "--host", HOST, "--port", "0"])


def _start(args: list[str]) -> tuple[subprocess.Popen, int]:
    proc = subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()  # "serving DB on http://127.0.0.1:PORT/ (Ctrl-C stops)"
    port = int(line.split(f"http://{HOST}:")[1].split("/")[0])
    return proc, port


async def capture(port: int, mix: list[str], accept: str) -> dict[str, bytes]:
    """Each page as our server answers it, as a whole HTTP response to replay: its status,
    the headers the clients read, its body (gzipped when it came so)."""
    reader, writer = await asyncio.open_connection(HOST, port)
    replies = {}
    for path in mix:
        status, body, gzipped = await fetch(reader, writer, port, path, accept)
        head = f"HTTP/1.1 {status} -\r\nContent-Length: {len(body)}\r\n"
        head += "Content-Encoding: gzip\r\n" if gzipped else ""
        replies[path] = head.encode() + b"\r\n" + body
    writer.close()
    return replies


def start_reference(replies: dict[str, bytes], folder: Path) -> tuple[subprocess.Popen, int]:
    """The bare server (`--serve-reference`) in its own process, replaying `replies`."""
    path = folder / "replies.pickle"
    path.write_bytes(pickle.dumps(replies))
    return _start([__file__, "--serve-reference", str(path)])


def serve_reference(replies_path: Path) -> None:
    """Answer every request on one asyncio loop with the captured bytes for its path, on
    keep-alive connections, and nothing else: no parsing past the request line."""
    replies = pickle.loads(replies_path.read_bytes())
    missing = b"HTTP/1.1 404 -\r\nContent-Length: 0\r\n\r\n"

    async def handle(reader, writer) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ", 2)[1].decode("latin-1")
                writer.write(replies.get(path, missing))
                await writer.drain()
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        server = await asyncio.start_server(handle, HOST, 0, backlog=1024)
        print(f"serving on http://{HOST}:{server.sockets[0].getsockname()[1]}/", flush=True)
        await server.serve_forever()

    asyncio.run(main())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=1408)
    ap.add_argument("--clients", type=int, nargs="+", default=[50, 200])
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--think", type=float, default=4.0, help="most seconds between requests")
    ap.add_argument("--db", type=Path)
    ap.add_argument("--identity", action="store_true", help="no Accept-Encoding: gzip")
    ap.add_argument("--stagger", action="store_true", help="each client starts 0-think s in")
    ap.add_argument(
        "--reference", action="store_true", help="the same load against a bare server: the floor"
    )
    ap.add_argument("--serve-reference", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve_reference:
        serve_reference(args.serve_reference)
        return
    accept = "" if args.identity else ACCEPT
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "ledger.sqlite"
            t0 = time.perf_counter()
            build_store(db, args.documents)
            print(f"store: {args.documents} documents in {time.perf_counter() - t0:.1f} s")
        proc, port = start_server(db)
        try:
            mix = pages(db)
            asyncio.run(alone(port, mix, accept, repeat=1))  # warm: renders the report, ledger.json
            if args.reference:
                replies = asyncio.run(capture(port, mix, accept))
                proc.terminate()
                proc.wait(timeout=30)
                proc, port = start_reference(replies, Path(tmp))
                print("reference: a bare asyncio server replaying the same bytes")
            base = asyncio.run(alone(port, mix, accept, repeat=3))
            alone_ms = sorted(1000 * v for v in base.values())
            print(
                f"single requests, one at a time over {len(mix)} pages:"
                f" median_ms={statistics.median(alone_ms):.1f} p99_ms={p(alone_ms, 0.99):.1f}"
                f" slowest={max(base, key=base.get)} ({max(alone_ms):.1f} ms)"
            )
            for clients in args.clients:
                asyncio.run(
                    run(
                        port,
                        proc.pid,
                        mix,
                        clients,
                        args.seconds,
                        args.think,
                        base,
                        accept,
                        args.stagger,
                    )
                )
        finally:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
