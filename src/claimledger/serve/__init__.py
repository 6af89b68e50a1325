"""A local web UI over a store: the report's pages plus full-text search and filters.

    serve("out/ledger.sqlite")            # http://127.0.0.1:8765/

Served by waitress, a production WSGI server (issue 12: the standard library's server gave
every connection a thread forever, queued 5 and had no timeouts). Its event loop reads and
buffers whole requests, so slow or idle clients hold no worker thread; a fixed pool of
workers runs the application; idle connections close after `CHANNEL_TIMEOUT`. The
application (app.py) answers only `Host` names of the address it is bound to (DNS
rebinding), reuses the report's templates, so pages escape the same way and carry the same
Content-Security-Policy, sent as a header too.
"""

from __future__ import annotations

import gc
import logging
import threading
from pathlib import Path

from ..store import Store
from .app import ClaimRow, HitView, LedgerApp, highlight, hit_view
from .hosts import HostCheck

__all__ = [
    "ClaimRow",
    "HitView",
    "LedgerServer",
    "highlight",
    "hit_view",
    "make_server",
    "serve",
    "settle_heap",
]

log = logging.getLogger(__name__)

# Sized for one person's browser plus scripts: 200 concurrent loopback clients are served
# without an error (bench/serve_load.py); more connections wait in the listen backlog.
THREADS = 8  # worker threads: searches are short SQL queries, the rest waits on sockets
BACKLOG = 1024  # the listen queue (the standard library's server had 5)
CONNECTION_LIMIT = 1000  # open connections before the server stops accepting for a while
CHANNEL_TIMEOUT = 30  # seconds an idle connection (or one mid-request, silent) is kept
MAX_HEADER_BYTES = 64 * 1024  # GET requests only: no page needs more
MAX_BODY_BYTES = 64 * 1024


class LedgerServer:
    """The waitress server for one store: bound on creation; `serve_forever()` (in a thread
    for tests) until `shutdown()`, then `server_close()`."""

    def __init__(self, store: Store, host: str, port: int) -> None:
        from waitress.server import create_server

        # waitress warns whenever a request waits for a worker; with a bounded pool under
        # load that is the design working, not a fault: keep its errors only.
        logging.getLogger("waitress.queue").setLevel(logging.ERROR)
        self._map: dict = {}
        self.app = LedgerApp(store, HostCheck(host, port))
        try:
            self._server = self._create(create_server, host, port)
        except BaseException:
            # a port in use: waitress has made its wake-up pipe and socket by then
            from waitress import wasyncore

            wasyncore.close_all(self._map, ignore_all=True)
            raise
        # port 0 picks a free port: check Host against the one the system gave
        self.app.hosts = HostCheck(host, self.port)
        self._stop = threading.Event()
        self._stopped = threading.Event()
        self._stopped.set()

    def _create(self, create_server, host: str, port: int):
        return create_server(
            self.app,
            map=self._map,
            host=host,
            port=port,
            threads=THREADS,
            backlog=BACKLOG,
            connection_limit=CONNECTION_LIMIT,
            channel_timeout=CHANNEL_TIMEOUT,
            cleanup_interval=max(1, CHANNEL_TIMEOUT // 6),
            max_request_header_size=MAX_HEADER_BYTES,
            max_request_body_size=MAX_BODY_BYTES,
            asyncore_use_poll=True,  # select() stops at 1024 descriptors
            ident="claimledger",
            expose_tracebacks=False,
            clear_untrusted_proxy_headers=True,
        )

    @property
    def host(self) -> str:
        return str(self._server.effective_host)

    @property
    def port(self) -> int:
        return int(self._server.effective_port)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def serve_forever(self) -> None:
        from waitress import wasyncore

        self._stopped.clear()
        try:
            while not self._stop.is_set() and self._map:
                wasyncore.loop(timeout=0.5, map=self._map, use_poll=True, count=1)
        finally:
            self._server.task_dispatcher.shutdown()
            wasyncore.close_all(self._map, ignore_all=True)
            self._stopped.set()

    def shutdown(self) -> None:
        """Stop `serve_forever` (from another thread) and wait until it has."""
        self._stop.set()
        self._server.pull_trigger()  # wakes the event loop at once
        self._stopped.wait()

    def server_close(self) -> None:
        from waitress import wasyncore

        wasyncore.close_all(self._map, ignore_all=True)
        self.app.close()


def make_server(store: Store, host: str = "127.0.0.1", port: int = 8765) -> LedgerServer:
    """A server over `store`, bound but not yet serving (port 0 picks a free port); call
    `serve_forever()` (in a thread for tests) and `shutdown()`."""
    return LedgerServer(store, host, port)


def settle_heap() -> None:
    """For a process that only serves, once it is set up: collect, then move every object
    alive now (modules, templates, the server) out of the collector's sight (gc.freeze).

    A full collection holds the GIL, so every request in flight waits for it; over the ~40k
    objects a serving process holds after its imports it took 28-50 ms of CPU (76-565 ms of
    wall time under load on the shared machine). Frozen, it walks only what requests
    allocated since. Garbage made later is collected as before; nothing alive now was ever
    going to be freed."""
    gc.collect()
    gc.freeze()


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8765) -> None:
    """Serve the store at `db_path` until interrupted."""
    with Store.open(db_path) as store:
        server = make_server(store, host, port)
        settle_heap()
        log.info("serving %s at %s", db_path, server.url)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            log.info("stopped")
        finally:
            server.server_close()
