"""Hand-built claims and analyses for the reconcile tests (plain helpers, not fixtures).

Import as `from reconcile.builders import …` (tests/ is on sys.path via its conftest)."""

from __future__ import annotations

from itertools import count

from claimledger.models import Analysis, Claim, Document, DocumentMeta, Period

_ids = count()


def claim(
    value: float,
    measure: str,
    *,
    doc: str = "d1",
    unit: str = "ratio",
    subject: str | None = "Israel",
    object: str | None = "Azerbaijan",
    value_text: str | None = None,
    text: str | None = None,
    period: tuple[str, str] | None = None,
    qualifier: str | None = None,
    source: str | None = None,
    hedge: str = "asserted",
) -> Claim:
    n = next(_ids)
    if value_text is None:
        value_text = f"{value * 100:g}%" if unit == "ratio" else f"{value:,g}"
    text = text if text is not None else f"Sentence {n} says {value_text} of {measure}."
    # Claims sit a paragraph apart, as separate statements do, unless a test places them.
    return Claim(
        id=f"c{n}",
        doc_id=doc,
        start=n * 1000,
        end=n * 1000 + len(text),
        text=text,
        value_text=value_text,
        value=value,
        unit=unit,
        measure=measure,
        subject=subject,
        object=object,
        qualifier=qualifier,
        period=Period(start=period[0], end=period[1]) if period else None,
        source=source,
        source_named=source is not None,
        hedge=hedge if source is None or hedge != "asserted" else "reported",
    )


def analysis(
    doc: str, *claims: Claim, outlet: str | None = None, published: str | None = None
) -> Analysis:
    document = Document(id=doc, path=f"/corpus/{doc}.txt", text="", format="text")
    meta = DocumentMeta(doc_id=doc, outlet=outlet, published=published)
    return Analysis(document=document, meta=meta, claims=claims)


def by_docs(
    *claims: Claim,
    outlets: dict[str, str] | None = None,
    published: dict[str, str] | None = None,
) -> list[Analysis]:
    """Analyses holding the claims, one per doc id, in order of first appearance."""
    docs: dict[str, list[Claim]] = {}
    for c in claims:
        docs.setdefault(c.doc_id, []).append(c)
    outlets, published = outlets or {}, published or {}
    return [
        analysis(d, *cs, outlet=outlets.get(d), published=published.get(d))
        for d, cs in docs.items()
    ]
