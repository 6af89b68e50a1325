"""Measure phrases fold to one canonical form through data/measures.yaml."""

from __future__ import annotations

import pytest

from claimledger.errors import LexiconError
from claimledger.reconcile import canonical_measure, load_lexicon


@pytest.mark.parametrize(
    "phrase",
    [
        "arms imports",
        "acquisitions of armaments",
        "weapons bought",
        "arms purchases",
        "imports of arms",
        "Arms Imports",
    ],
)
def test_measures_synonyms_fold_to_arms_imports(phrase):
    assert canonical_measure(phrase) == "arms imports"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("share of weapons exports", "share of arms exports"),
        ("percentage of arms imports", "share of arms imports"),
        ("value of arms purchases", "value of arms imports"),
        ("share of the oil imports", "share of oil imports"),
        ("share of Azerbaijan's arms imports", "share of arms imports"),
        ("number of troops killed", "number of soldiers killed"),
    ],
)
def test_measures_aspect_is_kept_and_base_folded(phrase, expected):
    assert canonical_measure(phrase) == expected


def test_measures_unit_gives_the_default_aspect():
    assert canonical_measure("oil imports", "ratio") == "share of oil imports"
    assert canonical_measure("soldiers killed", "count") == "number of soldiers killed"


def test_measures_unknown_phrase_stays_readable():
    assert canonical_measure("Merkava tanks") == "merkava tanks"


def test_measures_siblings_are_symmetric():
    lex = load_lexicon()
    assert "oil imports" in lex.siblings["energy needs"]
    assert "energy needs" in lex.siblings["oil imports"]
    assert "arms exports" not in lex.siblings.get("arms imports", ())


def test_measures_user_lexicon_adds_synonyms_and_siblings(tmp_path):
    (tmp_path / "measures.yaml").write_text(
        "measures:\n"
        "  - canonical: fertiliser exports\n"
        "    synonyms: [fertilizer exports, fertiliser shipped]\n"
        "    siblings: [oil imports]\n",
        encoding="utf-8",
    )
    lex = load_lexicon([tmp_path])
    assert lex.key("fertilizer exports", "tonnes").base_text == "fertiliser exports"
    assert lex.key("arms purchases", "ratio").base_text == "arms imports"  # bundled still there
    assert "fertiliser exports" in lex.siblings["oil imports"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("measures: [oops", "not valid YAML"),
        ("- just\n- a list\n", "expected a mapping"),
        ("measures:\n  - synonyms: [x]\n", "canonical"),
    ],
)
def test_measures_malformed_user_lexicon_names_file_and_reason(tmp_path, text, reason):
    path = tmp_path / "measures.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon([tmp_path])
    assert str(path) in str(info.value) and reason in str(info.value)


def test_measures_generic_aspect_gives_way_to_the_unit():
    lex = load_lexicon()
    grain = lex.key("grain", "tonnes")
    assert lex.key("value of grain", "tonnes") == grain
    assert lex.key("quantity of grain", "tonnes") == grain
    assert grain.text == "quantity of grain"
    assert lex.key("ships", "count") == lex.key("number of ships", "count")


def test_measures_keep_no_story_keyed_synonyms():
    # issue 8: "grain" is not "food" and "package" is not "aid" in general English
    lex = load_lexicon()
    assert lex.key("quantity of grain", "tonnes").base != lex.key("food", "tonnes").base
    assert lex.key("value of package", "USD").base != lex.key("value of aid", "USD").base


@pytest.mark.parametrize(
    ("phrase", "words", "dropped"),
    [
        ("Norwegian share of fish exports", ["norway", "chile"], ["norway"]),
        ("Chile's copper output", ["chile", "peru"], ["chile"]),
        ("value of grain shipments", ["egypt", "turkey"], []),
    ],
)
def test_measures_drops_names_the_actor_words_that_change_the_key(phrase, words, dropped):
    # reconcile caches keys by the actor words that drop a word of the phrase: the key
    # from those alone must be the key from all of them
    lex = load_lexicon()
    found = [w for w in words if lex.drops(phrase, w)]
    assert found == dropped
    for family in ("ratio", "count", "USD"):
        assert lex.key(phrase, family, drop=found) == lex.key(phrase, family, drop=words)
