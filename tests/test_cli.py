"""The command line as a user meets it: help, documented commands, a messy input folder."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimledger.cli import cli

ROOT = Path(__file__).resolve().parents[1]

GOOD_ARTICLE = """Ministers sign a water-sharing pact

By Lena Hart - Riverside Wire

The two governments agreed on Monday to share the flow of the upper river. Officials in
Tashkent said the accord covers 60 percent of the basin's irrigation water, according to
the regional water commission.
"""


def test_cli_help_lists_every_command_and_exit_codes():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in ("analyze", "demo", "export", "report", "serve"):
        assert re.search(rf"^\s+{command}\s", result.output, re.M), command
    assert "Exit codes" in result.output


def test_cli_readme_commands_have_help():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    used = set(re.findall(r"claimledger (analyze|demo|export|report|serve)\b", readme))
    assert used, "README shows no claimledger command"
    for command in sorted(used):
        result = CliRunner().invoke(cli, [command, "--help"])
        assert result.exit_code == 0, (command, result.output)
        assert "Example:" in result.output


def test_cli_reference_doc_is_current():
    check = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "cli_reference.py"), "--check"], check=False
    )
    assert check.returncode == 0, "docs/CLI.md is stale: run tools/cli_reference.py"


def test_cli_bad_usage_exits_2():
    result = CliRunner().invoke(cli, ["analyze"])
    assert result.exit_code == 2


@pytest.mark.slow
def test_cli_analyze_mixed_folder_skips_bad_inputs_and_keeps_good(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (folder / "utf16.txt").write_text(
        GOOD_ARTICLE.replace("60 percent", "55 percent"), encoding="utf-16"
    )
    (folder / "cp1252.txt").write_bytes(
        "Caf\u00e9 owners \u201cwelcomed\u201d the pact, which covers 40 percent of the valley.".encode(
            "cp1252"
        )
    )
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "huge.txt").write_bytes(b"word " * (4 * 1024 * 1024))  # 20 MiB
    (folder / "broken.html").write_text(
        "<html><head><title>Pact</title><body><div><p>Farmers upstream said the pact "
        "leaves them 30 percent less water than last season.<p>Unclosed <b>tags",
        encoding="utf-8",
    )
    missing = tmp_path / "does-not-exist.txt"
    out = tmp_path / "out"

    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "claimledger",
            "analyze",
            str(folder),
            str(missing),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )

    assert proc.returncode == 3, proc.stderr
    skipped_lines = [line for line in proc.stderr.splitlines() if line.startswith("skipped ")]
    for name in ("binary.txt", "empty.txt", "huge.txt", "does-not-exist.txt"):
        assert any(name in line for line in skipped_lines), (name, proc.stderr)
    ledger = json.loads((out / "ledger.json").read_text(encoding="utf-8"))
    analysed = {Path(d["path"]).name for d in ledger["documents"]}
    assert {"good.txt", "utf16.txt", "cp1252.txt", "broken.html"} <= analysed
    cp1252 = next(d for d in ledger["documents"] if d["path"].endswith("cp1252.txt"))
    assert "Caf\u00e9" in cp1252["text"] and "\u201cwelcomed\u201d" in cp1252["text"]
    with sqlite3.connect(out / "ledger.sqlite") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        n_docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert n_docs == len(ledger["documents"])
