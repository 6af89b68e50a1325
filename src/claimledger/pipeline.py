"""The `analyze` verb: wires the stages together, one document at a time.

    inputs ─ingest─> Document ─inspect─> DocumentMeta
        └─ annotate (spaCy nlp.pipe, batched) ─> spacy Doc ─extract─> Analysis
    Analysis* ─reconcile─> Relation*, Fact*  ─save/render─> store, ledger.json, CSV, HTML

A bad input becomes a `Skipped` and the run goes on. Each analysed document is saved in its
own transaction as soon as it is ready, so an interrupted run keeps what it finished and a
re-run picks up from there (documents are keyed by content hash).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from .config import Settings
from .models import Analysis, Corpus, Document, DocumentMeta, Entity, Skipped

log = logging.getLogger(__name__)

Progress = Callable[[int], None]


def analysis_text(document: Document, meta: DocumentMeta) -> str:
    """The text spaCy reads: the original with page chrome blanked out and non-breaking
    spaces made plain. It has the same length as the original, so every offset spaCy
    gives is already an offset into the original text."""
    chars = list(document.text.replace("\u00a0", " "))
    for chrome in meta.chrome:
        for i in range(chrome.start, chrome.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def pipeline_fingerprint(settings: Settings) -> str:
    """A hash of everything that shapes an analysis: our code and data files, the user's
    lexicons and the spaCy model. A stored analysis with another fingerprint is stale and
    is made again; one with the same fingerprint is reused, which is what lets a re-run
    resume where an interrupted one stopped."""
    digest = hashlib.sha1(settings.model.encode())
    package = Path(__file__).resolve().parent
    folders = [package / "ingest", package / "nlp", package / "extract", package / "data"]
    files = [package / "pipeline.py", package / "models.py"]
    for folder in [*folders, *map(Path, settings.lexicon_dirs)]:
        files.extend(p for p in folder.rglob("*") if p.suffix in {".py", ".yaml", ".yml", ".csv"})
    for path in sorted(files):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def analyze_documents(
    items: Iterable[tuple[Document, DocumentMeta]],
    settings: Settings,
    *,
    nlp=None,
) -> Iterator[Analysis]:
    """Annotate and extract a stream of inspected documents with one spaCy pipeline."""
    from .extract import extract
    from .nlp import annotate, build_nlp

    nlp = nlp or build_nlp(settings)
    pairs = list(items)
    texts = (analysis_text(doc, meta) for doc, meta in pairs)
    for (doc, meta), sdoc in zip(pairs, annotate(nlp, texts, settings), strict=True):
        yield extract(sdoc, doc, meta, settings=settings)


def _analyze_partition(items: Sequence[tuple[Document, DocumentMeta]], settings: Settings):
    """Dask task: each worker builds its own pipeline once per partition."""
    return list(analyze_documents(items, settings))


def analyze(
    inputs: Sequence[str | Path],
    settings: Settings | None = None,
    *,
    store=None,
    scheduler: str | None = None,
    on_document: Progress | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
) -> Corpus:
    """Read every input, analyse every readable article, reconcile claims across them.

    `store` (a `claimledger.store.Store`) receives each document as soon as it is analysed;
    documents it already holds are loaded from it instead of analysed again.
    `scheduler="dask"` spreads annotation over a local Dask cluster (or the one
    `dask.config` points at) for corpora that outgrow one process.
    """
    from .ingest import ingest, inspect
    from .reconcile import group, load_lexicon, reconcile

    settings = settings or Settings()
    skipped: list[Skipped] = []
    todo: list[tuple[Document, DocumentMeta]] = []
    done: list[Analysis] = []
    seen: set[str] = set()
    fingerprint = pipeline_fingerprint(settings) if store is not None else ""

    def skip(item: Skipped) -> None:
        skipped.append(item)
        log.warning("skipped %s: %s", item.path, item.reason)
        if on_skip:
            on_skip(item)

    for item in ingest(inputs, settings):
        if isinstance(item, Skipped):
            skip(item)
            continue
        if item.id in seen:  # same content twice is one document
            log.info("%s repeats an earlier input's content; analysed once", item.path)
            continue
        seen.add(item.id)
        stored = store.load_analysis(item.id, pipeline=fingerprint) if store is not None else None
        if stored is not None:
            done.append(replace(stored, document=replace(stored.document, path=item.path)))
            if on_document:
                on_document(1)
            continue
        todo.append((item, inspect(item, settings)))

    for analysis in _run(todo, settings, scheduler):
        if store is not None:
            store.save_analysis(analysis, pipeline=fingerprint)
        done.append(analysis)
        if on_document:
            on_document(1)

    analyses = tuple(sorted(done, key=lambda a: a.document.path))
    stories = group(analyses)
    lexicon = load_lexicon(settings.lexicon_dirs)
    relations, facts = reconcile(analyses, lexicon=lexicon, stories=stories)
    corpus = Corpus(
        analyses=analyses,
        entities=_merge_entities(analyses),
        relations=relations,
        facts=facts,
        skipped=tuple(skipped),
        stories=stories,
    )
    if store is not None:
        store.save_reconciliation(corpus)
    return corpus


def _run(todo, settings: Settings, scheduler: str | None) -> Iterator[Analysis]:
    if not todo:
        return
    if scheduler != "dask":
        yield from analyze_documents(todo, settings)
        return
    import dask.bag as db

    partitions = max(1, min(len(todo), 64) // 4)
    bag = db.from_sequence(todo, npartitions=partitions)
    yield from bag.map_partitions(_analyze_partition, settings).compute()


def _merge_entities(analyses: Iterable[Analysis]) -> tuple[Entity, ...]:
    merged: dict[str, Entity] = {}
    for analysis in analyses:
        for entity in analysis.entities:
            merged.setdefault(entity.id, entity)
    return tuple(sorted(merged.values(), key=lambda e: e.id))
