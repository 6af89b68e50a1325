"""inspect(): title, author, outlet, publication date and page chrome from plain text."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claimledger.errors import LexiconError
from claimledger.ingest import inspect

BODY = (
    "The regional water board said on Monday that reservoir levels had fallen to 38 percent "
    "of capacity, the lowest reading since records began in 1974.\n\n"
    "Farmers in the valley have been asked to cut irrigation by a fifth until the autumn "
    "rains arrive, a spokesperson for the board told reporters.\n"
)


def meta_of(make_document, settings, text, path="article.txt", **hints):
    doc = make_document(text, path, **hints)
    meta = inspect(doc, settings)
    for chrome in meta.chrome:  # every span points into the original text
        assert doc.text[chrome.start : chrome.end] == chrome.text
    return meta


def kinds(meta):
    return {c.text: c.kind for c in meta.chrome}


def test_meta_two_timestamps_first_is_publication(make_document, settings):
    text = (
        "Reservoirs run low across the valley\n\n"
        "Water board warns of shortages\n\n"
        "Mar 4, 2024\u00a0-\u00a009:15\n"
        "Jul 19, 2024\u00a0-\u00a017:40\n"
        "Reservoirs run low across the valley\n"
        "Water board warns of shortages\n\n"
        "By: M. Okafor-Lind\n\n" + BODY
    )
    meta = meta_of(make_document, settings, text)
    assert meta.published == "2024-03-04"
    assert meta.published_confidence >= 0.5
    assert meta.published_evidence == "Mar 4, 2024\u00a0-\u00a009:15"
    assert meta.title == "Reservoirs run low across the valley"
    assert meta.author == "M. Okafor-Lind"
    found = [(c.text, c.kind) for c in meta.chrome]
    assert ("Jul 19, 2024\u00a0-\u00a017:40", "published_date") in found
    assert ("By: M. Okafor-Lind", "byline") in found
    # The repeated headline and the alternative headline are chrome; the first title is not.
    assert found.count(("Reservoirs run low across the valley", "repeated_title")) == 1
    assert found.count(("Water board warns of shortages", "repeated_title")) == 2
    assert text.index("Reservoirs") not in {c.start for c in meta.chrome}


def test_meta_site_header_date_is_not_publication(make_document, settings):
    text = (
        "61.3 F\nLisbon\nTuesday, October 8, 2024\n\n"
        "Reservoirs run low across the valley\n\n" + BODY
    )
    meta = meta_of(make_document, settings, text)
    assert meta.published is None
    assert kinds(meta) == {
        "61.3 F": "weather",
        "Lisbon": "site_header_city",
        "Tuesday, October 8, 2024": "site_header_date",
    }
    assert meta.title == "Reservoirs run low across the valley"


def test_meta_city_and_date_header_without_weather(make_document, settings):
    text = "Lisbon\nTuesday, October 8, 2024\n\nReservoirs run low across the valley\n\n" + BODY
    meta = meta_of(make_document, settings, text)
    assert meta.published is None
    assert kinds(meta)["Tuesday, October 8, 2024"] == "site_header_date"


def test_meta_date_beside_header_widgets_across_blank_lines(make_document, settings):
    text = "Menu\n\nSearch\n\nTuesday, October 8, 2024\n\n18 °C\n\nReservoirs run low\n\n" + BODY
    meta = meta_of(make_document, settings, text)
    assert meta.published is None
    assert kinds(meta)["Tuesday, October 8, 2024"] == "site_header_date"
    assert meta.title == "Reservoirs run low"


def test_meta_short_headline_beside_date_is_not_a_city(make_document, settings):
    text = "Flood Warning\nTuesday, October 8, 2024\n\n" + BODY
    meta = meta_of(make_document, settings, text)
    assert meta.title == "Flood Warning"
    assert meta.published == "2024-10-08"


def test_meta_standalone_date_line_is_publication(make_document, settings):
    text = "Monday, September 02, 2024\n\nReservoirs run low across the valley\n\n" + BODY
    meta = meta_of(make_document, settings, text)
    assert meta.published == "2024-09-02"
    assert meta.published_confidence >= 0.5
    assert meta.published_evidence == "Monday, September 02, 2024"
    assert kinds(meta)["Monday, September 02, 2024"] == "published_date"


def test_meta_labelled_dates(make_document, settings):
    text = (
        "Reservoirs run low across the valley\n"
        "Updated: 12 May 2024, 08:00 GMT\n"
        "Published: 10 May 2024, 17:30 GMT\n\n" + BODY
    )
    meta = meta_of(make_document, settings, text)
    assert meta.published == "2024-05-10"
    assert kinds(meta)["Updated: 12 May 2024, 08:00 GMT"] == "updated_date"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Published 3:45 PM EST, Mon March 4, 2024", "2024-03-04"),
        ("Posted on 4th March 2024 at 10:02", "2024-03-04"),
        ("2024-03-04T10:02:00+01:00", "2024-03-04"),
        ("March 4, 2024 | 10:02 AM", "2024-03-04"),
    ],
)
def test_meta_date_line_formats(make_document, settings, line, iso):
    text = f"Reservoirs run low across the valley\n{line}\n\n" + BODY
    meta = meta_of(make_document, settings, text)
    assert meta.published == iso
    assert kinds(meta)[line] == "published_date"


def test_meta_labelled_date_below_the_article(make_document, settings):
    text = "Reservoirs run low across the valley\n\n" + BODY + "\nPublished on 4 March 2024\n"
    meta = meta_of(make_document, settings, text)
    assert meta.published == "2024-03-04"
    assert kinds(meta)["Published on 4 March 2024"] == "published_date"


def test_meta_only_an_update_stamp_gives_no_date(make_document, settings):
    text = "Reservoirs run low across the valley\nLast updated: 12 May 2024\n\n" + BODY
    assert meta_of(make_document, settings, text).published is None


@pytest.mark.parametrize("relative", ["7 months ago", "2 hours ago", "a day ago", "Yesterday"])
def test_meta_relative_date_is_chrome_not_a_date(make_document, settings, relative):
    text = f"Reservoirs run low across the valley\n\n{relative}\n\n" + BODY
    meta = meta_of(make_document, settings, text)
    assert meta.published is None and meta.published_confidence < 0.5
    assert kinds(meta) == {relative: "relative_date"}


def test_meta_dates_inside_prose_are_never_the_publication(make_document, settings):
    text = (
        "On March 3, 2021, the board first warned that 69% of the wells were failing, "
        "and in May it may ask for more money.\n\n" + BODY
    )
    meta = meta_of(make_document, settings, text)
    assert meta.published is None and meta.published_evidence is None
    assert meta.title is None  # the text opens with prose: there is no headline


def test_meta_desk_byline_names_the_outlet(make_document, settings):
    text = (
        "Reservoirs run low across the valley\n\nByNews Desk-\u00a0Valley Courier\u00a0\n\n" + BODY
    )
    meta = meta_of(make_document, settings, text)
    assert meta.outlet == "Valley Courier"
    assert meta.author is None
    assert kinds(meta)["ByNews Desk-\u00a0Valley Courier"] == "byline"


@pytest.mark.parametrize(
    ("line", "author", "outlet"),
    [
        ("By Ana Sousa - Valley Courier", "Ana Sousa", "Valley Courier"),
        ("By Ana Sousa and Rui Lopes | June 3, 2024", "Ana Sousa and Rui Lopes", None),
        ("By: Staff", None, None),
    ],
)
def test_meta_bylines(make_document, settings, line, author, outlet):
    text = f"Reservoirs run low across the valley\n{line}\n\n" + BODY
    meta = meta_of(make_document, settings, text)
    assert (meta.author, meta.outlet) == (author, outlet)
    assert kinds(meta)[line] == "byline"


def test_meta_byline_date_counts_when_no_date_line(make_document, settings):
    text = "Reservoirs run low across the valley\nBy Ana Sousa | June 3, 2024\n\n" + BODY
    meta = meta_of(make_document, settings, text)
    assert meta.published == "2024-06-03"


def test_meta_sentence_starting_with_by_is_not_a_byline(make_document, settings):
    text = "Reservoirs run low\n\nBy Tuesday, the valley had run dry.\n\n" + BODY
    meta = meta_of(make_document, settings, text)
    assert meta.author is None
    assert "By Tuesday, the valley had run dry." not in kinds(meta)


def test_meta_outlet_dateline_prefix_is_chrome_but_sentence_is_not(make_document, settings):
    text = "Tidewatch- " + BODY
    meta = meta_of(make_document, settings, text)
    assert meta.outlet == "Tidewatch"
    [chrome] = meta.chrome
    assert (chrome.start, chrome.end, chrome.text, chrome.kind) == (0, 10, "Tidewatch-", "dateline")


@pytest.mark.parametrize(
    ("prefix", "outlet"),
    [
        ("LISBON (Reuters) - ", "Reuters"),
        ("LISBON, Oct. 8 (Lusa) \u2013 ", "Lusa"),
    ],
)
def test_meta_agency_datelines_name_the_outlet(make_document, settings, prefix, outlet):
    meta = meta_of(make_document, settings, prefix + BODY)
    assert meta.outlet == outlet
    assert [(c.text, c.kind) for c in meta.chrome] == [(prefix.rstrip(), "dateline")]


@pytest.mark.parametrize("prefix", ["LISBON \u2014 ", "Lisbon - "])
def test_meta_place_datelines_name_no_outlet(make_document, settings, prefix):
    meta = meta_of(make_document, settings, prefix + BODY)
    assert meta.outlet is None and meta.chrome == ()


def test_meta_hyphenated_opening_is_not_a_dateline(make_document, settings):
    text = "Portugal-Spain talks on the shared river basin ended without a deal on Friday.\n"
    meta = meta_of(make_document, settings, text + BODY)
    assert meta.outlet is None and meta.chrome == ()


def test_meta_page_furniture_lines_are_chrome(make_document, settings):
    text = (
        "Reservoirs run low across the valley\n\n12\n\nPrint\n\nShare\n\nRelated Articles\n\n"
        "-Advertisement-\n\n" + BODY + "\n\u00a0\n\nsave the wetlandsDonate\n\nLatest article\n\n"
        "- Advertisement -\n\nNo comments:\n\nPost a Comment\n"
    )
    meta = meta_of(make_document, settings, text)
    assert kinds(meta) == {
        "12": "counter",
        "Print": "share",
        "Share": "share",
        "Related Articles": "related",
        "-Advertisement-": "advertisement",
        "save the wetlandsDonate": "donate",
        "Latest article": "related",
        "- Advertisement -": "advertisement",
        "No comments:": "comments",
        "Post a Comment": "comments",
    }


def test_meta_article_sentences_are_never_chrome(make_document, settings):
    text = (
        "Share prices fell 12 percent after the board said it would print new bonds, and "
        "advertisement revenue dropped as well.\n\nDonate\n\n" + BODY
    )
    meta = meta_of(make_document, settings, text)
    assert [c.text for c in meta.chrome] == ["Donate"]


def test_meta_outlet_map_by_domain_and_file_name(make_document, settings):
    mapped = replace(
        settings, outlet_map={"valleycourier.example": "Valley Courier", "memo": "Memo Wire"}
    )
    by_url = meta_of(make_document, mapped, BODY, url="https://www.valleycourier.example/news/1")
    assert by_url.outlet == "Valley Courier"
    assert meta_of(make_document, mapped, BODY, path="in/memo.txt").outlet == "Memo Wire"
    assert meta_of(make_document, mapped, BODY, path="other.txt").outlet is None


def test_meta_hints_win_over_the_text(make_document, settings):
    text = "Monday, September 02, 2024\n\nReservoirs run low\n\nBy Ana Sousa\n\n" + BODY
    meta = meta_of(
        make_document,
        settings,
        text,
        title="Valley reservoirs at record low",
        author="A. Sousa",
        outlet="Valley Courier",
        published="2024-09-01",
    )
    assert meta.title == "Valley reservoirs at record low"
    assert meta.author == "A. Sousa"
    assert meta.outlet == "Valley Courier"
    assert meta.published == "2024-09-01"


@pytest.mark.parametrize(
    ("hint", "iso"),
    [("2024-09-01T08:00:00Z", "2024-09-01"), ("1 September 2024", "2024-09-01"), ("2024", "2024")],
)
def test_meta_hinted_dates_become_iso(make_document, settings, hint, iso):
    assert meta_of(make_document, settings, BODY, published=hint).published == iso


def test_meta_unreadable_hinted_date_falls_back_to_the_text(make_document, settings):
    text = "Monday, September 02, 2024\n\nReservoirs run low\n\n" + BODY
    assert meta_of(make_document, settings, text, published="soon").published == "2024-09-02"


def test_meta_user_lexicon_extends_chrome(tmp_path, make_document, settings):
    (tmp_path / "chrome.yaml").write_text("phrases:\n  widget:\n    - Listen to the podcast\n")
    extended = replace(settings, lexicon_dirs=(tmp_path,))
    text = "Reservoirs run low\n\nListen to the podcast\n\n" + BODY
    assert kinds(meta_of(make_document, extended, text)) == {"Listen to the podcast": "widget"}
    assert kinds(meta_of(make_document, settings, text)) == {}


def test_meta_malformed_user_lexicon_names_the_file(tmp_path, make_document, settings):
    (tmp_path / "chrome.yaml").write_text("patterns:\n  broken: ['(unclosed']\n")
    extended = replace(settings, lexicon_dirs=(tmp_path,))
    with pytest.raises(LexiconError, match=r"chrome\.yaml"):
        inspect(make_document(BODY), extended)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Reservoir Times, March 4, 2024, 10:45 Lisbon time", "2024-03-04"),
        ("Mar 4, 2024 7:02 PM GMT+1", "2024-03-04"),
        ("04.03.2024 16:40", "2024-03-04"),
        ("Published Monday 4 March 2024 - 13:20", "2024-03-04"),
        ("04/03/2024 18:22 (UTC+1)", "2024-03-04"),
    ],
)
def test_meta_more_date_line_formats(make_document, settings, line, iso):
    meta = meta_of(
        make_document, settings, f"Reservoirs run low across the valley\n{line}\n\n" + BODY
    )
    assert meta.published == iso
    assert meta.published_confidence >= 0.5
    assert kinds(meta)[line] == "published_date"


def test_meta_ambiguous_numeric_date_gives_no_date(make_document, settings):
    line = "04/03/2024 18:22"
    meta = meta_of(
        make_document, settings, f"Reservoirs run low across the valley\n{line}\n\n" + BODY
    )
    assert meta.published is None
    assert meta.title == "Reservoirs run low across the valley"
    assert kinds(meta)[line] == "undated_date"


@pytest.mark.parametrize(
    ("extra", "iso"),
    [
        # another numeric date in the text with a day above 12 fixes the order
        ("The permit, dated 19/02/2024, lapsed.", "2024-03-04"),
        ("The permit, dated 02/19/2024, lapsed.", "2024-04-03"),
    ],
)
def test_meta_numeric_date_order_from_the_text(make_document, settings, extra, iso):
    text = "Reservoirs run low across the valley\n04/03/2024 18:22\n\n" + BODY + f"\n{extra}\n"
    assert meta_of(make_document, settings, text).published == iso


def test_meta_numeric_date_order_from_the_site_header_date(make_document, settings):
    text = (
        "Lisbon 18°C | Monday, 4 March 2024 | EN PT\n\n"
        "Reservoirs run low across the valley\n04/03/2024 08:00\n\n" + BODY
    )
    meta = meta_of(make_document, settings, text)
    assert meta.published == "2024-03-04"
    assert kinds(meta)["Monday, 4 March 2024"] == "site_header_date"
