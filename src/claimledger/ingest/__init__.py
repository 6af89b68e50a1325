"""Read inputs into Documents (`ingest`) and read their metadata and page chrome (`inspect`).

files, folders, "-", .jsonl lines, URLs ─ingest─> Document | Skipped
Document ─inspect─> DocumentMeta (title, author, outlet, date, chrome)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from ..config import Settings
from ..errors import InputError
from ..models import Document, Skipped
from .meta import inspect
from .read import expand, printable, read

__all__ = ["expand", "ingest", "inspect"]


def ingest(inputs: Sequence[str | Path], settings: Settings) -> Iterator[Document | Skipped]:
    """Yield one Document per readable article and one Skipped, with its reason, per input
    that cannot be read. No InputError escapes: the batch always runs to its end."""
    for raw in inputs:
        try:
            items = expand(raw)
        except InputError as e:
            yield _skipped(e.path, e.reason)
            continue
        for item in items:
            try:
                for found in read(item, settings):
                    yield (
                        _skipped(found.path, found.reason) if isinstance(found, Skipped) else found
                    )
            except InputError as e:
                yield _skipped(e.path, e.reason)


def _skipped(path: str, reason: str) -> Skipped:
    """A Skipped that prints as one line: control characters (a newline, a terminal escape
    in a file name) and bytes that are not UTF-8 shown escaped."""
    return Skipped(path=printable(path), reason=printable(reason))
