"""Framing labels a reader sees next to each mention: neutral, metonym, pejorative, epithet."""

from __future__ import annotations

import pytest

from claimledger.extract.entities import resolve_entities
from claimledger.nlp import annotate


def _framings(nlp, settings, text):
    (sdoc,) = annotate(nlp, [text], settings)
    _, mentions = resolve_entities(sdoc, "d1")
    return [(m.text, m.entity_id, m.framing) for m in mentions if m.label == "gazetteer"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Zionist entity sent more jets.", ("Zionist entity", "ISR", "pejorative")),
        ("Critics of the Israeli regime gathered.", ("Israeli regime", "ISR", "pejorative")),
        ("The Israeli Occupation razed two homes.", ("Israeli Occupation", "ISR", "pejorative")),
        ("Reporters described the Aliyev regime.", ("Aliyev regime", "AZE", "pejorative")),
        ("Talks with the Kiev junta stalled.", ("Kiev junta", "UKR", "pejorative")),
        ("The Jewish state bought the radar.", ("Jewish state", "ISR", "epithet")),
        ("Pressure on the Islamic Republic grew.", ("Islamic Republic", "IRN", "epithet")),
        ("The Middle Kingdom raised tariffs.", ("Middle Kingdom", "CHN", "epithet")),
        ("Downing Street said nothing.", ("Downing Street", "GBR", "metonym")),
        ("The Israeli government approved it.", ("Israeli government", "ISR", "metonym")),
        ("Greece and Chile agreed.", ("Greece", "GRC", "neutral")),
    ],
)
def test_framing_labels(nlp, settings, text, expected):
    assert expected in _framings(nlp, settings, text)


@pytest.mark.parametrize(
    "text",
    [
        "Drones reached southern “Israel,” the report said.",
        "He said ‘Israel’ was behind it.",
        'Flights to "Israel" resumed.',
        "Flights to “Israel.” resumed.",
    ],
)
def test_framing_scare_quoted_state_name_is_pejorative(nlp, settings, text):
    assert ("Israel", "ISR", "pejorative") in _framings(nlp, settings, text)


def test_framing_possessive_after_quote_mark_is_not_a_scare_quote(nlp, settings):
    got = _framings(nlp, settings, "He called it “Israel’s best friend” in the east.")
    assert ("Israel", "ISR", "neutral") in got


def test_framing_scare_quoted_capital_stays_a_metonym(nlp, settings):
    assert ("Tel Aviv", "ISR", "metonym") in _framings(
        nlp, settings, "Envoys from “Tel Aviv” came."
    )


@pytest.mark.parametrize(
    "text", ["He backed Iran regime change.", "It was a U.S. regime-change plan for Iraq."]
)
def test_framing_regime_change_is_not_a_name_for_the_state(nlp, settings, text):
    assert all(f != "pejorative" for _, _, f in _framings(nlp, settings, text))


def test_framing_title_case_headline_regime_is_pejorative(nlp, settings):
    got = _framings(nlp, settings, "Syrian Regime Retakes Town")
    assert ("Syrian Regime", "SYR", "pejorative") in got
