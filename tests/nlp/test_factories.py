"""Our spaCy components: registered under versioned names, idempotent, matching actors."""

from __future__ import annotations

import pytest

from claimledger.nlp import annotate


def _actors(doc):
    return [(s.text, s.label_, s._.cl_framing) for s in doc.spans["actors"]]


def _run(nlp, settings, text):
    (doc,) = annotate(nlp, [text], settings)
    return doc


def test_factories_registered_with_versioned_names(nlp):
    from spacy.language import Language

    for name in ("claimledger_line_breaks_v1", "claimledger_actors_v1", "claimledger_framing_v1"):
        assert Language.has_factory(name)


def test_factories_components_are_idempotent(nlp, settings):
    doc = _run(
        nlp, settings, "Officials in Ankara and the Kremlin met.\n\nThe Zionist entity objected."
    )
    first = (_actors(doc), [t.is_sent_start for t in doc])
    for name in ("line_breaks", "actors", "framing"):
        doc = nlp.get_pipe(name)(doc)
    assert (_actors(doc), [t.is_sent_start for t in doc]) == first
    assert len(doc.spans["actors"]) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wheat prices rose in Yerevan last week.", ("Yerevan", "ARM", "metonym")),
        ("The Kremlin denied the report.", ("Kremlin", "RUS", "metonym")),
        ("Trade with Türkiye grew.", ("Türkiye", "TUR", "neutral")),
        ("Trade with Turkiye grew.", ("Turkiye", "TUR", "neutral")),
        ("The Assad regime held the city.", ("Assad regime", "SYR", "pejorative")),
        ("He blamed the Iranian regime for it.", ("Iranian regime", "IRN", "pejorative")),
        ("The Hermit Kingdom tested a missile.", ("Hermit Kingdom", "PRK", "epithet")),
        ("Envoys of the Russian Federation left.", ("Russian Federation", "RUS", "neutral")),
        ("FLOODS HIT PAKISTAN", ("PAKISTAN", "PAK", "neutral")),
    ],
)
def test_factories_actor_matches(nlp, settings, text, expected):
    assert expected in _actors(_run(nlp, settings, text))


@pytest.mark.parametrize(
    "text",
    [
        "She wrote for the Times of Israel for a decade.",
        "The Washington Post ran the story first.",
        "A spokesman for the Bank of Israel declined to comment.",
        "The film “From Oslo to Lima” opened on Friday.",
        "Exports to Latin America fell.",
    ],
)
def test_factories_org_names_are_not_state_mentions(nlp, settings, text):
    assert _actors(_run(nlp, settings, text)) == []


def test_factories_possessive_state_inside_org_is_kept(nlp, settings):
    doc = _run(nlp, settings, "Iran's Revolutionary Guard fired drones.")
    assert ("Iran", "IRN", "neutral") in _actors(doc)


@pytest.mark.parametrize(
    "text", ["Flights from “Tel Aviv,” landed.", "Flights from “Tel Aviv.” landed."]
)
def test_factories_quoted_name_with_inner_comma_is_not_a_title(nlp, settings, text):
    assert ("Tel Aviv", "ISR", "metonym") in _actors(_run(nlp, settings, text))


def test_line_breaks_hard_wrapped_sentence_stays_whole(nlp):
    text = (
        "Growers in the northern valley said on Tuesday that the harvest had fallen by a\n"
        "third after a dry spring, and that their cooperative would now ask the regional\n"
        "Ministry of Agriculture for emergency credit before the autumn sowing begins.\n"
        "Prices rose at once on the local exchange, traders said, and bakers warned that\n"
        "Bread would cost more by the end of the month.\n"
    )
    sents = [s.text for s in nlp(text).sents]
    assert "Ministry of Agriculture" in sents[0] and "Growers" in sents[0]
    assert sents[1].startswith("Prices rose")


def test_line_breaks_short_header_lines_are_their_own_sentences(nlp):
    text = "Print\nShare\nOfficials said the border would reopen on Monday.\n"
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[:2] == ["Print", "Share"]
