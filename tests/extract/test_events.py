"""Events: dated statements at the precision the text gives, resolved against the
document's own date, never today's."""

from __future__ import annotations

import pytest

from claimledger.extract import extract
from claimledger.models import DocumentMeta
from claimledger.pipeline import analysis_text


def analyse(nlp, make_document, text, published=None):
    doc = make_document(text)
    meta = DocumentMeta(doc_id=doc.id, published=published)
    return extract(nlp(analysis_text(doc, meta)), doc, meta)


def dates(analysis):
    return [e.date for e in analysis.events]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("In April 2012 the council approved the new harbour plan.", "2012-04"),
        ("On September 19, 2023, the army announced a truce in the north.", "2023-09-19"),
        ("The embassy in the capital opened in 1993 after long talks.", "1993"),
        ("The senate voted on 4 March 2021 to close the old mine.", "2021-03-04"),
        ("The two ports have cooperated closely since 1992.", "1992"),
    ],
)
def test_events_date_precision(nlp, make_document, text, date):
    assert dates(analyse(nlp, make_document, text)) == [date]


@pytest.mark.parametrize(
    ("published", "date"),
    [("2023-06-01", "2023-05-22"), ("2024-03-01", "2023-05-22"), ("2023-05-10", "2022-05-22")],
)
def test_events_partial_dates_resolve_against_the_document_date(
    nlp, make_document, published, date
):
    text = "On 22 May, the minister of transport resigned over the delays."
    assert dates(analyse(nlp, make_document, text, published=published)) == [date]


def test_events_relative_dates_need_the_document_date(nlp, make_document):
    text = "Last year, the port expanded its container terminal."
    assert dates(analyse(nlp, make_document, text, published="2023-06-01")) == ["2022"]
    assert dates(analyse(nlp, make_document, text)) == []


def test_events_without_document_date_use_a_nearby_year_or_drop(nlp, make_document):
    alone = "On 22 May, the minister of transport resigned over the delays."
    assert dates(analyse(nlp, make_document, alone)) == []
    text = "The talks on the canal began in 2019. On 22 May, the minister of transport resigned."
    assert "2019-05-22" in dates(analyse(nlp, make_document, text))


@pytest.mark.parametrize(
    "text",
    [
        "The dock strike lasted 44 days and ended with a new contract.",
        "Between 2016 and 2020, exports of timber grew every year.",
        "A week later, the council met again to discuss the bridge.",
    ],
)
def test_events_durations_ranges_and_vague_times_are_not_events(nlp, make_document, text):
    assert dates(analyse(nlp, make_document, text)) == []


def test_events_span_is_the_sentence_and_sets_not_before(nlp, make_document):
    text = "The bridge opened in 2015. In March 2020 the council closed it for repairs."
    a = analyse(nlp, make_document, text)
    last = a.events[-1]
    assert last.text == "In March 2020 the council closed it for repairs."
    assert a.document.text[last.start : last.end] == last.text
    assert last.date_text == "March 2020"
    assert a.meta.not_before == "2020-03"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("On Monday, the port of the city reopened to ships.", "2023-07-17"),
        ("The talks ended on Tuesday morning without a deal.", "2023-07-18"),
    ],
)
def test_events_weekdays_are_the_latest_before_publication(nlp, make_document, text, date):
    # 2023-07-18 is a Tuesday
    assert dates(analyse(nlp, make_document, text, published="2023-07-18")) == [date]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The work on the new quay is due to start in June.", "2025-06"),
        ("The ferry line will reopen on 2 February after repairs.", "2026-02-02"),
        ("The city is set to hold a referendum on the tram in June.", "2025-06"),
        ("The old quay was closed to traffic in June.", "2024-06"),
        ("The ministry signed the dredging contract on 2 February.", "2025-02-02"),
    ],
)
def test_events_future_clauses_resolve_forward_past_ones_backward(nlp, make_document, text, date):
    assert dates(analyse(nlp, make_document, text, published="2025-03-05")) == [date]


def test_events_take_the_verbs_since_phrase_not_a_nouns(nlp, make_document):
    text = (
        "The inspectors said that since the start of 2021, 12 tankers have docked at the "
        "northern terminal, out of 80 calls since 2015."
    )
    assert dates(analyse(nlp, make_document, text)) == ["2021"]


def test_events_take_the_statements_date_not_where_a_count_starts(nlp, make_document):
    text = "On 3 March 2022, the auditor said that tolls had doubled since 1998."
    assert dates(analyse(nlp, make_document, text)) == ["2022-03-03"]


def test_events_keep_every_dated_clause_of_a_sentence(nlp, make_document):
    text = "The mayor said on 4 May 2021 that the bridge, which opened in 1998, would close."
    assert dates(analyse(nlp, make_document, text)) == ["2021-05-04", "1998"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # spaCy can run the weekday into the clause ("Wednesday ends months")
        ("The loan approved on Wednesday ends months of doubt for the mills.", "2024-04-24"),
        ("The minister resigned on Thursday after the vote on the budget.", "2024-04-25"),
        ("The two sides will meet again on Monday to sign the final text.", "2024-04-29"),
    ],
)
def test_events_weekdays_resolve_within_a_week_of_the_document(nlp, make_document, text, date):
    # 2024-04-26 is a Friday: past weekdays look back, future ones ahead
    assert dates(analyse(nlp, make_document, text, published="2024-04-26")) == [date]


@pytest.mark.parametrize(
    ("second", "date"),
    [
        ("The vote came ten days after the miners ended their strike at the pits.", "2023-03-06"),
        ("Two weeks later, the miners ended their strike at the pits.", "2023-03-30"),
    ],
)
def test_events_a_shift_from_the_date_before_dates_the_sentence(nlp, make_document, second, date):
    text = f"The council voted on 16 March 2023 to close the coal mine.\n\n{second}\n"
    assert dates(analyse(nlp, make_document, text)) == ["2023-03-16", date]


def test_events_a_shift_with_nothing_dated_before_it_is_dropped(nlp, make_document):
    text = "The vote came ten days after the miners ended their strike at the pits.\n"
    assert dates(analyse(nlp, make_document, text, published="2023-04-01")) == []


def test_events_bounds_of_a_listed_range_are_not_events(nlp, make_document):
    text = "The county approved $40 million for schools in 2019 and 2020, officials said.\n"
    assert dates(analyse(nlp, make_document, text, published="2023-04-01")) == []
