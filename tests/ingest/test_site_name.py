"""HTML pages: the declared site name is the outlet only when it names one; comments and
body lines that look like widgets stay where they belong."""

from __future__ import annotations

import pytest

from claimledger.ingest import ingest, inspect
from claimledger.ingest.outlets import clean_site_name
from claimledger.models import Document


@pytest.mark.parametrize(
    ("name", "title", "url", "expected"),
    [
        ("Valley Post", None, "https://www.valleypost.co.uk/a", "Valley Post"),
        ("Valley Post | Your local news", None, "https://valleypost.co.uk/a", "Valley Post"),
        ("Local news daily | Valley Post", None, "https://valleypost.co.uk/a", "Valley Post"),
        ("The Morning Ledger", None, "https://tml.com.au/a", "The Morning Ledger"),
        # the owner company, not the outlet
        ("Harbour Media SA", None, "https://www.valleypost.pl/a", None),
        ("Valley Post GmbH, Schweiz", None, "https://www.valleypost.ch/a", "Valley Post"),
        # a social-media handle
        ("ValleyPostIntl", None, "https://valleypost.com/a", None),
        ("@valleypost", None, "https://valleypost.com/a", None),
        # a date or a copyright year, a dateline, the page's title, a sentence
        ("04.11.2021", None, "https://valleypost.de/a", None),
        ("Valley Post 2021", None, "https://valleypost.de/a", None),
        ("(Porto) -", None, "https://valleypost.pt/a", None),
        ("Bridge to reopen in May", "Bridge to reopen in May", "https://vp.com/a", None),
        ("Is the bridge safe? Engineers disagree.", None, "https://vp.com/a", None),
        ("", None, "https://vp.com/a", None),
    ],
)
def test_site_name_cleaning(name, title, url, expected):
    assert clean_site_name(name, title, url) == expected


def _page(site_name: str, extra: str = "") -> str:
    return (
        "<!DOCTYPE html><html><head><title>Bridge to reopen</title>"
        f'<meta property="og:site_name" content="{site_name}">'
        '<link rel="canonical" href="https://www.sputniknews.com/2021/03/09/bridge">'
        "</head><body><article><h1>Bridge to reopen</h1>"
        "<p>The mayor said on Monday that the old bridge would reopen in May after repairs "
        "that cost the city far more than planned, and that traffic would be limited to one "
        "lane until the summer, when the last of the work is due to end.</p>"
        "<p>Engineers found cracks in two of the piers last year and closed the bridge to "
        f"lorries while the council looked for the money to mend them.</p></article>{extra}"
        "</body></html>"
    )


def test_site_name_handle_falls_back_to_the_domain(tmp_path, settings):
    path = tmp_path / "p.html"
    path.write_text(_page("SputnikIntl"), encoding="utf-8")
    [doc] = ingest([path], settings)
    assert inspect(doc, settings).outlet == "Sputnik"  # the listed name of the domain


def test_site_name_reader_comments_are_not_the_article(tmp_path, settings):
    comments = (
        '<div id="comments" class="comments"><h3>Comments</h3><ul>'
        '<li class="comment"><p>Reader Jo wrote that the repairs were a waste of money '
        "and that the ferry should have been brought back instead.</p></li></ul></div>"
    )
    path = tmp_path / "p.html"
    path.write_text(_page("Valley Post", comments), encoding="utf-8")
    [doc] = ingest([path], settings)
    assert isinstance(doc, Document)
    assert "old bridge" in doc.text
    assert "ferry" not in doc.text


def test_site_name_weather_reading_in_the_body_is_text(make_document, settings):
    text = (
        "Bread rolls in twenty minutes\n\n"
        "Knead the dough for ten minutes, leave it to rise for an hour, then shape the rolls "
        "and brush them with milk before they go into the oven.\n"
        "Hot air 180 °C\n"
        "Bake them until golden, which takes about twenty minutes in most ovens.\n"
    )
    meta = inspect(make_document(text), settings)
    assert "Hot air 180 °C" not in {c.text for c in meta.chrome}


def test_site_name_weather_widget_in_the_header_is_chrome(make_document, settings):
    text = (
        "Lisbon 24 °C\n"
        "Bread rolls in twenty minutes\n\n"
        "Knead the dough for ten minutes, leave it to rise for an hour, then shape the rolls "
        "and brush them with milk before they go into the oven.\n"
    )
    meta = inspect(make_document(text), settings)
    assert "Lisbon 24 °C" in {c.text for c in meta.chrome}


@pytest.mark.parametrize(
    "line",
    [
        "Lea también: El puente del río reabre tras meses de obras y una inversión récord del ayuntamiento",
        "Lesen Sie auch: Die Brücke über den Fluss öffnet nach monatelangen Arbeiten wieder",
        "À lire aussi : le pont rouvre après des mois de travaux",
        "Teilen mit:",
        "To read the full story, please subscribe to The Valley Post.",
        "Subscribe now to our e-edition for the full story.",
        "Follow The Valley Post on Twitter and Instagram @valleypost and on Facebook.",
        "Valley Post Newsletter",
    ],
)
def test_site_name_furniture_in_other_languages_and_paywalls(make_document, settings, line):
    text = (
        "Bridge to reopen\n\n"
        "The mayor said on Monday that the old bridge would reopen in May after repairs that "
        "cost the city far more than planned.\n"
        f"{line}\n"
        "Engineers found cracks in two of the piers last year and closed the bridge to lorries.\n"
    )
    meta = inspect(make_document(text), settings)
    assert line in {c.text for c in meta.chrome}


@pytest.mark.parametrize(
    "line",
    [
        "Officials said they would follow the talks on the ground closely over the coming weeks.",
        "Readers who subscribe to the view that the bridge was never safe will find support here.",
    ],
)
def test_site_name_prose_with_widget_words_stays_text(make_document, settings, line):
    text = "Bridge to reopen\n\n" + line + "\nEngineers found cracks in two of the piers.\n"
    meta = inspect(make_document(text), settings)
    assert line not in {c.text for c in meta.chrome}
