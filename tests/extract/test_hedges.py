"""How sure the text makes a figure: reported, claimed (a side speaking for itself)."""

from __future__ import annotations

import pytest

from claimledger.extract import extract
from claimledger.models import DocumentMeta
from claimledger.pipeline import analysis_text


def claim_of(nlp, make_document, text):
    doc = make_document(text)
    meta = DocumentMeta(doc_id=doc.id)
    (claim,) = extract(nlp(analysis_text(doc, meta)), doc, meta).claims
    return claim


def test_hedges_reportedly_makes_a_figure_reported(nlp, make_document):
    text = "The new ferry, reportedly worth about $30 million, enters service next spring."
    claim = claim_of(nlp, make_document, text)
    assert (claim.hedge, claim.source) == ("reported", None)


@pytest.mark.parametrize(
    "text",
    [
        "The Serbian Defence Ministry said its air defences shot down 14 drones overnight.",
        "Chilean officials say 300 homes were destroyed in the attack.",
        "The state will spend $2 billion on defence next year, Finance Minister Lena Kovac said.",
        "Peru's General Staff puts the rebels' losses at 1,200 fighters killed and wounded.",
    ],
)
def test_hedges_a_side_speaking_about_the_fighting_claims(nlp, make_document, text):
    assert claim_of(nlp, make_document, text).hedge == "claimed"


@pytest.mark.parametrize(
    "text",
    [
        "The Serbian Agriculture Ministry said farmers harvested 3 million tonnes of maize.",
        "Two defence officials said the contract covers 12 radar units.",
        "The Lakeland Statistics Office puts the harvest at 12 million tonnes.",
    ],
)
def test_hedges_other_citations_stay_reported(nlp, make_document, text):
    assert claim_of(nlp, make_document, text).hedge == "reported"


def test_hedges_a_head_of_state_named_without_title_claims(nlp, make_document):
    text = (
        "Vladimir Putin met farmers in Kazan. "
        "He said that Russia sold 2 million tonnes of wheat to Asia last year."
    )
    assert claim_of(nlp, make_document, text).hedge == "claimed"
