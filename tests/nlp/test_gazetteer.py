"""The actor gazetteer: coverage of the bundled data and users' extensions."""

from __future__ import annotations

import pytest

from claimledger.errors import LexiconError
from claimledger.nlp.gazetteer import load_gazetteer


def test_gazetteer_covers_un_members_and_observers():
    g = load_gazetteer()
    states = [a for a in g.actors.values() if a.iso3]
    assert len(states) >= 193 + 2
    for iso3 in ("PSE", "VAT", "TWN", "XKX", "SSD", "TLS"):
        assert iso3 in g.actors


@pytest.mark.parametrize(
    ("iso3", "name", "wikidata"),
    [("TUR", "Turkey", "Q43"), ("USA", "United States", "Q30"), ("IRN", "Iran", "Q794")],
)
def test_gazetteer_uses_short_common_names(iso3, name, wikidata):
    actor = load_gazetteer().actors[iso3]
    assert (actor.name, actor.wikidata) == (name, wikidata)


def test_gazetteer_no_surface_points_to_two_states():
    seen: dict[str, str] = {}
    for alias in load_gazetteer().aliases:
        assert seen.setdefault(alias.surface, alias.entity_id) == alias.entity_id, alias.surface


def test_gazetteer_user_lexicon_extends_an_entity(tmp_path):
    (tmp_path / "my_actors.yaml").write_text(
        "entities:\n  - id: FRA\n    aliases:\n      epithet: [the Hexagon]\n"
        "  - id: acme\n    name: Acme Republic\n    aliases:\n      neutral: [Acmeland]\n",
        encoding="utf-8",
    )
    g = load_gazetteer((tmp_path,))
    surfaces = {(a.surface, a.entity_id, a.framing) for a in g.aliases}
    assert ("the Hexagon", "FRA", "epithet") in surfaces
    assert ("Acmeland", "acme", "neutral") in surfaces
    assert g.actors["FRA"].name == "France"


def test_gazetteer_bad_user_file_names_the_file(tmp_path):
    bad = tmp_path / "broken_actors.yaml"
    bad.write_text("entities:\n  - id: FRA\n    aliases:\n      sarcastic: [x]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"broken_actors\.yaml.*sarcastic"):
        load_gazetteer((tmp_path,))


def test_gazetteer_ignores_other_stages_lexicons(tmp_path):
    (tmp_path / "units.yaml").write_text("names: [Not An Org]\n", encoding="utf-8")
    assert "Not An Org" not in load_gazetteer((tmp_path,)).org_names


@pytest.mark.parametrize(
    "body",
    [
        "entities: {id: FRA}\n",
        "entities:\n  - id: FRA\n    aliases: [Gaul]\n",
        "entities:\n  - id: newland\n    aliases:\n      neutral: [Newland]\n",
        "entities: [\n",
    ],
)
def test_gazetteer_malformed_user_file_raises_lexicon_error(tmp_path, body):
    (tmp_path / "actors.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(LexiconError, match=r"actors\.yaml"):
        load_gazetteer((tmp_path,))


def test_gazetteer_user_state_label_overrides_ours(tmp_path):
    (tmp_path / "my_actors.yaml").write_text(
        "state_labels:\n  - {label: Rogue State, framing: epithet, usual: IRN, when: [USA]}\n",
        encoding="utf-8",
    )
    labels = {lab.label: lab for lab in load_gazetteer((tmp_path,)).state_labels}
    assert (labels["rogue state"].framing, labels["rogue state"].usual) == ("epithet", "IRN")
    assert labels["rogue state"].when == ("USA",)


def test_gazetteer_state_label_with_bad_framing_names_the_file(tmp_path):
    (tmp_path / "odd_actors.yaml").write_text(
        "state_labels:\n  - {label: evil empire, framing: sarcastic}\n", encoding="utf-8"
    )
    with pytest.raises(LexiconError, match=r"odd_actors\.yaml.*sarcastic"):
        load_gazetteer((tmp_path,))


def test_gazetteer_lists_country_names_that_are_common_words():
    words = load_gazetteer(()).common_words
    assert {"turkey", "china", "chad", "jordan"} <= words
    assert "russia" not in words
