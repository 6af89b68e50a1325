"""The lexicons extract/ reads: units, reporting verbs, hedges, claim roles (YAML files in
claimledger/data), each extended by the file of the same name in the user's --lexicon-dir
folders (`Settings.lexicon_dirs`).

The readers in claims.py, attribution.py and quantities.py call `load(name)` and
`words(name, key)` without settings: `extract` says which folders apply for the document it
is extracting with `using(dirs)`, and each (name, folders) pair is read and merged once per
process. The pipeline's spaCy components never see these files, so a user who extends one
only has to re-run extract.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

from .. import lexicons
from ..errors import LexiconError

# A context variable rather than a module global: the dask scheduler may extract documents
# with different settings in threads of one process.
_DIRS: ContextVar[tuple[Path, ...]] = ContextVar("claimledger_extract_lexicon_dirs", default=())


@contextmanager
def using(dirs: Iterable[Path | str]) -> Iterator[None]:
    """Within the block, `load` and `words` merge in the user files found in `dirs`."""
    token = _DIRS.set(tuple(Path(d) for d in dirs))
    try:
        yield
    finally:
        _DIRS.reset(token)


def current_dirs() -> tuple[Path, ...]:
    """The user folders in force: a key for caches of things built from the lexicons."""
    return _DIRS.get()


def load(name: str) -> dict[str, Any]:
    """The lexicon `name` (e.g. "units") as a dict: the bundled file, then the user's."""
    return _load(name, _DIRS.get())


def words(name: str, key: str) -> frozenset[str]:
    """One list of a lexicon, lowercased, as a set."""
    return _words(name, key, _DIRS.get())


@cache
def _load(name: str, dirs: tuple[Path, ...]) -> dict[str, Any]:
    try:
        found = lexicons.sources(f"{name}.yaml", dirs)
    except OSError as e:  # a bundled file missing from a broken install
        raise LexiconError(f"claimledger/data/{name}.yaml", f"cannot be read ({e})") from e
    merged: dict[str, Any] = {}
    for _label, data in found:
        merged = _merge(merged, data)
    return merged


@cache
def _words(name: str, key: str, dirs: tuple[Path, ...]) -> frozenset[str]:
    return frozenset(str(w).lower() for w in _load(name, dirs).get(key) or ())


def _merge(base: Any, extra: Any) -> Any:
    """A user's file extends the bundled one: lists gain its items, mappings its keys (a key
    both have is merged the same way), and anything else is replaced by the user's value."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = _merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra
