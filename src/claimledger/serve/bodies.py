"""Response bodies made once per store state (the report, ledger.json), kept as sent.

On 1,408 documents the report is 24 MB and ledger.json 39 MB: sending them, not making
them, was what made a loaded server slow (issue 12). So a large body is also kept gzipped
(compressed once, when it is made; every browser asks for gzip), and both are handed to
the server as a file (`wsgi.file_wrapper` over the bytes in memory): waitress then sends
from the kept bytes instead of first copying a body over 1 MB into a temporary file on
disk for each request.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

GZIP_MIN = 64 * 1024  # smaller bodies cost more to compress than they save on the wire
GZIP_LEVEL = 6  # zlib's default: 39 MB of JSON to 3.8 MB in about 1.3 s, once per state


@dataclass(frozen=True, slots=True)
class Body:
    plain: bytes
    gzipped: bytes | None  # None when the body is too small to be worth compressing
    etag: str  # the plain body's digest, quoted; the gzipped variant's ends in "-gz"

    @classmethod
    def of(cls, data: bytes) -> Body:
        packed = gzip.compress(data, GZIP_LEVEL, mtime=0) if len(data) >= GZIP_MIN else None
        return cls(data, packed, f'"{hashlib.blake2b(data, digest_size=12).hexdigest()}"')

    def choose(self, accept_encoding: str | None) -> tuple[bytes, str | None, str]:
        """(bytes to send, their Content-Encoding or None, their ETag) for the client."""
        if self.gzipped is not None and accepts_gzip(accept_encoding):
            return self.gzipped, "gzip", self.etag[:-1] + '-gz"'
        return self.plain, None, self.etag


def accepts_gzip(header: str | None) -> bool:
    """Whether an Accept-Encoding header allows gzip (RFC 9110 12.5.3: `gzip` or `*` with
    a q-value above 0; `gzip;q=0` refuses it)."""
    if not header:
        return False
    star = False
    for item in header.split(","):
        name, _, params = item.partition(";")
        name = name.strip().lower()
        if name not in ("gzip", "x-gzip", "*"):
            continue
        allowed = _q(params) > 0
        if name != "*":
            return allowed
        star = allowed
    return star


def _q(params: str) -> float:
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "q":
            try:
                return float(value.strip())
            except ValueError:
                return 0.0
    return 1.0


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an If-None-Match header names `etag` (weak comparison, RFC 9110 13.1.2)."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    return any(tag.strip().removeprefix("W/") == etag for tag in if_none_match.split(","))


def as_file(environ: dict, data: bytes) -> Iterable[bytes]:
    """`data` as the WSGI server's file wrapper when it has one (no copy: BytesIO shares
    the bytes until written to), else as one chunk."""
    wrapper = environ.get("wsgi.file_wrapper")
    if wrapper is None or len(data) < GZIP_MIN:
        return [data]
    return wrapper(io.BytesIO(data))


class Pages:
    """Rendered pages of one store state, the least recently asked for dropped first past
    `budget` bytes: a search asked again (a reload, the back button, a shared link) costs
    no SQL and no rendering. A new state empties it."""

    def __init__(self, budget: int = 32 * 1024 * 1024) -> None:
        self.budget = budget
        self._lock = threading.Lock()
        self._state: tuple | None = None
        self._pages: OrderedDict[Hashable, Body] = OrderedDict()
        self._bytes = 0

    def get(self, state: tuple, key: Hashable) -> Body | None:
        with self._lock:
            if state != self._state:
                return None
            body = self._pages.get(key)
            if body is not None:
                self._pages.move_to_end(key)
            return body

    def put(self, state: tuple, key: Hashable, body: Body) -> None:
        size = _size(body)
        if size > self.budget:
            return
        with self._lock:
            if state != self._state:
                self._state, self._pages, self._bytes = state, OrderedDict(), 0
            old = self._pages.pop(key, None)
            self._bytes += size - (_size(old) if old else 0)
            self._pages[key] = body
            while self._bytes > self.budget:
                _, dropped = self._pages.popitem(last=False)
                self._bytes -= _size(dropped)


def _size(body: Body) -> int:
    return len(body.plain) + len(body.gzipped or b"")
