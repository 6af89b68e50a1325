"""Atomic output files: a reader, or the next run after a kill -9, sees the old file or the
new one whole, never a cut or empty one (issue 12).

Each file is written to a hidden temporary beside it (same folder, so same file system),
flushed and fsynced, then renamed over the target; the folder is fsynced so the rename
itself survives a power cut. A temporary a killed run left behind is swept by the next.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

_PREFIX = ".claimledger-"
_SUFFIX = ".tmp"
# .claimledger-<name>.<pid>.<random>.tmp; ledger.json.tmp is what earlier versions wrote.
_OURS = re.compile(
    rf"^{re.escape(_PREFIX)}.+\.(\d+)\.[^.]+{re.escape(_SUFFIX)}$|^ledger\.json\.tmp$"
)


@contextlib.contextmanager
def atomic_file(path: Path, mode: str = "w", **open_args) -> Iterator[IO]:
    """Open a temporary for writing; on a clean exit it replaces `path`, on an error it
    is removed and `path` is left as it was. `mode` is "w" (text, UTF-8 by default) or "wb"."""
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_file writes only, got mode {mode!r}")
    path = Path(path)
    if "b" not in mode:
        open_args.setdefault("encoding", "utf-8")
        # A lone surrogate (a file name that was not UTF-8) is written as a visible "\udcff"
        # rather than failing the whole file.
        open_args.setdefault("errors", "backslashreplace")
    fd, tmp_name = tempfile.mkstemp(
        prefix=f"{_PREFIX}{path.name}.{os.getpid()}.", suffix=_SUFFIX, dir=path.parent
    )
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, mode, **open_args) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        # mkstemp makes the file owner-only; an output file gets the usual umask mode.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def write_text(path: Path, text: str) -> Path:
    with atomic_file(path, "w") as f:
        f.write(text)
    return path


def sweep(out_dir: Path) -> list[Path]:
    """Remove the temporaries a killed run left in `out_dir`; return what was removed.
    A temporary whose writer is still running (another run into the same folder) stays."""
    removed = []
    with contextlib.suppress(OSError):
        for entry in Path(out_dir).iterdir():
            m = _OURS.match(entry.name)
            if m and entry.is_file() and not (m.group(1) and _alive(int(m.group(1)))):
                entry.unlink(missing_ok=True)
                removed.append(entry)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # this process is between writes: nothing of its own is in flight
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


@functools.cache
def _umask() -> int:
    # Read once: os.umask can only be read by setting it, which is process-wide.
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    # Not every platform or file system lets a folder be opened or synced; the rename has
    # happened either way, only its durability across a power cut is weaker.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
