"""Command line: thin click commands over the stage verbs.

Heavy imports (spaCy, trafilatura, Dask) happen inside the commands, so `claimledger --help`
answers at once.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path

import click

from .errors import ClaimledgerError, LexiconError

EXIT_CODES = """\b
Exit codes:
  0  every input was analysed (or the command succeeded)
  1  an error stopped the command (unreadable store or output folder, missing model,
     broken lexicon, no input could be analysed, e.g. an empty folder)
  2  bad usage (unknown option, missing argument, option value of the wrong kind)
  3  the run finished but some inputs were skipped (each named on stderr)
"""

SKIPPED_EXIT = 3

log = logging.getLogger(__name__)


class _EchoHandler(logging.Handler):
    """Log lines through click, which looks up sys.stderr on every write, so they land
    above rich's progress bar instead of through it."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            click.echo(self.format(record), err=True)
        except Exception:
            self.handleError(record)


def _not_reported_twice(record: logging.LogRecord) -> bool:
    # The pipeline logs each skipped input and the CLI prints it through `on_skip` (its
    # stdout summary counts them): keep the printed line only.
    return not (record.name == "claimledger.pipeline" and str(record.msg).startswith("skipped"))


def _yaml_problem(exc: Exception) -> str:
    """A YAML parse error in one line: PyYAML's own message spans several, with a caret."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or getattr(exc, "context", None)
    if mark is not None and problem:
        return f"line {mark.line + 1}, column {mark.column + 1}: {problem}"
    return " ".join(str(exc).split())


def describe(exc: ClaimledgerError) -> str:
    """The one line a user sees for an error: what failed, where, and why."""
    import yaml

    cause = exc.__cause__
    if isinstance(exc, LexiconError) and isinstance(cause, yaml.YAMLError):
        return f"lexicon {exc.path}: not valid YAML ({_yaml_problem(cause)})"
    return " ".join(str(exc).split())


# What a terminal would act on rather than show: C0/C1 controls (newline, ESC starting a
# colour or cursor sequence), DEL, bidirectional overrides, line and paragraph separators,
# and lone surrogates (bytes of a file name that was not UTF-8).
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def shown(text: object) -> str:
    """`text` safe to print on one terminal line: every control character written as an
    escape ("\\n", "\\x1b"), a byte that was not UTF-8 as "\\xff" (issue 12: a newline or
    escape code in a file name garbled the skip line)."""

    def escape(m: re.Match) -> str:
        ch = m.group()
        if "\udc80" <= ch <= "\udcff":  # surrogateescape: the original byte
            return f"\\x{ord(ch) - 0xDC00:02x}"
        return ascii(ch)[1:-1]

    return _UNPRINTABLE.sub(escape, str(text))


def _settings(**kwargs):
    from .config import Settings

    return Settings(**{k: v for k, v in kwargs.items() if v is not None})


def _read_outlet_map(path: Path | None) -> dict[str, str] | None:
    if path is None:
        return None
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise click.ClickException(f"outlet map {path}: cannot be read ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise click.ClickException(f"outlet map {path}: not UTF-8 text ({exc.reason})") from exc
    except yaml.YAMLError as exc:
        raise click.ClickException(
            f"outlet map {path}: not valid YAML ({_yaml_problem(exc)})"
        ) from exc
    if not isinstance(data, dict):
        raise click.ClickException(
            f"outlet map {path}: expected a mapping of domain or file name to outlet"
        )
    return {str(k): str(v) for k, v in data.items()}


def _check_lexicon_dirs(dirs: tuple[Path, ...]) -> None:
    """Parse every YAML file in the user's lexicon folders before the long run starts, so
    a typo fails in a second with the file named, not minutes later (or never, for a
    file no stage happens to read in this run)."""
    from . import lexicons
    from .ingest.chrome import load_lexicon as chrome_lexicon
    from .nlp.gazetteer import load_gazetteer
    from .reconcile import load_lexicon as measure_lexicon

    for folder in dirs:
        for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
            lexicons.read_mapping(path)
    if dirs:
        # Each stage's own schema checks too: measures.yaml is otherwise first read after
        # every article has been analysed. All three loaders are light (no spaCy).
        chrome_lexicon(dirs)
        load_gazetteer(dirs)
        measure_lexicon(dirs)


def _note_if_empty(corpus, db: Path) -> None:
    if not corpus.analyses:
        click.echo(f"note: {db} holds no analysed documents; the outputs will be empty", err=True)


def _prepare_out(out: Path) -> None:
    """Create the output folder, or fail in one line before any work is done."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise click.ClickException(
            f"output folder {out}: cannot be created ({exc.strerror or exc})"
        ) from exc
    if not os.access(out, os.W_OK | os.X_OK):
        raise click.ClickException(f"output folder {out}: not writable; choose another --out")


class _Group(click.Group):
    """Turns the errors a user can cause into one-line ClickExceptions (exit 1), for the
    console script and for `CliRunner` alike: never a traceback for a user error."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ClaimledgerError as exc:
            raise click.ClickException(describe(exc)) from exc
        except BrokenPipeError:
            raise
        except OSError as exc:
            # The file system refused (disk full, permissions, a file where a folder
            # should be) somewhere the commands do not check up front.
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from exc


@click.group(cls=_Group, epilog=EXIT_CODES)
@click.version_option(package_name="claimledger")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """claimledger: who claims what, citing whom, where sources agree and where they conflict.

    \b
    Example:
      claimledger analyze articles/ --out out/
      claimledger serve --db out/ledger.sqlite
    """
    handler = _EchoHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_not_reported_twice)
    root = logging.getLogger()
    root.handlers[:] = [h for h in root.handlers if not isinstance(h, _EchoHandler)]
    root.addHandler(handler)
    root.setLevel(logging.WARNING - 10 * min(verbose, 2))


def _without_outputs(inputs: tuple[str, ...], out: Path, db: Path, on_skip) -> tuple[str, ...]:
    """The inputs minus what this run writes. `claimledger analyze . --out out` is the
    natural thing to type, and on the next run the folder would hold our own report.html
    (read as an article) and the store's files (each a skipped input)."""
    from .errors import InputError
    from .ingest import expand
    from .models import Skipped

    out_dir = out.resolve()
    store = db.resolve()
    written = {store, *(store.with_name(store.name + s) for s in ("-wal", "-shm", "-journal"))}

    def ours(path: Path) -> bool:
        path = path.resolve()
        return path == out_dir or out_dir in path.parents or path in written

    kept: list[str] = []
    for raw in inputs:
        path = Path(raw)
        if raw == "-" or "://" in raw or not path.exists():
            kept.append(raw)  # stdin, URLs and missing paths: ingest reports on them
        elif path.is_dir() and path.resolve() == out_dir and (out_dir / "ledger.json").exists():
            # An earlier run's output folder caught by the shell's `*`: nothing to read there.
            log.info("not reading %s: it is the output folder", raw)
        elif path.is_dir() and path.resolve() == out_dir:
            raise click.UsageError(
                f"--out {out} is also an input folder, so the next run would read this "
                f"run's report as an article; write to a subfolder such as {out / 'out'}"
            )
        elif ours(path):
            log.info("not reading %s: this run writes it", raw)
        elif path.is_dir() and path.resolve() in {*out_dir.parents, *store.parents}:
            try:
                files = [str(f) for f in expand(path) if not ours(Path(f))]
            except InputError:
                files = [raw]  # empty folder: ingest says so
            if not files:
                on_skip(Skipped(path=raw, reason="holds only this run's outputs, no articles"))
            kept.extend(files)
        else:
            kept.append(raw)
    return tuple(kept)


def _run_analyze(
    inputs: tuple[str, ...],
    out: Path,
    db: Path | None,
    settings,
    scheduler: str | None = None,
) -> int:
    from functools import partial

    from .pipeline import analyze
    from .report import render
    from .store import Store

    db = db or out / "ledger.sqlite"
    skipped: list = []

    def on_skip(item) -> None:
        skipped.append(item)
        click.echo(f"skipped {shown(item.path)}: {shown(item.reason)}", err=True)

    inputs = _without_outputs(inputs, out, db, on_skip)
    _prepare_out(out)

    progress = None
    if settings.show_progress:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        # On stderr, like every other line meant for the person at the terminal: stdout
        # keeps only the summary, which scripts may read. Inputs are read lazily (a folder
        # or a JSONL file may hold any number of articles), so count up instead of a bar.
        progress = Progress(
            SpinnerColumn(),
            TextColumn("analysing: {task.completed} document(s) done"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )

    def on_dashboard(link: str) -> None:
        click.echo(f"dask dashboard: {link}", err=True)

    run = partial(analyze, scheduler=scheduler, on_dashboard=on_dashboard, on_skip=on_skip)
    with Store.open(db) as store:
        if progress is not None:
            with progress:
                task = progress.add_task("analysing", total=None)
                corpus = run(
                    list(inputs),
                    settings,
                    store=store,
                    on_document=lambda n: progress.advance(task, n),
                )
        else:
            corpus = run(list(inputs), settings, store=store)
    if not corpus.analyses:
        raise click.ClickException("no input could be analysed (see the lines above)")
    paths = render(corpus, out)
    n_conflicts = sum(1 for f in corpus.facts if f.verdict == "conflict")
    n_claims = sum(len(a.claims) for a in corpus.analyses)
    click.echo(
        f"analysed {len(corpus.analyses)} document(s), skipped {len(skipped)}: "
        f"{n_claims} claims, {len(corpus.facts)} facts, {n_conflicts} conflicts"
    )
    click.echo(f"  {'store':<14} {shown(db)}")
    _list_outputs(paths)
    return SKIPPED_EXIT if skipped else 0


@cli.command(epilog=EXIT_CODES)
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Output folder."
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="SQLite store (default: OUT/ledger.sqlite).",
)
@click.option("--model", help="Installed spaCy pipeline (default en_core_web_sm).")
@click.option(
    "--outlet-map",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="YAML mapping of domain or file name to outlet name.",
)
@click.option(
    "--lexicon-dir",
    "lexicon_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of YAML lexicons extending the bundled ones (repeatable).",
)
@click.option(
    "--processes",
    type=click.IntRange(1, 256),
    envvar="CLAIMLEDGER_PROCESSES",
    help="Worker processes, one thread each (default: the usable CPU count).",
)
@click.option(
    "--dask",
    "use_dask",
    is_flag=True,
    help="Run on a dask.distributed LocalCluster (one worker per process) and print its dashboard.",
)
@click.option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    help="Run on the Dask cluster whose scheduler listens there (see docs/SCALING.md).",
)
@click.option("--max-bytes", type=click.IntRange(1), help="Skip inputs larger than this.")
def analyze(
    inputs, out, db, model, outlet_map, lexicon_dirs, processes, use_dask, scheduler, max_bytes
):
    """Analyse articles (files, folders, URLs, .jsonl, or - for stdin) into a ledger.

    Writes OUT/ledger.json, CSV and graph exports, OUT/report.html and the SQLite store.

    \b
    Example:
      claimledger analyze articles/ https://example.org/story.html --out out/
    """
    if "-" in inputs and sys.stdin.isatty():
        # Otherwise the command sits waiting for typed text, looking hung.
        raise click.UsageError(
            "'-' reads an article from stdin, but nothing is piped in; "
            "e.g. `cat article.txt | claimledger analyze - --out out/`"
        )
    if use_dask and scheduler:
        raise click.UsageError("--dask starts a local cluster and --scheduler joins one: pick one")
    from .engines import single_threaded_env, usable_cpus

    # before spaCy and NumPy load: one math-library thread per process (issue 11)
    single_threaded_env()
    _check_lexicon_dirs(lexicon_dirs)
    settings = _settings(
        model=model,
        n_process=processes or usable_cpus(),
        max_bytes=max_bytes,
        outlet_map=_read_outlet_map(outlet_map),
        lexicon_dirs=tuple(lexicon_dirs) or None,
        show_progress=sys.stderr.isatty(),
    )
    # "dask" starts a LocalCluster; an address joins that cluster (pipeline.analyze)
    scheduler = scheduler or ("dask" if use_dask else None)
    sys.exit(_run_analyze(inputs, out, db, settings, scheduler))


def sample_corpus() -> Path:
    """The bundled sample corpus: examples/ in a checkout, or the copy inside the package."""
    here = Path(__file__).resolve()
    for candidate in (here.parents[2] / "examples", here.parent / "examples"):
        if candidate.is_dir():
            return candidate
    raise ClaimledgerError("the sample corpus (examples/) is not installed with this copy")


@cli.command(epilog=EXIT_CODES)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out/demo"),
    show_default=True,
)
def demo(out: Path) -> None:
    """Analyse the bundled sample corpus and print where the outputs are.

    \b
    Example:
      claimledger demo --out out/demo
    """
    corpus_dir = sample_corpus()
    click.echo(f"sample corpus: {corpus_dir}")
    # The folder also holds its gold annotations (gold.yaml/.json): analyse the articles only.
    articles = tuple(str(p) for p in sorted(corpus_dir.glob("*.txt")))
    code = _run_analyze(articles, out, None, _settings(show_progress=sys.stderr.isatty()))
    click.echo(
        f"open {out / 'report.html'} in a browser, or run: claimledger serve --db {out / 'ledger.sqlite'}"
    )
    sys.exit(code)


@cli.command(epilog=EXIT_CODES)
@click.option("--db", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True)
def export(db: Path, out: Path) -> None:
    """Write ledger.json, CSV and graph exports from a store.

    \b
    Example:
      claimledger export --db out/ledger.sqlite --out exports/
    """
    from .report import write_exports
    from .report.ledger import write_ledger

    corpus = _stored_corpus(db, out)
    paths = {"ledger": write_ledger(corpus, out / "ledger.json"), **write_exports(corpus, out)}
    _list_outputs(paths)


@cli.command(epilog=EXIT_CODES)
@click.option("--db", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True)
def report(db: Path, out: Path) -> None:
    """Write the self-contained HTML report (and exports) from a store.

    \b
    Example:
      claimledger report --db out/ledger.sqlite --out out/
    """
    from .report import render

    _list_outputs(render(_stored_corpus(db, out), out))


def _stored_corpus(db: Path, out: Path):
    """The corpus a store holds, with OUT ready to receive what is made from it."""
    from .store import Store

    with Store.open(db) as store:
        corpus = store.load_corpus()
    _note_if_empty(corpus, db)
    _prepare_out(out)
    return corpus


def _list_outputs(paths: dict[str, Path]) -> None:
    for name, path in sorted(paths.items()):
        click.echo(f"  {name:<14} {shown(path)}")


@cli.command(epilog=EXIT_CODES)
@click.option("--db", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535))
def serve(db: Path, host: str, port: int) -> None:
    """Browse and search a store in a local web UI.

    \b
    Example:
      claimledger serve --db out/ledger.sqlite --port 8765
    """
    from .serve import make_server, settle_heap
    from .store import Store

    with Store.open(db) as store:
        try:
            server = make_server(store, host, port)
        except OSError as exc:
            raise click.ClickException(
                f"cannot listen on {host}:{port}: {exc.strerror or exc}; pick another --port"
            ) from exc
        settle_heap()  # this process only serves from here on
        click.echo(f"serving {db} on {server.url} (Ctrl-C stops)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            click.echo("stopped", err=True)
        finally:
            server.server_close()


def main() -> None:
    """The console script: every error a user can cause ends as one line and an exit code
    from the table in --help, never a traceback."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        # `claimledger ... | head`: the reader left; say nothing more, on a closed pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
