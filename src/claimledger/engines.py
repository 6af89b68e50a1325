"""Where the annotate + extract work runs: in this process, in a pool of local processes, or
on a Dask cluster (a LocalCluster sized to the machine, or one joined by its address).

Every engine takes batches of ingested `Document`s (plain text and its hints: what crosses a
process or a network boundary is text, never a spaCy Doc) and gives back, batch by batch as
each one completes, the `Analysis` of every document (or a `Skipped` when one could not be
analysed). At most `window` batches are in flight, so memory stays flat however many
articles the inputs hold, and the caller stores each batch the moment it arrives.

Each worker builds its spaCy pipeline once and runs its math libraries on one thread: with
one process per core, BLAS threads only fight each other (issue 11 measured 3-5x slowdowns
under load from oversubscription).
"""

from __future__ import annotations

import logging
import os
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace

from .config import Settings
from .errors import ClaimledgerError
from .models import Analysis, Document, Skipped

log = logging.getLogger(__name__)

# Math-library thread counts read once, when each library loads: set before spaCy/NumPy are
# imported (the CLI and pool workers do), and enforced again with threadpoolctl after.
THREAD_ENV = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)

Outcome = Analysis | Skipped
Batch = list[Document]

_NLP: dict[tuple, object] = {}  # one spaCy pipeline per worker process and configuration


def usable_cpus() -> int:
    """The cores this process may run on (its affinity mask or cgroup quota, not the
    machine's count), at least 1."""
    count = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if count is not None:
        return max(1, count() or 1)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def single_threaded_env() -> None:
    """Ask every math library for one thread, unless the user chose a count already."""
    for name in THREAD_ENV:
        os.environ.setdefault(name, "1")


def _limit_threads() -> None:
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)


def _worker_nlp(settings: Settings):
    from .nlp import build_nlp

    key = (settings.model, settings.lexicon_dirs, settings.use_blis, settings.max_bytes)
    nlp = _NLP.get(key)
    if nlp is None:
        nlp = _NLP[key] = build_nlp(settings)
        _limit_threads()  # after the load: threadpoolctl reaches the libraries loaded by then
    return nlp


def analyze_batch(documents: Batch, settings: Settings) -> list[Outcome]:
    """Inspect, annotate and extract one batch, in whichever process runs it. A document
    whose analysis raises becomes a Skipped naming the error, so one bad article costs
    only itself: the batch is retried one document at a time to find it."""
    from .pipeline import analyze_documents

    # the worker is one of the processes: spaCy must not start a pool of its own inside it
    settings = replace(settings, n_process=1)
    nlp = _worker_nlp(settings)
    try:
        return list(analyze_documents(documents, settings, nlp=nlp))
    except Exception:
        if len(documents) == 1:
            return [_failed(documents[0])]
    outcomes: list[Outcome] = []
    for document in documents:
        try:
            outcomes.extend(analyze_documents([document], settings, nlp=nlp))
        except Exception:
            outcomes.append(_failed(document))
    return outcomes


def _failed(document: Document) -> Skipped:
    log.debug("analysis of %s failed:\n%s", document.path, traceback.format_exc())
    exc = traceback.format_exc(limit=0).strip().splitlines()[-1]
    return Skipped(path=document.path, reason=f"analysis failed ({exc[:200]})")


def _pool_initializer() -> None:
    single_threaded_env()


@dataclass
class _Pending:
    batch: Batch
    attempt: int = 0


class Engine:
    """Runs `analyze_batch` over a stream of batches; subclasses say where."""

    workers = 1
    retries = 2  # a batch whose worker died is sent again this many times
    # what each worker runs on a batch: a module-level function, so workers can import it
    task: Callable[[Batch, Settings], list[Outcome]] = staticmethod(analyze_batch)

    def run(self, batches: Iterable[Batch], settings: Settings) -> Iterator[list[Outcome]]:
        yield from (self.task(batch, settings) for batch in batches)

    def close(self, *, abort: bool = False) -> None:
        """Release the workers; `abort` (Ctrl-C, an error) does not wait for batches
        in flight, whose documents the next run analyses."""

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, exc_type, *exc: object) -> None:
        self.close(abort=exc_type is not None)


class _Windowed(Engine):
    """Keeps `window` batches in flight and yields each result as soon as it completes."""

    window_per_worker = 2

    def _submit(self, batch: Batch, settings: Settings):
        raise NotImplementedError

    def _wait_any(self, futures: list) -> Iterable:
        raise NotImplementedError

    def _lost(self, future, exc: BaseException) -> bool:
        """True when `exc` means the worker was lost (resubmit), not that the task failed."""
        return False

    def run(self, batches: Iterable[Batch], settings: Settings) -> Iterator[list[Outcome]]:
        todo = iter(batches)
        pending: dict[object, _Pending] = {}
        window = max(1, self.workers * self.window_per_worker)

        def fill() -> None:
            while len(pending) < window:
                batch = next(todo, None)
                if batch is None:
                    return
                pending[self._submit(batch, settings)] = _Pending(batch)

        fill()
        while pending:
            for future in self._wait_any(list(pending)):
                item = pending.pop(future)
                try:
                    outcome = future.result()
                except Exception as exc:
                    if not self._lost(future, exc):
                        raise
                    outcome = self._retry(item, exc, pending, settings)
                if outcome is not None:
                    yield outcome
            fill()

    def _retry(self, item: _Pending, exc: BaseException, pending: dict, settings: Settings):
        if item.attempt >= self.retries:
            reason = f"its worker was lost {item.attempt + 1} times ({type(exc).__name__})"
            return [Skipped(path=d.path, reason=reason) for d in item.batch]
        log.warning("a worker was lost (%s); sending its batch again", type(exc).__name__)
        item.attempt += 1
        pending[self._submit(item.batch, settings)] = item
        return None


class ProcessEngine(_Windowed):
    """`workers` local processes, each with its own pipeline (started fresh with spawn:
    forking a process that holds Dask's or the web server's threads is not safe)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        import multiprocessing

        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_pool_initializer,
        )

    def _submit(self, batch: Batch, settings: Settings):
        try:
            return self._pool.submit(self.task, batch, settings)
        except BrokenProcessPool:  # a worker died: the whole pool is unusable, start anew
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()
            return self._pool.submit(self.task, batch, settings)

    def _wait_any(self, futures: list) -> Iterable:
        done, _ = wait(futures, return_when=FIRST_COMPLETED)
        return done

    def _lost(self, future, exc: BaseException) -> bool:
        return isinstance(exc, BrokenProcessPool)

    def close(self, *, abort: bool = False) -> None:
        if abort:
            # Ctrl-C or an error: stop the workers now rather than let the interpreter's
            # exit wait for their batches (the executor has no public way before 3.14).
            terminate = getattr(self._pool, "terminate_workers", None)
            if terminate is not None:
                terminate()
            else:
                for process in list((getattr(self._pool, "_processes", None) or {}).values()):
                    process.terminate()
        self._pool.shutdown(wait=not abort, cancel_futures=True)


class DaskEngine(_Windowed):
    """Batches as tasks on a dask.distributed cluster: a LocalCluster with one single-threaded
    worker process per usable core, or the cluster whose scheduler is at `address`. Dask
    itself reschedules the tasks of a worker that dies (up to its `allowed-failures`); the
    `retries` here cover a task that fails for another reason on its way."""

    def __init__(
        self,
        address: str | None = None,
        workers: int | None = None,
        *,
        on_dashboard: Callable[[str], None] | None = None,
    ) -> None:
        from distributed import Client, LocalCluster

        self._cluster = None
        # the scheduler and workers log every start and stop at INFO: not the user's concern
        logging.getLogger("distributed").setLevel(logging.WARNING)
        if address is None:
            self._cluster = LocalCluster(
                n_workers=workers or usable_cpus(),
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address="127.0.0.1:0",
            )
            self._client = Client(self._cluster)
        else:
            self._client = Client(address, timeout="30s")
            try:  # a cluster with no worker would take the batches and never answer
                self._client.wait_for_workers(1, timeout=60)
            except TimeoutError as exc:
                self._client.close()
                raise ClaimledgerError(f"the Dask cluster at {address} has no worker") from exc
        info = self._client.scheduler_info()
        self.workers = max(1, sum(w.get("nthreads", 1) for w in info["workers"].values()))
        if on_dashboard is not None:
            on_dashboard(self._client.dashboard_link)

    def _submit(self, batch: Batch, settings: Settings):
        return self._client.submit(self.task, batch, settings, retries=self.retries, pure=False)

    def _wait_any(self, futures: list) -> Iterable:
        from distributed import wait as dask_wait

        done, _ = dask_wait(futures, return_when="FIRST_COMPLETED")
        return done

    def _lost(self, future, exc: BaseException) -> bool:
        from distributed import KilledWorker

        return isinstance(exc, KilledWorker)

    def close(self, *, abort: bool = False) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_engine(
    processes: int,
    *,
    dask: bool = False,
    scheduler: str | None = None,
    on_dashboard: Callable[[str], None] | None = None,
) -> Engine:
    """The engine for the CLI's options: `scheduler` joins a cluster, `dask` starts a local
    one, more than one process starts a pool, else everything runs in this process."""
    if scheduler is not None:
        return DaskEngine(scheduler, on_dashboard=on_dashboard)
    if dask:
        return DaskEngine(workers=processes, on_dashboard=on_dashboard)
    if processes > 1:
        return ProcessEngine(processes)
    return Engine()
