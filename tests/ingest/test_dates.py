"""The date-line grammar: which whole lines are a publication stamp, and what date they give."""

from __future__ import annotations

import pytest

from claimledger.ingest.dates import numeric_order, parse_date_line


@pytest.mark.parametrize(
    ("line", "iso", "evidence"),
    [
        ("March 9, 2024, 08:15 Lisbon time", "2024-03-09", "March 9, 2024, 08:15 Lisbon time"),
        ("Feb 2, 2024 6:05 AM GMT+2", "2024-02-02", "Feb 2, 2024 6:05 AM GMT+2"),
        ("Published Friday 9 February 2024 - 11:05", "2024-02-09", None),
        ("March 2nd, 2024", "2024-03-02", "March 2nd, 2024"),
        ("19.02.2024 09:30", "2024-02-19", "19.02.2024 09:30"),
        ("03.02.2024", "2024-02-03", "03.02.2024"),
        ("21.03.2024 / 08:10", "2024-03-21", "21.03.2024 / 08:10"),
        ("2024/02/03", "2024-02-03", "2024/02/03"),
        ("25/02/2024 10:00", "2024-02-25", "25/02/2024 10:00"),
        ("02/25/2024 10:00", "2024-02-25", "02/25/2024 10:00"),
    ],
)
def test_dates_line_formats(line, iso, evidence):
    parsed = parse_date_line(line)
    assert parsed is not None and parsed.iso == iso
    assert parsed.evidence == (evidence or parsed.evidence)


def test_dates_outlet_before_the_date_is_kept_apart():
    parsed = parse_date_line("Harbour Gazette, March 9, 2024, 08:15 local time")
    assert parsed is not None
    assert (parsed.iso, parsed.lead) == ("2024-03-09", "Harbour Gazette")
    assert parsed.evidence == "March 9, 2024, 08:15 local time"


def test_dates_author_after_the_date_is_not_evidence():
    parsed = parse_date_line("Posted on March 2nd, 2024 by Ines Carvalho")
    assert parsed is not None and parsed.labelled
    assert (parsed.iso, parsed.evidence, parsed.author) == (
        "2024-03-02",
        "March 2nd, 2024",
        "Ines Carvalho",
    )


@pytest.mark.parametrize("line", ["05/03/2024", "05/03/2024 14:20", "05-03-2024"])
def test_dates_ambiguous_numeric_date_names_no_day(line):
    parsed = parse_date_line(line)
    assert parsed is not None  # still a date line, never a headline
    assert parsed.iso is None


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("05/03/2024 14:20 (UTC+2)", "2024-03-05"),  # Europe writes the day first
        ("05/03/2024 14:20 CET", "2024-03-05"),
        ("05/03/2024 2:20 PM EST", "2024-05-03"),  # US zones write the month first
        ("Tuesday 05/03/2024", "2024-03-05"),  # only 5 March 2024 was a Tuesday
        ("Friday 05/03/2024", "2024-05-03"),
    ],
)
def test_dates_zone_or_weekday_settles_the_order(line, iso):
    parsed = parse_date_line(line)
    assert parsed is not None and parsed.iso == iso


def test_dates_a_utc_offset_in_the_americas_settles_nothing():
    parsed = parse_date_line("05/03/2024 14:20 (UTC-3)")
    assert parsed is not None and parsed.iso is None


def test_dates_order_passed_by_the_document_is_used():
    assert parse_date_line("05/03/2024", "dmy").iso == "2024-03-05"
    assert parse_date_line("05/03/2024", "mdy").iso == "2024-05-03"


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("Filed 05/03/2024. The tender closed on 19/02/2024.", "dmy"),
        ("Filed 05/03/2024. The tender closed on 02/19/2024.", "mdy"),
        ("Filed 05/03/2024 and 06/04/2024.", None),
        ("Closed on 19/02/2024 and reopened 02/19/2024.", None),  # disagreeing: no order
    ],
)
def test_dates_numeric_order_from_the_texts_own_dates(text, order):
    assert numeric_order(text) == order


@pytest.mark.parametrize(
    "line",
    ["31/02/2024", "The 12.5% rise", "Version 2.3.2024", "10:45 Lisbon time", "by 2024"],
)
def test_dates_non_dates_are_not_date_lines(line):
    parsed = parse_date_line(line)
    assert parsed is None or parsed.iso is None


@pytest.mark.parametrize(
    "line", ["By Ines Carvalho, March 4, 2024", "March 4, 2024 by noon", "in Porto, March 4, 2024"]
)
def test_dates_bylines_and_phrases_around_a_date_are_not_date_lines(line):
    assert parse_date_line(line) is None
