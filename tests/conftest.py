"""Shared fixtures: the spaCy pipeline once per session, settings, document factories."""

from __future__ import annotations

import pytest

from claimledger.config import Settings
from claimledger.models import Document, DocumentMeta, Hints


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def nlp(settings):
    from claimledger.nlp import build_nlp

    return build_nlp(settings)


@pytest.fixture
def make_document():
    """Build a Document from text, the way ingest would for a .txt file."""

    def make(text: str, path: str = "article.txt", **hints) -> Document:
        return Document(
            id=Document.make_id(text), path=path, text=text, format="text", hints=Hints(**hints)
        )

    return make


@pytest.fixture
def analyse_text(nlp, settings, make_document):
    """Run inspect + annotate + extract on one text and return its Analysis."""
    from claimledger.ingest import inspect
    from claimledger.pipeline import analyze_documents

    def run(text: str, path: str = "article.txt"):
        doc = make_document(text, path)
        meta: DocumentMeta = inspect(doc, settings)
        return next(analyze_documents([(doc, meta)], settings, nlp=nlp))

    return run


@pytest.fixture(scope="module")
def sample_store():
    """An in-memory store holding the hand-built sample corpus, hostile article included."""
    from claimledger.store import Store
    from report.sample_corpus import sample_corpus

    corpus = sample_corpus(hostile=True)
    with Store.open(None) as store:
        for analysis in corpus.analyses:
            store.save_analysis(analysis)
        store.save_reconciliation(corpus)
        yield store


@pytest.fixture(scope="module")
def sample_server_url(sample_store):
    """The web UI over `sample_store`, on a free port of 127.0.0.1, for one test module."""
    import threading

    from claimledger.serve import make_server

    server = make_server(sample_store, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
