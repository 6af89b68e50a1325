"""Bylines with and without "By", credit lines, and the authors they name."""

from __future__ import annotations

import pytest

from claimledger.ingest import inspect
from claimledger.ingest.bylines import parse_bare_byline, parse_credits

BODY = (
    "The harbour authority said on Friday that container traffic had fallen by 14 percent "
    "in the first quarter, the steepest drop since the port was expanded in 2011.\n\n"
    "Shipping lines blamed higher fees and a strike by crane operators, a spokesman for the "
    "authority told a news conference in the old customs house.\n"
)
HEADLINE = "Harbour traffic slumps as fees bite"
NOT_AUTHORS = frozenset({"staff reporter", "staff"})


def meta_of(make_document, settings, text):
    return inspect(make_document(text), settings)


def kinds(meta):
    return {c.text: c.kind for c in meta.chrome}


@pytest.mark.parametrize(
    ("line", "author", "outlet"),
    [
        ("Staff Reporter", None, None),
        ("Ines Carvalho, Senior Fellow", "Ines Carvalho", None),
        ("Ines Carvalho | Shipping Correspondent", "Ines Carvalho", None),
        ("Ines Carvalho - Harbour Ledger", "Ines Carvalho", "Harbour Ledger"),
    ],
)
def test_bylines_without_by(line, author, outlet):
    byline = parse_bare_byline(line, NOT_AUTHORS, frozenset({"harbour ledger"}))
    assert byline is not None
    assert (byline.author, byline.outlet) == (author, outlet)


@pytest.mark.parametrize(
    "line",
    [
        "Ines Carvalho - Tide Weekly",  # an outlet the page never names
        "Crane operators, port workers",  # no role word
        "Strike Ends - Crews Return",  # a headline
    ],
)
def test_bylines_without_by_need_a_known_outlet_or_a_role(line):
    assert parse_bare_byline(line, NOT_AUTHORS, frozenset({"harbour ledger"})) is None


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Reporting by Ines Carvalho in Porto; Editing by Rui Lopes", "Ines Carvalho"),
        (
            "Reporting by Ines Carvalho and Ana Sousa; additional reporting by Tom Reed in "
            "Vigo; Writing by Rui Lopes; Editing by Kim Lee",
            "Ines Carvalho",
        ),
        ("Editing by Rui Lopes", None),
    ],
)
def test_bylines_credit_lines(line, author):
    credits = parse_credits(line)
    assert credits is not None and credits.author == author


@pytest.mark.parametrize(
    "line",
    ["Reporting by the harbour authority was late.", "Editing by committee never works"],
)
def test_bylines_sentences_are_not_credit_lines(line):
    assert parse_credits(line) is None


def test_bylines_credit_line_is_chrome_and_names_the_author(make_document, settings):
    text = (
        f"{HEADLINE}\n\n" + BODY + "\nReporting by Ines Carvalho in Porto; Editing by Rui Lopes\n"
    )
    meta = meta_of(make_document, settings, text)
    assert meta.author == "Ines Carvalho"
    assert kinds(meta) == {"Reporting by Ines Carvalho in Porto; Editing by Rui Lopes": "credits"}


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Author: Ines Carvalho", "Ines Carvalho"),
        ("Written by Ines Carvalho", "Ines Carvalho"),
        ("Ines Carvalho, Shipping Editor", "Ines Carvalho"),
        ("Staff Reporter", None),
    ],
)
def test_bylines_header_forms(make_document, settings, line, author):
    meta = meta_of(make_document, settings, f"{HEADLINE}\n{line}\n\n" + BODY)
    assert meta.author == author
    assert meta.title == HEADLINE
    assert kinds(meta)[line] == "byline"


def test_bylines_name_beside_the_masthead_outlet(make_document, settings):
    text = (
        "Harbour Ledger\nHome › Port\n\n"
        f"{HEADLINE}\n\n11/03/2024 09:10 (UTC+1)\nInes Carvalho - Harbour Ledger\n\n" + BODY
    )
    meta = meta_of(make_document, settings, text)
    assert (meta.author, meta.outlet, meta.published) == (
        "Ines Carvalho",
        "Harbour Ledger",
        "2024-03-11",
    )


def test_bylines_author_after_a_posted_date(make_document, settings):
    meta = meta_of(
        make_document,
        settings,
        f"{HEADLINE}\n\nPosted on March 2nd, 2024 by Ines Carvalho\n\n" + BODY,
    )
    assert (meta.author, meta.published, meta.published_evidence) == (
        "Ines Carvalho",
        "2024-03-02",
        "March 2nd, 2024",
    )


def test_bylines_byline_with_a_comma_and_date(make_document, settings):
    meta = meta_of(
        make_document, settings, f"{HEADLINE}\nBy Ines Carvalho, March 4, 2024\n\n" + BODY
    )
    assert (meta.author, meta.published) == ("Ines Carvalho", "2024-03-04")


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("By Harbour Ledger Staff", "Harbour Ledger"),
        ("By Voice of the Coast staff | March 4, 2024", "Voice of the Coast"),
        ("By Our Staff", None),
    ],
)
def test_bylines_desk_byline_names_the_outlet(make_document, settings, line, outlet):
    meta = meta_of(make_document, settings, f"{HEADLINE}\n{line}\n\n" + BODY)
    assert (meta.author, meta.outlet) == (None, outlet)
    assert kinds(meta)[line] == "byline"


@pytest.mark.parametrize(
    ("prefix", "outlet"),
    [("(Harbour Wire) - ", "Harbour Wire"), ("(Video) - ", None)],
)
def test_bylines_bare_agency_dateline(make_document, settings, prefix, outlet):
    meta = meta_of(make_document, settings, prefix + BODY)
    assert meta.outlet == outlet


def test_bylines_role_after_a_comma_is_dropped(make_document, settings):
    meta = meta_of(
        make_document, settings, f"{HEADLINE}\nBy Ines Carvalho, Staff Writer\n\n" + BODY
    )
    assert meta.author == "Ines Carvalho"
