"""Roles: who gives, loses, holds or is compared with, as a claim's subject and object."""

from __future__ import annotations

import pytest

from claimledger.extract import extract
from claimledger.models import DocumentMeta
from claimledger.pipeline import analysis_text


def roles_of(nlp, make_document, text, value):
    doc = make_document(text)
    meta = DocumentMeta(doc_id=doc.id)
    analysis = extract(nlp(analysis_text(doc, meta)), doc, meta)
    found = [c for c in analysis.claims if c.value == pytest.approx(value)]
    assert len(found) == 1, [(c.value_text, c.value) for c in analysis.claims]
    return found[0].subject, found[0].object


@pytest.mark.parametrize(
    ("text", "value", "roles"),
    [
        # an organisation of the actor gazetteer gives like a state; "for X" receives
        (
            "The European Union approved €2 billion in loans for Moldova last year.",
            2e9,
            ("European Union", "Moldova"),
        ),
        # a demonym on the aid noun names the giver
        (
            "Japanese aid to Kenya reached $300 million in 2021.",
            3e8,
            ("Japan", "Kenya"),
        ),
        # the giving verb's subject gives, "to X" receives
        (
            "Last month Canada sent $45 million in medical supplies to Jordan.",
            4.5e7,
            ("Canada", "Jordan"),
        ),
        # the passive agent gives
        (
            "A loan of $700 million for Egypt was approved by the World Bank on Friday.",
            7e8,
            ("World Bank", "Egypt"),
        ),
    ],
)
def test_roles_transfer_giver_and_recipient(nlp, make_document, text, value, roles):
    assert roles_of(nlp, make_document, text, value) == roles


def test_roles_transfer_parties_of_the_document_fill_a_bare_package(nlp, make_document):
    text = (
        "Canada pledged $500 million in aid to Jordan on Monday. "
        "Canadian aid to Jordan has grown every year since 2015, officials said. "
        "Ottawa's assistance to Jordan now funds schools and clinics. "
        "The first tranche, worth $120 million, will arrive in June."
    )
    assert roles_of(nlp, make_document, text, 1.2e8) == ("Canada", "Jordan")


def test_roles_transfer_to_several_states_has_no_single_recipient(nlp, make_document):
    text = "Norway set aside $900 million in emergency aid for Sudan, Chad and Niger."
    assert roles_of(nlp, make_document, text, 9e8) == ("Norway", None)


def test_roles_the_bloc_is_the_organisation_named_before(nlp, make_document):
    text = (
        "Leaders of the European Union met in Brussels on Thursday to discuss Georgia. "
        "The bloc's pledge of €3 billion for Georgia was confirmed by the summit."
    )
    assert roles_of(nlp, make_document, text, 3e9) == ("European Union", "Georgia")


@pytest.mark.parametrize(
    ("text", "value", "roles"),
    [
        # the possessor of the losses lost them, whoever reports them
        (
            "Ukraine's army puts Russia's losses at more than 2,000 tanks.",
            2000,
            ("Russia", "Ukraine"),
        ),
        # the subject of "lose" lost; the other side is the other state named
        (
            "According to Armenian officials, the Azerbaijani army lost 300 soldiers.",
            300,
            ("Azerbaijan", "Armenia"),
        ),
    ],
)
def test_roles_loser_is_the_subject(nlp, make_document, text, value, roles):
    assert roles_of(nlp, make_document, text, value) == roles


def test_roles_owner_of_assets_and_where_they_are_held(nlp, make_document):
    text = "About $40 billion of Iranian assets are frozen in South Korea."
    assert roles_of(nlp, make_document, text, 4e10) == ("Iran", "South Korea")


def test_roles_party_compared_with_is_the_object(nlp, make_document):
    text = "India now produces three times as much steel as Japan, the ministry said."
    assert roles_of(nlp, make_document, text, 3) == ("India", "Japan")


def test_roles_organisation_named_nearby_is_no_party_to_a_price(nlp, make_document):
    text = (
        "The United Nations held talks on food security on Monday. "
        "Coffee futures rose 4% on Tuesday."
    )
    assert roles_of(nlp, make_document, text, 0.04) == (None, None)


def test_roles_share_without_parties_takes_those_of_the_figure_before(nlp, make_document):
    text = (
        "Sweden is a large exporter of timber. "
        "The Nordic Council's promise to ship 900 tractors to Kenya fell short: only about "
        "40 percent had arrived by the end of the year."
    )
    assert roles_of(nlp, make_document, text, 900) == roles_of(nlp, make_document, text, 0.4)
    assert roles_of(nlp, make_document, text, 0.4)[1] == "Kenya"


def test_roles_one_partys_own_ratio_has_no_object(nlp, make_document):
    text = (
        "Officials in Nairobi published the budget on Monday. "
        "Kenya's tax revenues cover about 60% of its spending, the finance ministry said."
    )
    assert roles_of(nlp, make_document, text, 0.6) == ("Kenya", None)
