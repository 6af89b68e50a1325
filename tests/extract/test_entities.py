"""resolve_entities: canonical states with ids, mentions at original offsets, framings."""

from __future__ import annotations

import pytest

from claimledger.extract.entities import clean_name, resolve_entities, slug
from claimledger.nlp import annotate


@pytest.fixture
def resolve(nlp, settings):
    def run(text: str):
        (sdoc,) = annotate(nlp, [text], settings)
        return resolve_entities(sdoc, "d1")

    return run


def _by_text(mentions):
    return {m.text: (m.entity_id, m.framing) for m in mentions}


def test_entities_states_carry_iso3_and_wikidata(resolve):
    entities, _ = resolve("Azerbaijan and Armenia met in Moscow; Tehran and Ankara watched.")
    by_id = {e.id: e for e in entities}
    assert (by_id["AZE"].name, by_id["AZE"].iso3, by_id["AZE"].wikidata) == (
        "Azerbaijan",
        "AZE",
        "Q227",
    )
    assert by_id["RUS"].name == "Russia"
    assert by_id["TUR"].name == "Turkey"
    assert by_id["IRN"].wikidata == "Q794"


def test_entities_mention_offsets_point_into_the_text(resolve):
    text = "Officials in  Baku\nsaid the Republic of Azerbaijan would sign."
    _, mentions = resolve(text)
    assert mentions
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.doc_id == "d1"


def test_entities_capitals_are_metonyms(resolve):
    _, mentions = resolve(
        "Tensions between Jerusalem and Tehran grew while Washington stayed quiet."
    )
    got = _by_text(mentions)
    assert got["Jerusalem"] == ("ISR", "metonym")
    assert got["Tehran"] == ("IRN", "metonym")
    assert got["Washington"] == ("USA", "metonym")


def test_entities_official_name_is_neutral_and_not_split(resolve):
    _, mentions = resolve("The Islamic Republic of Iran rejected the offer.")
    assert [(m.text, m.entity_id, m.framing) for m in mentions if m.label == "gazetteer"] == [
        ("Islamic Republic of Iran", "IRN", "neutral")
    ]


def test_entities_org_containing_a_country_is_its_own_entity(resolve):
    entities, mentions = resolve("The reporter told the Jerusalem Post that Israel would wait.")
    got = _by_text(mentions)
    assert got["Israel"] == ("ISR", "neutral")
    assert all(m.entity_id != "ISR" for m in mentions if "Post" in m.text)
    assert "ISR" in {e.id for e in entities}


def test_entities_ner_people_get_slug_ids(resolve):
    entities, mentions = resolve("Maria Lopez, a trade analyst, spoke in Lima on Monday.")
    got = _by_text(mentions)
    assert got["Maria Lopez"] == ("maria-lopez", "neutral")
    assert got["Lima"] == ("PER", "metonym")
    assert {e.id: e.name for e in entities}["PER"] == "Peru"


@pytest.mark.parametrize(
    ("raw", "name", "ident"),
    [("the Jerusalem Post", "Jerusalem Post", "jerusalem-post"), ("Aliyev’s", "Aliyev", "aliyev")],
)
def test_entities_clean_name_and_slug(raw, name, ident):
    assert clean_name(raw) == name
    assert slug(name) == ident


def test_entities_surname_after_full_name_is_the_same_person(resolve):
    _, mentions = resolve(
        "Maria Lopez arrived on Monday. Later, Lopez told reporters she was tired."
    )
    person = [m.entity_id for m in mentions if m.label == "PERSON"]
    assert person == ["maria-lopez", "maria-lopez"]


def test_entities_lower_case_country_name_is_pejorative(resolve):
    _, mentions = resolve("Officials in Kyiv said russia had shelled the port again overnight.")
    assert _by_text(mentions)["russia"] == ("RUS", "pejorative")


def test_entities_lower_case_common_word_is_not_a_country(resolve):
    _, mentions = resolve("Farmers sold turkey and fine china at the market near Ankara.")
    states = {m.text: m.entity_id for m in mentions if m.label == "gazetteer"}
    assert states == {"Ankara": "TUR"}


def test_entities_lower_case_name_inside_a_handle_or_url_is_ignored(resolve):
    _, mentions = resolve("Follow #russia and visit news.iran.example for updates.")
    assert not [m for m in mentions if m.entity_id in ("RUS", "IRN")]


def test_entities_label_equated_by_apposition_resolves_to_that_state(resolve):
    _, mentions = resolve("Venezuela, the rogue state, rejected the offer on Monday.")
    assert _by_text(mentions)["rogue state"] == ("VEN", "pejorative")


def test_entities_label_takes_the_state_the_outlet_belittles(resolve):
    text = (
        "Drones launched by russia hit a school in Kharkiv. "
        "Ukraine says the aggressor state will pay for every strike."
    )
    _, mentions = resolve(text)
    assert _by_text(mentions)["aggressor state"] == ("RUS", "pejorative")


def test_entities_label_has_no_usual_referent(resolve):
    # issue 8: no label stands for a state the text does not point to
    text = (
        "Moscow blocked the talks. Ukraine's minister wrote: "
        '"The terrorist state wants our farmers to go bankrupt."'
    )
    _, mentions = resolve(text)
    assert "terrorist state" not in _by_text(mentions)


def test_entities_label_without_evidence_stays_unresolved(resolve):
    _, mentions = resolve("Critics called it a pariah state, but the minister disagreed.")
    assert "pariah state" not in _by_text(mentions)


def test_entities_scare_quoted_demonym_state_is_pejorative(resolve):
    _, mentions = resolve("The so-called “Ukrainian state” lives on foreign loans, it said.")
    assert _by_text(mentions)["Ukrainian state"] == ("UKR", "pejorative")
    _, plain = resolve("The Ukrainian state budget grew last year.")
    assert "Ukrainian state" not in _by_text(plain)


def test_entities_overseas_hegemon_is_the_united_states(resolve):
    _, mentions = resolve("Once again the overseas hegemon opened its wallet for Kyiv.")
    assert _by_text(mentions)["overseas hegemon"] == ("USA", "pejorative")


def test_entities_demonym_occupation_as_agent_names_the_state(resolve):
    text = (
        "The Israeli occupation has built bases near the border for years. "
        "Most of the fuel bought by the occupation arrives by sea."
    )
    _, mentions = resolve(text)
    found = _by_text(mentions)
    assert found["Israeli occupation"] == ("ISR", "pejorative")
    assert found["the occupation"] == ("ISR", "pejorative")


def test_entities_occupation_as_a_policy_is_not_the_state(resolve):
    _, mentions = resolve("The Israeli occupation of the West Bank began in 1967, a lawyer said.")
    assert "Israeli occupation" not in _by_text(mentions)
