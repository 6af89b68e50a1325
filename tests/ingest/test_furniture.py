"""Site furniture read by `inspect`: mastheads, header bars, menus, related links, footers."""

from __future__ import annotations

import pytest

from claimledger.ingest import inspect
from claimledger.ingest.furniture import copyright_holder, segments

BODY = (
    "The harbour authority said on Friday that container traffic had fallen by 14 percent "
    "in the first quarter, the steepest drop since the port was expanded in 2011.\n\n"
    "Shipping lines blamed higher fees and a strike by crane operators, a spokesman for the "
    "authority told a news conference in the old customs house.\n"
)
HEADLINE = "Harbour traffic slumps as fees bite"


def meta_of(make_document, settings, text):
    doc = make_document(text)
    meta = inspect(doc, settings)
    for chrome in meta.chrome:
        assert doc.text[chrome.start : chrome.end] == chrome.text
    return meta


def kinds(meta):
    return {c.text: c.kind for c in meta.chrome}


def test_furniture_segments_split_at_separators_then_at_wide_spaces():
    line = "Porto  +17°C  |  Friday, 8 March 2024  |  EN  PT"
    assert [line[s:e] for s, e in segments(line)] == [
        "Porto  +17°C",
        "Friday, 8 March 2024",
        "EN  PT",
    ]
    spaced = "Port  Fisheries  Weather"
    assert [spaced[s:e] for s, e in segments(spaced)] == ["Port", "Fisheries", "Weather"]


def test_furniture_masthead_and_header_bar(make_document, settings):
    text = (
        "THE HARBOUR LEDGER\n"
        "Porto  +17°C  |  Saturday, 9 March 2024  |  EN  PT\n\n"
        "Home | Port | Fisheries | Opinion\n\n"
        f"{HEADLINE}\n\n"
        "By Ines Carvalho - The Harbour Ledger\n"
        "8 March 2024, 18:40\n\n" + BODY
    )
    meta = meta_of(make_document, settings, text)
    assert meta.title == HEADLINE
    assert meta.outlet == "The Harbour Ledger"
    assert meta.published == "2024-03-08"  # not the site's date in the header bar
    found = kinds(meta)
    assert found["THE HARBOUR LEDGER"] == "masthead"
    assert found["Porto  +17°C"] == "weather"
    assert found["Saturday, 9 March 2024"] == "site_header_date"
    assert found["EN  PT"] == "language"
    assert {found[w] for w in ("Home", "Port", "Fisheries")} == {"navigation"}
    assert found["Opinion"] == "section"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Harbour Ledger", "Porto 17°C  ·  USD/EUR 0.92  ·  Tide 2.1 m"),
        ("Harbour Ledger", "Home › Port › Fisheries"),
        ("Harbour Ledger — Independent news from the waterfront", "ANALYSIS"),
        ("HARBOUR LEDGER", "Porto | Drizzle, 12°C | Your daily tide of port news"),
    ],
)
def test_furniture_masthead_names_the_outlet(make_document, settings, first, second):
    text = f"{first}\n{second}\n\n{HEADLINE}\n\n" + BODY
    meta = meta_of(make_document, settings, text)
    assert meta.outlet == "Harbour Ledger"
    assert meta.title == HEADLINE
    assert kinds(meta)[first] == "masthead"


def test_furniture_masthead_confirmed_by_the_copyright_footer(make_document, settings):
    text = (
        f"Harbour Ledger\n\n{HEADLINE}\n\n"
        + BODY
        + "\n© 2024 Harbour Ledger. All rights reserved.\n"
    )
    meta = meta_of(make_document, settings, text)
    assert (meta.outlet, meta.title) == ("Harbour Ledger", HEADLINE)
    assert kinds(meta)["© 2024 Harbour Ledger. All rights reserved."] == "copyright"


@pytest.mark.parametrize(
    "text",
    [
        f"Flood Warning\n\n{HEADLINE}\n\n" + BODY,  # nothing says it is the site's name
        "Harbour Traffic Slumps\nShare\nPrint\n\n" + BODY,  # a short headline above buttons
        "Harbour Ledger\nHome › Port\n\n" + BODY,  # no headline below it
    ],
)
def test_furniture_short_headline_is_not_a_masthead(make_document, settings, text):
    meta = meta_of(make_document, settings, text)
    assert meta.outlet is None
    assert "masthead" not in kinds(meta).values()


def test_furniture_section_menu_split_by_a_dash_needs_a_headline_below(make_document, settings):
    with_headline = meta_of(make_document, settings, f"Port – Fisheries\n\n{HEADLINE}\n\n" + BODY)
    assert with_headline.title == HEADLINE
    assert kinds(with_headline)["Port"] == "navigation"
    alone = meta_of(make_document, settings, "Port – Fisheries\n\n" + BODY)
    assert alone.title == "Port – Fisheries"


def test_furniture_footer_lines(make_document, settings):
    text = (
        f"{HEADLINE}\n\n" + BODY + "\nTags: ports, shipping, strikes\n\n"
        "Read also:\nCrane operators vote on new contract\nFerry timetable cut for winter\n\n"
        "Share:  VK  Telegram  OK\n\nComments (7)\n\nComments are closed.\n\n"
        "Subscribe to Harbour Ledger | Unsubscribe | Privacy policy\n"
    )
    found = kinds(meta_of(make_document, settings, text))
    assert found["Tags: ports, shipping, strikes"] == "tags"
    assert found["Read also:"] == "related"
    assert found["Crane operators vote on new contract"] == "related_headline"
    assert found["Ferry timetable cut for winter"] == "related_headline"
    assert found["Share:"] == "share"
    assert found["Comments (7)"] == "counter"
    assert found["Comments are closed."] == "comments"
    assert found["Subscribe to Harbour Ledger | Unsubscribe | Privacy policy"] == "donate"


def test_furniture_prose_after_a_related_heading_stays_text(make_document, settings):
    text = f"{HEADLINE}\n\nRelated Articles\n\n" + BODY
    meta = meta_of(make_document, settings, text)
    assert set(kinds(meta).values()) == {"related"}


def test_furniture_body_line_with_separators_is_not_chrome(make_document, settings):
    text = f"{HEADLINE}\n\n" + BODY + "\nPort | Fisheries\n\nThe strike ended - Crews returned\n"
    assert kinds(meta_of(make_document, settings, text)) == {}


@pytest.mark.parametrize(
    ("line", "holder"),
    [
        ("© 2024 Harbour Ledger. All rights reserved.", "Harbour Ledger"),
        ("©2023 The Tide-Post (Porto, PT)", "The Tide-Post"),
        ("Copyright © 2024 Harbour Media Group | Privacy", "Harbour Media Group"),
        ("© Provided by Harbour Media", None),  # a picture credit
        ("© AFP Crane operators on the quay in Porto on Friday", None),
        ("COPYRIGHT 2024 HARBOURSYNDICATE.COM", None),  # a syndicate's address
        ("© Harbour Ledger 2024", "Harbour Ledger"),
    ],
)
def test_furniture_copyright_holder(line, holder):
    assert copyright_holder(line) == holder


def test_furniture_copyright_names_the_outlet_last(make_document, settings):
    text = f"{HEADLINE}\n\n" + BODY + "\n© 2024 Harbour Ledger. All rights reserved.\n"
    assert meta_of(make_document, settings, text).outlet == "Harbour Ledger"


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("8 March 2024 • 4 min read", "8 March 2024"),
        ("PUBLISHED: 09:12 GMT, 8 March 2024 | UPDATED: 17:40 GMT, 9 March 2024", None),
    ],
)
def test_furniture_article_stamp_bar_gives_the_publication(make_document, settings, line, stamp):
    meta = meta_of(make_document, settings, f"{HEADLINE}\n{line}\n\n" + BODY)
    assert meta.published == "2024-03-08"
    found = kinds(meta)
    assert "published_date" in found.values()
    if stamp:
        assert found[stamp] == "published_date"


def test_furniture_date_in_a_bar_under_the_masthead_is_the_sites(make_document, settings):
    text = (
        "HARBOUR LEDGER\nPorto | Saturday, 9 March 2024\nHome | Port | Fisheries\n\n"
        f"{HEADLINE}\n\n8 March 2024\n\n" + BODY
    )
    meta = meta_of(make_document, settings, text)
    assert (meta.published, meta.outlet, meta.title) == ("2024-03-08", "Harbour Ledger", HEADLINE)
    assert kinds(meta)["Saturday, 9 March 2024"] == "site_header_date"


def test_furniture_weather_after_the_date_makes_a_site_header(make_document, settings):
    text = (
        "Harbour Ledger\nSaturday 09 March 2024 | 11°C Porto\n\n"
        f"{HEADLINE}\n\nHarbour Ledger, March 8, 2024\n\n" + BODY
    )
    meta = meta_of(make_document, settings, text)
    assert (meta.published, meta.outlet) == ("2024-03-08", "Harbour Ledger")
    found = kinds(meta)
    assert found["11°C Porto"] == "weather"
    assert found["Saturday 09 March 2024"] == "site_header_date"
