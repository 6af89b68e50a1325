"""Citations (named and unnamed, with the claims they back) and quotes with speakers."""

from __future__ import annotations

import pytest

from claimledger.extract import extract
from claimledger.models import DocumentMeta
from claimledger.pipeline import analysis_text


def analyse(nlp, make_document, text):
    doc = make_document(text)
    meta = DocumentMeta(doc_id=doc.id)
    return extract(nlp(analysis_text(doc, meta)), doc, meta)


def sources(analysis):
    return {c.source: c for c in analysis.citations}


@pytest.mark.parametrize(
    ("text", "source", "named"),
    [
        ("The Oslo Gazette reported that the talks resumed on Monday.", "Oslo Gazette", True),
        ("Reports indicate that the border stayed closed all week.", "Reports", False),
        ("Officials said that the bridge would reopen soon.", "Officials", False),
        ("According to the Harbour Authority, the canal is safe again.", "Harbour Authority", True),
        (
            "A study by the Nordic Energy Institute found that wind power is cheaper.",
            "Nordic Energy Institute",
            True,
        ),
        (
            "In an interview with the Daily Ledger, the mayor praised the volunteers.",
            "Daily Ledger",
            True,
        ),
    ],
)
def test_attribution_named_and_unnamed_sources(nlp, make_document, text, source, named):
    found = sources(analyse(nlp, make_document, text))
    assert source in found, list(found)
    assert found[source].named is named


def test_attribution_a_source_told_an_outlet_cites_both(nlp, make_document):
    text = "Anna Berg told the Daily Ledger that the plan was ready."
    found = sources(analyse(nlp, make_document, text))
    assert {"Anna Berg", "Daily Ledger"} <= set(found)


def test_attribution_citation_lists_the_claims_it_backs(nlp, make_document):
    text = "The Oslo Gazette reported that 70 percent of the fuel came from Sweden."
    a = analyse(nlp, make_document, text)
    (claim,) = a.claims
    (citation,) = [c for c in a.citations if c.source == "Oslo Gazette"]
    assert citation.claim_ids == (claim.id,)
    assert citation.text == a.document.text[citation.start : citation.end]


def test_attribution_facts_suggest_is_not_a_source(nlp, make_document):
    text = "The facts suggest that the two towns will grow closer."
    assert analyse(nlp, make_document, text).citations == ()


def test_attribution_quotes_get_their_speakers(nlp, make_document):
    text = (
        'Mayor Tom Reyes said: "We will rebuild every bridge in the valley." '
        '"The money is already in the bank," Reyes added.'
    )
    quotes = analyse(nlp, make_document, text).quotes
    assert [q.speaker for q in quotes] == ["Mayor Tom Reyes", "Reyes"]
    assert quotes[0].text == '"We will rebuild every bridge in the valley."'


def test_attribution_pronoun_speaker_is_resolved(nlp, make_document):
    text = (
        "The engineer Lena Fischer inspected the dam. "
        "She said that 40 percent of the concrete was cracked."
    )
    a = analyse(nlp, make_document, text)
    (claim,) = a.claims
    assert claim.source == "Lena Fischer"


def test_attribution_scare_quotes_are_not_quotes(nlp, make_document):
    text = "The so-called “experts” left the town before the vote."
    assert analyse(nlp, make_document, text).quotes == ()
