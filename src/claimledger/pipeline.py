"""The `analyze` verb: streams the inputs through the stages into the store, then
reconciles everything the store holds.

    inputs ─ingest─> Document ─(batches of TASK_BATCH, at most a few in flight)─> engine
        engine worker: inspect ─> annotate (spaCy nlp.pipe) ─> extract ─> Analysis
    Analysis ─save, as each batch completes─> store
    store ─claim blocks─> reconcile ─> Relation*, Fact* ─> store ─load─> Corpus

Memory stays flat as the corpus grows: documents are read lazily, only the batches in flight
are held, and reconciliation reads claims (not texts) back from the store in blocks. A bad
input becomes a `Skipped` and the run goes on. Each analysed document is saved as soon as
its batch completes, so an interrupted run keeps what it finished and a re-run analyses only
the rest (documents are keyed by content hash and pipeline fingerprint).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
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
    documents: Iterable[Document],
    settings: Settings,
    *,
    nlp=None,
) -> Iterator[Analysis]:
    """Inspect, annotate and extract a stream of documents with one spaCy pipeline."""
    from .extract import extract
    from .ingest import inspect
    from .nlp import annotate, build_nlp

    nlp = nlp or build_nlp(settings)
    pairs = [(doc, inspect(doc, settings)) for doc in documents]
    texts = (analysis_text(doc, meta) for doc, meta in pairs)
    for (doc, meta), sdoc in zip(pairs, annotate(nlp, texts, settings), strict=True):
        yield extract(sdoc, doc, meta, settings=settings)


# Documents per task sent to a worker: one spaCy batch (Settings.batch_size). Small tasks keep
# every worker busy to the end of a run and mean a kill loses seconds of work.
TASK_BATCH = 16


@dataclass
class RunSummary:
    """What one `analyze_into` run did to the store."""

    analysed: int = 0  # documents annotated in this run
    reused: int = 0  # documents the store already held, made by the same pipeline
    replaced: int = 0  # older versions of a path deleted because its content changed
    skipped: list[Skipped] = field(default_factory=list)
    documents: int = 0  # documents in the store after the run: what reconcile covered
    facts: int = 0


def analyze(
    inputs: Sequence[str | Path],
    settings: Settings | None = None,
    *,
    store=None,
    scheduler: str | None = None,
    engine=None,
    on_document: Progress | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    on_dashboard: Callable[[str], None] | None = None,
) -> Corpus:
    """Read every input, analyse every readable article, reconcile claims across the store.

    `store` (a `claimledger.store.Store`) receives each document as soon as it is analysed;
    documents it already holds are not analysed again, and the corpus returned is the whole
    store's. Without a store the run uses an in-memory one. `scheduler="dask"` spreads the
    work over a LocalCluster sized to the machine, `scheduler="tcp://HOST:PORT"` over the
    cluster whose scheduler is there; otherwise `settings.n_process` local processes (one:
    this process). `engine` (from `claimledger.engines.make_engine`) overrides all of that.
    """
    from contextlib import nullcontext

    from .store import Store

    settings = settings or Settings()
    with nullcontext(store) if store is not None else Store.open(None) as db:
        analyze_into(
            db,
            inputs,
            settings,
            engine=engine,
            scheduler=scheduler,
            on_document=on_document,
            on_skip=on_skip,
            on_dashboard=on_dashboard,
        )
        return db.load_corpus()


def analyze_into(
    store,
    inputs: Sequence[str | Path],
    settings: Settings,
    *,
    engine=None,
    scheduler: str | None = None,
    on_document: Progress | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    on_dashboard: Callable[[str], None] | None = None,
) -> RunSummary:
    """Stream `inputs` into `store`, then reconcile every document the store holds. The
    engine is `engine` (the caller's to close) or one made from `scheduler` and
    `settings.n_process`, released before reconciling so its workers' memory is free."""
    from contextlib import nullcontext

    from .engines import make_engine

    if engine is not None:
        owned = nullcontext(engine)
    else:
        address = scheduler if scheduler not in (None, "dask") else None
        owned = make_engine(
            settings.n_process,
            dask=scheduler == "dask",
            scheduler=address,
            on_dashboard=on_dashboard,
        )
    summary = RunSummary()
    with owned as running:
        entities = _stream(store, inputs, settings, running, summary, on_document, on_skip)
    summary.documents, summary.facts = reconcile_store(store, settings, summary.skipped, entities)
    log.info(
        "analysed %d, reused %d, replaced %d; reconciled %d document(s) into %d facts",
        summary.analysed,
        summary.reused,
        summary.replaced,
        summary.documents,
        summary.facts,
    )
    return summary


def _stream(
    store, inputs, settings: Settings, engine, summary: RunSummary, on_document, on_skip
) -> tuple[Entity, ...]:
    """Send what the store lacks to `engine` and save each analysis as its batch completes.
    Returns the run's entities, each as the first document by path names it."""
    from .ingest import ingest
    from .store import stream

    fingerprint = pipeline_fingerprint(settings)

    def progress() -> None:
        if on_document:
            on_document(1)

    def skip(item: Skipped) -> None:
        summary.skipped.append(item)
        log.warning("skipped %s: %s", item.path, item.reason)
        if on_skip:
            on_skip(item)

    def pending() -> Iterator[Document]:
        seen: set[str] = set()
        for item in ingest(inputs, settings):
            if isinstance(item, Skipped):
                skip(item)
            elif item.id in seen:  # same content twice is one document
                log.info("%s repeats an earlier input's content; analysed once", item.path)
            elif stream.stored_pipeline(store, item.id) == fingerprint:
                seen.add(item.id)
                summary.replaced += stream.claim_path(store, item.id, item.path)
                summary.reused += 1
                progress()
            else:
                seen.add(item.id)
                yield item

    # Documents name one entity in different ways ("Defence Ministry", "defence ministry");
    # the store keeps the name from the first document by path, as one in-order run would,
    # whichever batch finishes first. Bounded by the entities, not by the documents.
    entities: dict[str, tuple[str, Entity]] = {}
    for outcomes in engine.run(_batches(pending(), TASK_BATCH), settings):
        for outcome in outcomes:
            if isinstance(outcome, Skipped):
                skip(outcome)
                continue
            store.save_analysis(outcome, pipeline=fingerprint)
            doc = outcome.document
            for entity in outcome.entities:
                first = entities.get(entity.id)
                if first is None or doc.path < first[0]:
                    entities[entity.id] = (doc.path, entity)
            summary.replaced += stream.claim_path(store, doc.id, doc.path)
            summary.analysed += 1
            progress()
    return tuple(e for _, e in entities.values())


def reconcile_store(
    store,
    settings: Settings,
    skipped: Sequence[Skipped] = (),
    entities: Sequence[Entity] = (),
    processes: int | None = 1,
) -> tuple[int, int]:
    """Reconcile every document in the store (not only this run's) and save the result with
    a run record. Claims are read back in blocks without texts or other extractions.
    `processes`: as for `reconcile.reconcile`. Returns (documents covered, facts)."""
    from .reconcile import gc_paused, group_texts, load_lexicon, reconcile_rows
    from .reconcile.actors import cast_stories
    from .store import stream

    # stories from the stored texts (read once, text by text), claims in blocks without them
    stories = group_texts(stream.document_texts(store))
    # everything read and built from here lives to the end of the run: no cycle collection
    with gc_paused():
        analyses = tuple(a for block in stream.claim_blocks(store) for a in block)
        stories = cast_stories(stories, stream.named_entities(store), analyses)
        lexicon = load_lexicon(settings.lexicon_dirs)
        # relations stay rows: only stored, never read here (millions at a million claims)
        relations, facts = reconcile_rows(
            analyses, lexicon=lexicon, stories=stories, processes=processes
        )
        store.save_reconciliation(
            Corpus(
                analyses=analyses,
                entities=tuple(entities),
                facts=facts,
                skipped=tuple(skipped),
                stories=stories,
            ),
            relation_rows=relations,
        )
    return len(analyses), len(facts)


def _batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch
