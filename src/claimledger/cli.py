"""Command line: thin click commands over the stage verbs.

Heavy imports (spaCy, trafilatura, Dask) happen inside the commands, so `claimledger --help`
answers at once.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from .errors import ClaimledgerError

EXIT_CODES = """\b
Exit codes:
  0  every input was analysed (or the command succeeded)
  1  an error stopped the command (unreadable store, missing model, no input at all)
  2  bad usage (unknown option, missing argument)
  3  the run finished but some inputs were skipped (each named on stderr)
"""

SKIPPED_EXIT = 3


def _settings(**kwargs):
    from .config import Settings

    return Settings(**{k: v for k, v in kwargs.items() if v is not None})


def _read_outlet_map(path: Path | None) -> dict[str, str] | None:
    if path is None:
        return None
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise click.ClickException(f"outlet map {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise click.ClickException(
            f"outlet map {path}: expected a mapping of domain or file name to outlet"
        )
    return {str(k): str(v) for k, v in data.items()}


@click.group(epilog=EXIT_CODES)
@click.version_option(package_name="claimledger")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """claimledger: who claims what, citing whom, where sources agree and where they conflict.

    \b
    Example:
      claimledger analyze articles/ --out out/
      claimledger serve --db out/ledger.sqlite
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def _run_analyze(
    inputs: tuple[str, ...],
    out: Path,
    db: Path | None,
    settings,
    scheduler: str | None,
) -> int:
    from .pipeline import analyze
    from .report import render
    from .store import Store

    out.mkdir(parents=True, exist_ok=True)
    db = db or out / "ledger.sqlite"
    skipped: list = []

    def on_skip(item) -> None:
        skipped.append(item)
        click.echo(f"skipped {item.path}: {item.reason}", err=True)

    progress = None
    if settings.show_progress:
        from rich.progress import Progress

        progress = Progress(transient=True)
    with Store.open(db) as store:
        if progress is not None:
            with progress:
                task = progress.add_task("analysing", total=None)
                corpus = analyze(
                    list(inputs),
                    settings,
                    store=store,
                    scheduler=scheduler,
                    on_document=lambda n: progress.advance(task, n),
                    on_skip=on_skip,
                )
        else:
            corpus = analyze(
                list(inputs), settings, store=store, scheduler=scheduler, on_skip=on_skip
            )
    if not corpus.analyses:
        raise click.ClickException("no input could be analysed (see the lines above)")
    paths = render(corpus, out)
    n_conflicts = sum(1 for f in corpus.facts if f.verdict == "conflict")
    n_claims = sum(len(a.claims) for a in corpus.analyses)
    click.echo(
        f"analysed {len(corpus.analyses)} document(s), skipped {len(skipped)}: "
        f"{n_claims} claims, {len(corpus.facts)} facts, {n_conflicts} conflicts"
    )
    click.echo(f"  {'store':<14} {db}")
    for name, path in sorted(paths.items()):
        click.echo(f"  {name:<14} {path}")
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
@click.option("--processes", type=click.IntRange(1, 64), help="spaCy worker processes.")
@click.option("--dask", "use_dask", is_flag=True, help="Annotate on a Dask cluster.")
@click.option("--max-bytes", type=click.IntRange(1), help="Skip inputs larger than this.")
def analyze(inputs, out, db, model, outlet_map, lexicon_dirs, processes, use_dask, max_bytes):
    """Analyse articles (files, folders, URLs, .jsonl, or - for stdin) into a ledger.

    Writes OUT/ledger.json, CSV and graph exports, OUT/report.html and the SQLite store.

    \b
    Example:
      claimledger analyze articles/ https://example.org/story.html --out out/
    """
    settings = _settings(
        model=model,
        n_process=processes,
        max_bytes=max_bytes,
        outlet_map=_read_outlet_map(outlet_map),
        lexicon_dirs=tuple(lexicon_dirs) or None,
        show_progress=sys.stderr.isatty(),
    )
    sys.exit(_run_analyze(inputs, out, db, settings, "dask" if use_dask else None))


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
    code = _run_analyze(articles, out, None, _settings(show_progress=sys.stderr.isatty()), None)
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
    from .store import Store

    with Store.open(db) as store:
        corpus = store.load_corpus()
    out.mkdir(parents=True, exist_ok=True)
    paths = {"ledger": write_ledger(corpus, out / "ledger.json"), **write_exports(corpus, out)}
    for name, path in sorted(paths.items()):
        click.echo(f"  {name:<14} {path}")


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
    from .store import Store

    with Store.open(db) as store:
        corpus = store.load_corpus()
    for name, path in sorted(render(corpus, out).items()):
        click.echo(f"  {name:<14} {path}")


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
    from .serve import serve as run_server

    click.echo(f"serving {db} on http://{host}:{port}/ (Ctrl-C stops)")
    run_server(db, host=host, port=port)


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except ClaimledgerError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
