"""Store bookkeeping for streaming runs, without spaCy: block reads cover every document
once in path order, a path's new content replaces its old version, the run history."""

from __future__ import annotations

from claimledger.models import Analysis, Claim, Corpus, Document, DocumentMeta
from claimledger.store import Store
from claimledger.store.stream import claim_blocks, claim_path, runs, stored_pipeline


def analysis(path: str, text: str, values: tuple[float, ...]) -> Analysis:
    doc = Document(id=Document.make_id(text), path=path, text=text, format="text")
    claims = tuple(
        Claim(
            id=f"{doc.id}-{i}",
            doc_id=doc.id,
            start=0,
            end=len(text),
            text=text,
            value_text=str(v),
            value=v,
            unit="count",
            measure="ships",
        )
        for i, v in enumerate(values)
    )
    return Analysis(document=doc, meta=DocumentMeta(doc_id=doc.id, outlet="Post"), claims=claims)


def test_stream_claim_blocks_read_every_document_once_in_path_order():
    items = [analysis(f"d{i:02d}.txt", f"Text number {i}.", (i, i + 0.5)) for i in range(7)]
    with Store.open(None) as store:
        for a in reversed(items):
            store.save_analysis(a, pipeline="p1")
        blocks = list(claim_blocks(store, block=3))
    assert [len(b) for b in blocks] == [3, 3, 1]
    read = [a for b in blocks for a in b]
    assert [a.document.path for a in read] == [a.document.path for a in items]
    assert [a.claims for a in read] == [a.claims for a in items]
    assert all(a.document.text == "" and not a.mentions for a in read)  # texts stay on disk
    assert read[0].meta.outlet == "Post"


def test_stream_a_path_with_new_content_replaces_its_old_version():
    old = analysis("a.txt", "The first version.", (1.0,))
    new = analysis("a.txt", "The edited version.", (2.0,))
    other = analysis("b.txt", "Another article.", (3.0,))
    with Store.open(None) as store:
        for a in (old, other, new):
            store.save_analysis(a, pipeline="p1")
        assert claim_path(store, new.document.id, "a.txt") == 1
        assert claim_path(store, new.document.id, "a.txt") == 0  # idempotent
        assert stored_pipeline(store, old.document.id) is None
        assert stored_pipeline(store, new.document.id) == "p1"
        left = store.conn.execute("SELECT doc_id FROM claims ORDER BY doc_id").fetchall()
        indexed = store.conn.execute("SELECT DISTINCT doc_id FROM search_index").fetchall()
    assert sorted(r[0] for r in left) == sorted([new.document.id, other.document.id])
    assert sorted(r[0] for r in indexed) == sorted([new.document.id, other.document.id])


def test_stream_a_document_read_from_a_new_path_takes_that_path():
    moved = analysis("old/a.txt", "Same words in a moved file.", (1.0,))
    with Store.open(None) as store:
        store.save_analysis(moved, pipeline="p1")
        claim_path(store, moved.document.id, "new/a.txt")
        (block,) = claim_blocks(store)
    assert [a.document.path for a in block] == ["new/a.txt"]


def test_stream_runs_keep_the_history():
    a = analysis("a.txt", "One article.", (1.0,))
    with Store.open(None) as store:
        store.save_analysis(a, pipeline="p1")
        for _ in range(2):
            store.save_reconciliation(Corpus(analyses=(a,), entities=()))
        history = runs(store)
    assert [(r.id, r.documents, r.claims) for r in history] == [(1, 1, 1), (2, 1, 1)]
    assert history[0].finished_at <= history[1].finished_at
