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
from .read import expand, read

__all__ = ["expand", "ingest", "inspect"]


def ingest(inputs: Sequence[str | Path], settings: Settings) -> Iterator[Document | Skipped]:
    """Yield one Document per readable article and one Skipped, with its reason, per input
    that cannot be read. No InputError escapes: the batch always runs to its end."""
    for raw in inputs:
        try:
            items = expand(raw)
        except InputError as e:
            yield Skipped(path=e.path, reason=e.reason)
            continue
        for item in items:
            try:
                yield from read(item, settings)
            except InputError as e:
                yield Skipped(path=e.path, reason=e.reason)
