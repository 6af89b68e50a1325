"""Saved page text: the URL line, the date field, URL dates, the carrier outlet and the wire."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimledger.config import Settings
from claimledger.ingest import ingest, inspect
from claimledger.ingest.outlets import load_outlets, site_of, spelled_name, split_label
from claimledger.ingest.source import date_field, source_url, url_date

BODY = (
    "The regional water board said on Monday that reservoir levels had fallen to 38 percent "
    "of capacity, the lowest reading since records began in 1974.\n\n"
    "Farmers in the valley have been asked to cut irrigation by a fifth until the autumn "
    "rains arrive, a spokesperson for the board told reporters.\n"
)


def meta_of(make_document, settings, text, **hints):
    doc = make_document(text, **hints)
    meta = inspect(doc, settings)
    for chrome in meta.chrome:  # every span points into the original text
        assert doc.text[chrome.start : chrome.end] == chrome.text
    return meta


@pytest.mark.parametrize(
    ("first", "url"),
    [
        ("URL: https://news.example.org/a/1", "https://news.example.org/a/1"),
        ("Source: http://example.net/x?id=3", "http://example.net/x?id=3"),
        ("https://example.com/story", "https://example.com/story"),
        ("The URL: https://example.com is mentioned in prose", None),
        ("Headline about reservoirs", None),
    ],
)
def test_source_url_reads_only_a_leading_address_line(first, url):
    assert source_url(first + "\n\n" + BODY) == url


def test_source_saved_page_url_line_is_the_url_not_the_title(make_document, settings):
    text = "URL: https://www.valleycourier.com/news/reservoirs\nReservoirs run low\n\n" + BODY
    meta = meta_of(make_document, settings, text)
    assert meta.title == "Reservoirs run low"
    assert any(c.kind == "source_url" for c in meta.chrome)


def test_source_ingest_sets_the_url_hint_of_a_saved_page(tmp_path, settings):
    path = tmp_path / "saved.txt"
    path.write_text("URL: https://example.org/a/2\n" + BODY, encoding="utf-8")
    [doc] = ingest([path], settings)
    assert doc.hints.url == "https://example.org/a/2"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/world/2021/03/09/storm-hits", ("2021-03-09", "2021/03/09")),
        ("https://example.com/news/2021/3/9/storm-hits", ("2021-03-09", "2021/3/9")),
        ("https://example.com/2019/nov/04/storm/", ("2019-11-04", "2019/nov/04")),
        ("https://example.com/20210309/storm-hits-123.html", ("2021-03-09", "20210309")),
        ("https://example.com/ministries/202103/09/content.html", ("2021-03-09", "202103/09")),
        ("https://example.com/news/2021-03-09/storm/index.html", ("2021-03-09", "2021-03-09")),
        ("https://example.com/2018/06/a-story/", ("2018-06", "2018/06")),
        # long numeric ids and impossible dates are no dates
        ("https://example.com/en/articulo/20200302172010144747.html", None),
        ("https://example.com/2021/02/30/story", None),
        ("https://example.com/2021/13/01/story", None),
        ("https://example.com/news/448457/a-story", None),
        ("https://example.com/2099/01/01/future", None),
    ],
)
def test_source_url_date(url, expected):
    assert url_date(url, today=dt.date(2024, 6, 1)) == expected


def test_source_date_field_opening_a_line():
    assert date_field("date 2021-03-09 LISBON, March 9. The board met.").iso == "2021-03-09"
    assert date_field("date 2021-03-09").end == len("date 2021-03-09")
    assert date_field("date 2021-02-30 Text") is None
    assert date_field("A date 2021-03-09 in prose") is None


def test_source_date_field_dates_the_page_over_the_url(make_document, settings):
    text = (
        "URL: https://example.com/2021/03/01/storm\n"
        " date 2021-03-02 LISBON, March 3. /Agency/. " + BODY
    )
    meta = meta_of(make_document, settings, text)
    assert meta.published == "2021-03-02"
    assert meta.published_evidence == "date 2021-03-02"


def test_source_labelled_line_wins_over_the_url(make_document, settings):
    text = "URL: https://example.com/2021/03/01/storm\nReservoirs run low\n\n" + BODY
    text += "\nPublished March 4,2021\n"
    meta = meta_of(make_document, settings, text)
    assert meta.published == "2021-03-04"


def test_source_url_date_when_the_text_has_none(make_document, settings):
    text = "URL: https://example.com/news/2021/03/01/storm\nReservoirs run low\n\n" + BODY
    meta = meta_of(make_document, settings, text)
    assert (meta.published, meta.published_evidence) == ("2021-03-01", "2021/03/01")
    assert meta.published_confidence < 0.8  # the weakest evidence of a date


def test_source_dated_dateline(make_document, settings):
    text = (
        "URL: https://example.com/a/77\n"
        "PORTO (Valley Wire / Agency - 05th March, 2021) The regional water board said on "
        "Monday that levels had fallen to a third of capacity, officials told reporters.\n"
    )
    assert meta_of(make_document, settings, text).published == "2021-03-05"


def test_source_dateline_without_a_year_dates_nothing(make_document, settings):
    text = "URL: https://example.com/a/77\nPORTO, March 5. /TASS/. " + BODY
    assert meta_of(make_document, settings, text).published is None


def test_source_updated_stamp_with_time_first_parses():
    from claimledger.ingest.dates import parse_date_line

    date = parse_date_line("Updated 09:04, 05-Mar-2021")
    assert (date.iso, date.updated) == ("2021-03-05", True)


# -- outlets ---------------------------------------------------------------------------


def test_outlet_from_a_listed_domain(make_document, settings):
    text = "URL: https://www.reuters.com/world/x\nReservoirs run low\n\n" + BODY
    assert meta_of(make_document, settings, text).outlet == "Reuters"


def test_outlet_listed_subdomain_reads_its_parent(make_document, settings):
    text = "URL: https://english.alarabiya.net/News/x\nReservoirs run low\n\n" + BODY
    assert meta_of(make_document, settings, text).outlet == "Al Arabiya"


def test_outlet_name_in_the_text_spelling_the_domain():
    text = "Subscribe to the Valley Courier for more. " + BODY
    assert spelled_name("valleycourier", text) == "Valley Courier"
    assert spelled_name("thevalleypost", "Read The Valley Post daily.") == "The Valley Post"
    assert spelled_name("ecourier", "News from Courier Daily") == "Courier"  # e-Courier
    assert spelled_name("ecity", "News from City Daily") is None  # too short to tell


def test_outlet_domain_split_into_words():
    words = load_outlets().name_words
    assert split_label("portugalnewsupdate", BODY, words) == "Portugal News Update"
    assert split_label("abcnews", BODY, words) == "ABC News"
    # a lone word makes a name only when the page writes it as one
    assert split_label("reservoir", BODY, words) is None
    assert split_label("zqxwv", BODY, words) is None


def test_outlet_unknown_domain_is_named_by_its_domain(make_document, settings):
    text = "URL: https://blog.zqxwvtk.net/x\nReservoirs run low\n\n" + BODY
    assert meta_of(make_document, settings, text).outlet == "zqxwvtk.net"


def test_outlet_map_wins_over_the_domain(make_document):
    settings = Settings(outlet_map={"reuters.com": "My Wire Desk"})
    text = "URL: https://www.reuters.com/world/x\nReservoirs run low\n\n" + BODY
    assert meta_of(make_document, settings, text).outlet == "My Wire Desk"


def test_outlet_site_of_government_domain():
    site = site_of("https://english.www.gov.cn/a/b.html")
    assert (site.domain, site.label) == ("gov.cn", "gov")


@pytest.mark.parametrize(
    ("opening", "wire"),
    [
        ("PORTO, Portugal (AP) — The regional water board said levels fell.", "AP"),
        ("PORTO (Valley Post / Sputnik - 05th March, 2021) The board said levels fell.", "Sputnik"),
        ("PORTO, March 5. /TASS/. The board said levels fell.", "TASS"),
        ("AFP, PORTO", "AFP"),
        ("AA | 05.03.2021 - 15:24", "Anadolu Agency"),
        ("The levels fell to a third of capacity, Reuters reports.", "Reuters"),
        ("Levels fell, Valley Post reports citing Reuters.", "Reuters"),
        # photo credits and citations are no wire copy
        ("A dry reservoir near Porto. (AP Photo/Jane Roe)", None),
        ("A dry reservoir near Porto. (Reuters Photo)", None),
        ("The levels fell, Xinhua news agency reported.", None),
    ],
)
def test_outlet_wire_credit(make_document, settings, opening, wire):
    text = f"URL: https://www.valleypost.co.uk/a/1\n{opening}\n\n{BODY}"
    assert meta_of(make_document, settings, text).wire == wire


def test_outlet_wire_is_never_the_carrier_itself(make_document, settings):
    text = "URL: https://tass.com/world/1\nPORTO, March 5. /TASS/. " + BODY
    meta = meta_of(make_document, settings, text)
    assert (meta.outlet, meta.wire) == ("TASS", None)


def test_outlet_syndicated_copy_keeps_carrier_and_wire(make_document, settings):
    text = "URL: https://www.taipeitimes.com/News/a/1\n date 2021-03-09 AP, PORTO\n\n" + BODY
    meta = meta_of(make_document, settings, text)
    assert (meta.outlet, meta.wire, meta.published) == ("Taipei Times", "AP", "2021-03-09")


def test_outlet_lexicon_extends_from_a_user_folder(tmp_path: Path, make_document):
    (tmp_path / "outlets.yaml").write_text(
        "outlets:\n  - {name: Valley Post, domains: [valleypost.co.uk]}\n", encoding="utf-8"
    )
    settings = Settings(lexicon_dirs=(tmp_path,))
    text = "URL: https://www.valleypost.co.uk/a/1\nReservoirs run low\n\n" + BODY
    assert meta_of(make_document, settings, text).outlet == "Valley Post"


SAVED = "URL: https://www.valleypost.co.uk/a/1\nReservoirs run low in the valley\n{}\n\n" + BODY


@pytest.mark.parametrize(
    ("stamp", "published", "wire"),
    [
        ("Published: Mar 3, 2021 09:15 AM Updated: Mar 3, 2021 09:02 AM", "2021-03-03", None),
        ("Updated: Mar 5, 2021 Published: Mar 3, 2021", "2021-03-03", None),
        ("By AFP Published: Tue 9 May 2023, 8:40 PM", "2023-05-09", "AFP"),
        ("Reuters Published 02 Feb, 2021 10:05am", "2021-02-02", "Reuters"),
        ("Jane Roe (@janeroe) Published March 04, 2021 | 04:40 PM", "2021-03-04", None),
        # an update stamp alone, or a pair of labels with nothing to date, dates nothing
        ("Updated: Mar 5, 2021", None, None),
        ("Published: Updated:", None, None),
    ],
)
def test_source_stamp_lines(make_document, settings, stamp, published, wire):
    meta = meta_of(make_document, settings, SAVED.format(stamp))
    assert (meta.published, meta.wire) == (published, wire)
    if published:  # the stamp is chrome: "9 May" is never read as a count in the text
        assert stamp in {c.text for c in meta.chrome}


@pytest.mark.parametrize(
    "text",
    [
        "THE VALLEY POST\n\nReservoirs run low in the valley\n\nBy Jane Roe, The Valley Post\n\n",
        "Valley Post\nReservoirs run low in the valley\nBy Jane Roe, Valley Post\n",
    ],
)
def test_source_masthead_and_byline_naming_the_outlet(make_document, settings, text):
    meta = meta_of(make_document, settings, text + BODY)
    assert meta.outlet in ("The Valley Post", "Valley Post")
    assert meta.author == "Jane Roe"
    assert meta.title == "Reservoirs run low in the valley"


def test_source_byline_place_after_the_comma_is_no_outlet(make_document, settings):
    text = "Reservoirs run low in the valley\nBy Jane Roe, Porto\n\n" + BODY
    meta = meta_of(make_document, settings, text)
    assert meta.outlet is None
