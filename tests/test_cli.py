"""The command line as a user meets it: help, documented commands, a messy input folder."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import re
import socket
import sqlite3
import subprocess
import sys
import threading
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


# --- every way a user calls the tool -------------------------------------------------------

SECOND_ARTICLE = """Pact figures disputed

By Omar Vance - Delta Courier

Farmers' unions said the accord covers only 45 percent of the basin's irrigation water,
citing their own survey of the canals.
"""


def run_cli(*args: str, stdin: str | bytes | None = None) -> subprocess.CompletedProcess:
    """The console script as a shell runs it: real exit codes, stdout and stderr in a pipe."""
    return subprocess.run(
        [sys.executable, "-m", "claimledger", *args],
        input=stdin.encode() if isinstance(stdin, str) else stdin,
        capture_output=True,
        check=False,
    )


def error_lines(proc: subprocess.CompletedProcess) -> list[str]:
    return proc.stderr.decode().strip().splitlines()


@contextlib.contextmanager
def local_site(folder: Path):
    """A plain http.server on 127.0.0.1 serving `folder`, on a free port."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep the test output clean
        pass


def test_cli_help_does_not_import_spacy():
    code = (
        "import sys\n"
        "from claimledger.cli import cli\n"
        "try:\n"
        "    cli.main(['--help'], standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('spacy', 'thinc', 'dask', 'trafilatura', 'dateparser', 'httpx', 'rich')\n"
        "print('loaded:', sorted(m for m in heavy if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip().endswith("loaded: []"), proc.stdout


def test_cli_python_dash_m_runs_the_command_line():
    proc = run_cli("--version")
    assert proc.returncode == 0
    assert "0.1.0" in proc.stdout.decode()


@pytest.mark.parametrize("command", ["analyze", "demo", "export", "report", "serve"])
def test_cli_command_help_has_example_and_exit_codes(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert "Exit codes" in result.output


def test_cli_empty_folder_exits_1_naming_the_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    proc = run_cli("analyze", str(tmp_path / "empty"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1
    lines = error_lines(proc)
    assert any("empty" in line and "empty folder" in line for line in lines), lines
    assert "Traceback" not in proc.stderr.decode()


def test_cli_quoted_glob_that_matches_nothing_is_named(tmp_path):
    pattern = str(tmp_path / "*.html")
    proc = run_cli("analyze", pattern, "--out", str(tmp_path / "out"))
    assert proc.returncode == 1
    assert f"skipped {pattern}: no file matches this pattern" in error_lines(proc)


def test_cli_jsonl_bad_lines_are_each_named_by_line(tmp_path):
    corpus = tmp_path / "dump.jsonl"
    corpus.write_text('not json\n{"title": "no text"}\n[1, 2]\n', encoding="utf-8")
    proc = run_cli("analyze", str(corpus), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1
    skipped = [line for line in error_lines(proc) if line.startswith("skipped ")]
    assert [line.split(": ")[0] for line in skipped] == [
        f"skipped {corpus}:1",
        f"skipped {corpus}:2",
        f"skipped {corpus}:3",
    ]


def test_cli_skipped_input_is_reported_once(tmp_path):
    proc = run_cli("analyze", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1
    assert error_lines(proc) == [
        f"skipped {tmp_path / 'missing.txt'}: no such file or folder",
        "Error: no input could be analysed (see the lines above)",
    ]


def test_cli_urls_404_and_binary_are_skipped_with_reason(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "photo.jpg").write_bytes(bytes(range(256)) * 8)
    with local_site(site) as base:
        proc = run_cli(
            "analyze", f"{base}/gone.html", f"{base}/photo.jpg", "--out", str(tmp_path / "out")
        )
    assert proc.returncode == 1
    lines = error_lines(proc)
    assert f"skipped {base}/gone.html: HTTP 404 File not found" in lines
    assert any(
        line.startswith(f"skipped {base}/photo.jpg: content type 'image/jpeg'") for line in lines
    )


def test_cli_db_that_is_a_folder_is_a_usage_error(tmp_path):
    (tmp_path / "store").mkdir()
    article = tmp_path / "a.txt"
    article.write_text(GOOD_ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["analyze", str(article), "--out", str(tmp_path / "out"), "--db", str(tmp_path / "store")],
    )
    assert result.exit_code == 2
    assert "is a directory" in result.output


def test_cli_db_that_is_not_sqlite_is_one_line_error(tmp_path):
    notes = tmp_path / "notes.sqlite"
    notes.write_text("shopping list\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(GOOD_ARTICLE, encoding="utf-8")
    proc = run_cli("analyze", str(article), "--out", str(tmp_path / "out"), "--db", str(notes))
    assert proc.returncode == 1
    [line] = error_lines(proc)
    assert line.startswith(f"Error: store {notes}: not a claimledger database")


def test_cli_out_that_cannot_be_created_is_one_line_error(tmp_path):
    # A file where a folder should be: the same failure as a read-only disk, also under root.
    blocker = tmp_path / "report.txt"
    blocker.write_text("x", encoding="utf-8")
    proc = run_cli("analyze", str(blocker), "--out", str(blocker / "out"))
    assert proc.returncode == 1
    assert error_lines(proc) == [
        f"Error: output folder {blocker / 'out'}: cannot be created (Not a directory)"
    ]


def test_cli_outlet_map_with_bad_yaml_names_file_and_line(tmp_path):
    bad = tmp_path / "outlets.yaml"
    bad.write_text("example.org: [Example Times\n", encoding="utf-8")
    proc = run_cli(
        "analyze", str(tmp_path), "--out", str(tmp_path / "out"), "--outlet-map", str(bad)
    )
    assert proc.returncode == 1
    [line] = error_lines(proc)
    assert line.startswith(f"Error: outlet map {bad}: not valid YAML (line 2")


def test_cli_outlet_map_that_is_not_a_mapping_says_what_it_expects(tmp_path):
    bad = tmp_path / "outlets.yaml"
    bad.write_text("- Example Times\n", encoding="utf-8")
    proc = run_cli(
        "analyze", str(tmp_path), "--out", str(tmp_path / "out"), "--outlet-map", str(bad)
    )
    assert proc.returncode == 1
    assert error_lines(proc) == [
        f"Error: outlet map {bad}: expected a mapping of domain or file name to outlet"
    ]


@pytest.mark.parametrize("name", ["measures.yaml", "my_notes.yml"])
def test_cli_lexicon_dir_with_broken_yaml_names_the_file(tmp_path, name):
    lexicons = tmp_path / "lexicons"
    lexicons.mkdir()
    (lexicons / name).write_text("measures:\n  - {name: share\n", encoding="utf-8")
    proc = run_cli(
        "analyze", str(tmp_path), "--out", str(tmp_path / "out"), "--lexicon-dir", str(lexicons)
    )
    assert proc.returncode == 1
    [line] = error_lines(proc)
    assert line.startswith(f"Error: lexicon {lexicons / name}: not valid YAML (line ")


def test_cli_export_of_a_missing_store_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(
        cli, ["export", "--db", str(tmp_path / "none.sqlite"), "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "does not exist" in result.output


@pytest.mark.parametrize("command", ["export", "report"])
def test_cli_export_and_report_of_a_non_sqlite_file_is_one_line_error(tmp_path, command):
    notes = tmp_path / "notes.sqlite"
    notes.write_text("shopping list\n", encoding="utf-8")
    proc = run_cli(command, "--db", str(notes), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1
    [line] = error_lines(proc)
    assert line.startswith(f"Error: store {notes}: not a claimledger database")


def test_cli_serve_on_a_busy_port_is_one_line_error(tmp_path):
    from claimledger.store import Store

    with Store.open(tmp_path / "ledger.sqlite"):
        pass
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(
            cli, ["serve", "--db", str(tmp_path / "ledger.sqlite"), "--port", str(port)]
        )
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.output
    assert "serving" not in result.output


@pytest.mark.slow
def test_cli_unknown_model_is_one_line_error_naming_it(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(GOOD_ARTICLE, encoding="utf-8")
    proc = run_cli(
        "analyze", str(article), "--out", str(tmp_path / "out"), "--model", "en_core_web_bogus"
    )
    assert proc.returncode == 1
    [line] = error_lines(proc)
    assert "en_core_web_bogus" in line and "is not installed" in line and "--model" in line


@pytest.mark.slow
def test_cli_several_files_and_a_quoted_glob_are_analysed(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "two.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    by_name = run_cli(
        "analyze",
        str(tmp_path / "in" / "one.txt"),
        str(tmp_path / "in" / "two.txt"),
        "--out",
        str(tmp_path / "a"),
    )
    by_glob = run_cli("analyze", str(tmp_path / "in" / "*.txt"), "--out", str(tmp_path / "b"))
    for proc, out in ((by_name, "a"), (by_glob, "b")):
        assert proc.returncode == 0, proc.stderr
        ledger = json.loads((tmp_path / out / "ledger.json").read_text(encoding="utf-8"))
        assert sorted(Path(d["path"]).name for d in ledger["documents"]) == ["one.txt", "two.txt"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "piped",
    [
        GOOD_ARTICLE,
        "<!doctype html><html><head><title>Pact</title></head><body><article><h1>Pact</h1>"
        "<p>Officials said the accord covers 60 percent of the basin's irrigation water, "
        "according to the regional water commission.</p></article></body></html>",
    ],
    ids=["text", "html"],
)
def test_cli_stdin_is_analysed_quietly_in_a_pipe(tmp_path, piped):
    proc = run_cli("analyze", "-", "--out", str(tmp_path / "out"), stdin=piped)
    assert proc.returncode == 0, proc.stderr
    assert b"\x1b[" not in proc.stdout + proc.stderr  # no progress bar or colour in a pipe
    assert proc.stderr == b""
    ledger = json.loads((tmp_path / "out" / "ledger.json").read_text(encoding="utf-8"))
    [document] = ledger["documents"]
    assert "60 percent" in document["text"] and "<p>" not in document["text"]


@pytest.mark.slow
def test_cli_url_and_jsonl_with_a_bad_line_exit_3(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "story.html").write_text(
        "<html><head><title>Pact</title></head><body><article><h1>Pact signed</h1><p>"
        + SECOND_ARTICLE.replace("\n", " ")
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        json.dumps({"text": GOOD_ARTICLE, "outlet": "Riverside Wire"}) + "\n{broken\n",
        encoding="utf-8",
    )
    with local_site(site) as base:
        proc = run_cli("analyze", f"{base}/story.html", str(dump), "--out", str(tmp_path / "out"))
    assert proc.returncode == 3, proc.stderr
    assert [line for line in error_lines(proc) if line.startswith("skipped")] == [
        f"skipped {dump}:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)"
    ]
    ledger = json.loads((tmp_path / "out" / "ledger.json").read_text(encoding="utf-8"))
    assert sorted(d["path"] for d in ledger["documents"]) == sorted(
        [f"{base}/story.html", f"{dump}:1"]
    )


@pytest.mark.slow
def test_cli_export_and_report_rebuild_outputs_from_the_store(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(GOOD_ARTICLE, encoding="utf-8")
    first = run_cli("analyze", str(article), "--out", str(tmp_path / "run"))
    assert first.returncode == 0, first.stderr
    db = str(tmp_path / "run" / "ledger.sqlite")
    exported = run_cli("export", "--db", db, "--out", str(tmp_path / "exports"))
    reported = run_cli("report", "--db", db, "--out", str(tmp_path / "report"))
    assert exported.returncode == 0 and reported.returncode == 0
    original = json.loads((tmp_path / "run" / "ledger.json").read_text(encoding="utf-8"))
    again = json.loads((tmp_path / "exports" / "ledger.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in again["documents"]] == [d["id"] for d in original["documents"]]
    assert (tmp_path / "report" / "report.html").is_file()


def test_cli_out_that_is_the_input_folder_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "is also an input folder" in result.output


@pytest.mark.slow
def test_cli_rerun_does_not_read_its_own_outputs(tmp_path, monkeypatch):
    # `claimledger analyze . --out out`, twice: the second run must not take out/report.html
    # for an article nor list the store's files as skipped inputs.
    (tmp_path / "one.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (tmp_path / "two.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        proc = run_cli("analyze", ".", "--out", "out")
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr == b""
    ledger = json.loads((tmp_path / "out" / "ledger.json").read_text(encoding="utf-8"))
    assert sorted(Path(d["path"]).name for d in ledger["documents"]) == ["one.txt", "two.txt"]


def test_cli_lexicon_with_a_wrong_shape_fails_before_any_article_is_read(tmp_path):
    lexicons = tmp_path / "lexicons"
    lexicons.mkdir()
    (lexicons / "measures.yaml").write_text('measures: "share of imports"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "analyze",
            str(tmp_path / "a.txt"),
            "--out",
            str(tmp_path / "out"),
            "--lexicon-dir",
            str(lexicons),
        ],
    )
    assert result.exit_code == 1
    assert f"lexicon {lexicons / 'measures.yaml'}: `measures` must be a list" in result.output
    assert not (tmp_path / "out").exists()


def test_cli_export_of_an_empty_store_says_so(tmp_path):
    from claimledger.store import Store

    with Store.open(tmp_path / "ledger.sqlite"):
        pass
    proc = run_cli("export", "--db", str(tmp_path / "ledger.sqlite"), "--out", str(tmp_path / "x"))
    assert proc.returncode == 0
    assert error_lines(proc) == [
        f"note: {tmp_path / 'ledger.sqlite'} holds no analysed documents; the outputs will be empty"
    ]
    assert (
        json.loads((tmp_path / "x" / "ledger.json").read_text(encoding="utf-8"))["documents"] == []
    )


def test_cli_read_only_out_is_one_line_error(tmp_path, monkeypatch):
    # Tests may run as root, which writes anywhere: stand in for a read-only folder.
    monkeypatch.setattr("claimledger.cli.os.access", lambda path, mode: False)
    (tmp_path / "a.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["analyze", str(tmp_path / "a.txt"), "--out", str(tmp_path / "locked")]
    )
    assert result.exit_code == 1
    assert f"output folder {tmp_path / 'locked'}: not writable" in result.output
