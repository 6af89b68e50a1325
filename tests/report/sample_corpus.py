"""Hand-built corpora for store, report, serve and browser tests, so they do not depend on
the extractors. Invented countries and sentences; offsets are computed from the text.

Import as `from report.sample_corpus import …` (tests/ is on sys.path via its conftest)."""

from __future__ import annotations

from claimledger.models import (
    Analysis,
    Chrome,
    Citation,
    Claim,
    Corpus,
    Document,
    DocumentMeta,
    Entity,
    Event,
    Fact,
    Hints,
    Mention,
    Period,
    Quote,
    Relation,
    content_id,
)

VALDORIA = Entity(id="VLD", name="Valdoria", type="GPE", iso3="VLD", wikidata="Q900001")
NORDHAVN = Entity(id="NRD", name="Nordhavn", type="GPE", iso3="NRD")
INSTITUTE = Entity(id="peace-institute", name="Peace Research Institute", type="ORG")

HOSTILE_TEXT = (
    "<script>window.__pwned = 1; alert(1)</script> Breaking news.\n\n"
    'Officials said <img src=x onerror="window.__pwned = 1"> that Valdoria shipped '
    "12 patrol boats to Nordhavn last year."
)


def _span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def _document(text: str, path: str, **hints: str) -> Document:
    return Document(
        id=Document.make_id(text), path=path, text=text, format="text", hints=Hints(**hints)
    )


def _mention(
    doc: Document, needle: str, entity: Entity, framing: str = "neutral", after: int = 0
) -> Mention:
    start, end = _span(doc.text, needle, after)
    return Mention(
        doc_id=doc.id, start=start, end=end, text=needle, entity_id=entity.id, framing=framing
    )


def _claim(doc: Document, sentence: str, value_text: str, value: float, **fields) -> Claim:
    start, end = _span(doc.text, sentence)
    return Claim(
        id=content_id("c", doc.id, start, end),
        doc_id=doc.id,
        start=start,
        end=end,
        text=sentence,
        value_text=value_text,
        value=value,
        **fields,
    )


def harbor_analysis() -> Analysis:
    text = (
        "SHARE THIS STORY\n"
        "Valdoria arms Nordhavn\n\n"
        "Valdoria supplied 60 percent of the arms Nordhavn imported between 2018 and 2022, "
        "according to the Peace Research Institute.\n\n"
        'On 3 March 2023 the two defence ministers met in Lisbon. "Our partnership is '
        'strictly defensive," the Nordhavn minister told reporters.'
    )
    doc = _document(text, "harbor.txt", url="https://harbor.example/valdoria")
    claim_sentence = (
        "Valdoria supplied 60 percent of the arms Nordhavn imported between 2018 and 2022, "
        "according to the Peace Research Institute."
    )
    claim = _claim(
        doc,
        claim_sentence,
        "60 percent",
        0.6,
        unit="ratio",
        measure="share of arms imports",
        subject="Valdoria",
        object="Nordhavn",
        period=Period(start="2018", end="2022"),
        source="Peace Research Institute",
        source_named=True,
        hedge="reported",
    )
    cstart, cend = _span(text, "according to the Peace Research Institute")
    qstart, qend = _span(text, '"Our partnership is strictly defensive,"')
    estart, eend = _span(text, "On 3 March 2023 the two defence ministers met in Lisbon.")
    return Analysis(
        document=doc,
        meta=DocumentMeta(
            doc_id=doc.id,
            title="Valdoria arms Nordhavn",
            author="Ana Sousa",
            outlet="Harbor Times",
            published="2023-03-04",
            published_confidence=0.9,
            published_evidence="4 March 2023",
            chrome=(
                Chrome(start=0, end=len("SHARE THIS STORY"), text="SHARE THIS STORY", kind="share"),
            ),
        ),
        entities=(VALDORIA, NORDHAVN, INSTITUTE),
        mentions=(
            _mention(doc, "Valdoria", VALDORIA, after=text.index("Valdoria supplied")),
            _mention(doc, "Peace Research Institute", INSTITUTE),
        ),
        claims=(claim,),
        citations=(
            Citation(
                id=content_id("t", doc.id, cstart),
                doc_id=doc.id,
                start=cstart,
                end=cend,
                text=text[cstart:cend],
                source="Peace Research Institute",
                verb="according to",
                claim_ids=(claim.id,),
            ),
        ),
        quotes=(
            Quote(
                id=content_id("q", doc.id, qstart),
                doc_id=doc.id,
                start=qstart,
                end=qend,
                text=text[qstart:qend],
                speaker="the Nordhavn minister",
            ),
        ),
        events=(
            Event(
                id=content_id("e", doc.id, estart),
                doc_id=doc.id,
                start=estart,
                end=eend,
                text=text[estart:eend],
                date="2023-03-03",
                date_text="On 3 March 2023",
            ),
        ),
    )


def ledger_analysis() -> Analysis:
    text = (
        "The regime in Valdoria is behind the build-up\n\n"
        "The Valdorian regime now provides roughly 35% of all weapons bought by Nordhavn, "
        "officials in the capital claimed on Tuesday.\n\n"
        "In 2021 Nordhavn also signed a drone contract worth $1.2 billion."
    )
    doc = _document(text, "ledger.txt")
    s1 = (
        "The Valdorian regime now provides roughly 35% of all weapons bought by Nordhavn, "
        "officials in the capital claimed on Tuesday."
    )
    s2 = "In 2021 Nordhavn also signed a drone contract worth $1.2 billion."
    c1 = _claim(
        doc,
        s1,
        "roughly 35%",
        0.35,
        unit="ratio",
        measure="share of arms imports",
        subject="Valdoria",
        object="Nordhavn",
        qualifier="approximately",
        hedge="claimed",
        source="officials",
        source_named=False,
    )
    c2 = _claim(
        doc,
        s2,
        "$1.2 billion",
        1.2e9,
        unit="USD",
        measure="drone contract value",
        subject="Nordhavn",
        period=Period(start="2021", end="2021"),
    )
    estart, eend = _span(text, s2)
    return Analysis(
        document=doc,
        meta=DocumentMeta(
            doc_id=doc.id,
            title="The regime in Valdoria is behind the build-up",
            outlet="The Daily Ledger",
            published="2023-05",
            published_confidence=0.4,
        ),
        entities=(VALDORIA, NORDHAVN),
        mentions=(
            _mention(doc, "The Valdorian regime", VALDORIA, "pejorative"),
            _mention(doc, "Nordhavn", NORDHAVN),
        ),
        claims=(c1, c2),
        events=(
            Event(
                id=content_id("e", doc.id, estart),
                doc_id=doc.id,
                start=estart,
                end=eend,
                text=s2,
                date="2021",
                date_text="In 2021",
            ),
        ),
    )


def hostile_analysis() -> Analysis:
    """An article whose text, title and URL try to run script in the report."""
    doc = _document(
        HOSTILE_TEXT,
        "<b>evil</b>.html",
        url="javascript:window.__pwned=1",
        title="<script>alert(1)</script>",
    )
    sentence = "Valdoria shipped 12 patrol boats to Nordhavn last year."
    claim = _claim(
        doc,
        sentence,
        "12",
        12,
        unit="count",
        measure="patrol boats delivered",
        subject="Valdoria",
        object="Nordhavn",
        counted="patrol boats",
        source='<img src=x onerror="window.__pwned=1">',
    )
    return Analysis(
        document=doc,
        meta=DocumentMeta(
            doc_id=doc.id,
            title='<img src=x onerror="window.__pwned = 1">',
            outlet="<script>window.__pwned=1</script>",
        ),
        entities=(VALDORIA,),
        mentions=(_mention(doc, "Valdoria", VALDORIA),),
        claims=(claim,),
    )


def sample_corpus(*, hostile: bool = False) -> Corpus:
    """Two outlets disagreeing on one share (a conflict) plus a single-source money claim;
    with `hostile=True`, a third article full of markup."""
    analyses = [harbor_analysis(), ledger_analysis()]
    if hostile:
        analyses.append(hostile_analysis())
    a, b = analyses[0].claims[0], analyses[1].claims[0]
    money = analyses[1].claims[1]
    facts = [
        Fact(
            id=content_id("f", "share of arms imports", "Valdoria", "Nordhavn"),
            measure="share of arms imports",
            subject="Valdoria",
            object="Nordhavn",
            unit="ratio",
            claim_ids=(a.id, b.id),
            verdict="conflict",
            reason="60% and 35% differ by more than rounding",
            primary_sources=("Peace Research Institute",),
            independent_confirmations=0,
            unattributed_outlets=("The Daily Ledger",),
        ),
        Fact(
            id=content_id("f", "drone contract value", "Nordhavn"),
            measure="drone contract value",
            subject="Nordhavn",
            object=None,
            unit="USD",
            claim_ids=(money.id,),
            verdict="single",
            reason="one source only",
        ),
    ]
    if hostile:
        boats = analyses[2].claims[0]
        facts.append(
            Fact(
                id=content_id("f", "patrol boats"),
                measure="patrol boats delivered",
                subject="Valdoria",
                object="Nordhavn",
                unit="count",
                claim_ids=(boats.id,),
                verdict="single",
                reason="<script>window.__pwned=1</script>",
            )
        )
    entities = {e.id: e for an in analyses for e in an.entities}
    return Corpus(
        analyses=tuple(sorted(analyses, key=lambda an: an.document.path)),
        entities=tuple(sorted(entities.values(), key=lambda e: e.id)),
        relations=(Relation(a=a.id, b=b.id, type="conflict", reason="60% vs 35%"),),
        facts=tuple(facts),
    )
