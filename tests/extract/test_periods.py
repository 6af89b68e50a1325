"""Claim periods: stated ones, and those a careful reader takes from the context (the life
of the arrangement a total is counted under, a dated sentence beside it, the document's
own time), while figures about ongoing states stay undated."""

from __future__ import annotations

import pytest

from claimledger.extract import extract
from claimledger.extract.periods import find_cues
from claimledger.models import DocumentMeta
from claimledger.pipeline import analysis_text


def periods(nlp, make_document, text, published=None):
    """Value -> the period the text and its context give (one inferred from the article's
    date alone counts as none: that last step is tested in test_claims.py)."""
    doc = make_document(text)
    meta = DocumentMeta(doc_id=doc.id, published=published)
    analysis = extract(nlp(analysis_text(doc, meta)), doc, meta)
    return {
        c.value: (c.period.start, c.period.end) if c.period and not c.period_inferred else None
        for c in analysis.claims
    }


PACT = (
    "The river pact was signed in Geneva on 3 March 2021 by the two riparian states.\n\n"
    "Some 12 million tonnes of cargo left the upper ports under the pact, carried by more "
    "than 400 barges. About 60% of it went to coastal mills, the operators said.\n\n"
    "The lower port handles 15% of the country's trade.\n"
)


def test_periods_totals_under_an_arrangement_span_its_stated_life(nlp, make_document):
    found = periods(nlp, make_document, PACT, published="2022-05-10")
    assert found[12_000_000] == ("2021", "2022")
    assert found[400] == ("2021", "2022")  # same sentence, same count


def test_periods_past_figures_in_a_paragraph_naming_the_arrangement_share_it(nlp, make_document):
    assert periods(nlp, make_document, PACT, published="2022-05-10")[0.6] == ("2021", "2022")


def test_periods_ongoing_states_stay_undated(nlp, make_document):
    assert periods(nlp, make_document, PACT, published="2022-05-10")[0.15] is None


def test_periods_an_arrangement_without_a_stated_start_dates_nothing(nlp, make_document):
    text = "Some 12 million tonnes of cargo left the upper ports under the pact.\n"
    assert periods(nlp, make_document, text, published="2022-05-10")[12_000_000] is None


def test_periods_a_sentence_anchored_in_the_documents_time_dates_its_figures(nlp, make_document):
    text = "About 7 million tonnes of cargo have left the port, the minister said on Wednesday.\n"
    assert periods(nlp, make_document, text, published="2023-11-16") == {
        7_000_000: ("2023", "2023")
    }
    assert periods(nlp, make_document, text) == {7_000_000: None}


def test_periods_the_sentence_before_dates_a_past_figure_referring_to_it(nlp, make_document):
    text = (
        "Under the scheme, some 30 million tonnes of food left the ports over twelve months. "
        "Kenya received about 2 million tonnes of it, officials said.\n"
    )
    found = periods(nlp, make_document, text, published="2023-08-20")
    assert found[30_000_000] == ("2022", "2023")
    assert found[2_000_000] == ("2022", "2023")


def test_periods_the_month_refers_to_the_date_before(nlp, make_document):
    text = (
        "The army entered the valley on 19 September 2023. The militias laid down their arms "
        "the next day, and by the end of the month 90,000 residents had fled.\n"
    )
    assert periods(nlp, make_document, text, published="2023-10-02")[90_000] == (
        "2023-09",
        "2023-09",
    )


def test_periods_durations_take_no_period_from_their_context(nlp, make_document):
    text = (
        "Exports through the port reached $3 billion in 2019. A strike by the dockers then "
        "lasted 44 days.\n"
    )
    found = periods(nlp, make_document, text)
    assert found[3_000_000_000] == ("2019", "2019")
    assert found[44] is None


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Exports are due to reach 5 million tonnes in June.", ("2025-06", "2025-06")),
        ("Exports reached 5 million tonnes in June.", ("2024-06", "2024-06")),
        ("Exports reached 5 million tonnes last month.", ("2025-02", "2025-02")),
        (
            "The state will deliver 50,000 tonnes in the next three to four months.",
            ("2025", "2025"),
        ),
    ],
)
def test_periods_future_clauses_resolve_forward(nlp, make_document, text, period):
    assert list(periods(nlp, make_document, text, published="2025-03-05").values()) == [period]


def test_periods_relative_dates_cross_the_year_boundary():
    last_month = find_cues("Sales fell last month.", 0, "2025", "2025-01-20")
    assert [c.period.start for c in last_month] == ["2024-12"]
    ahead = find_cues("It will ship 9,000 tonnes in the next four months.", 0, "2025", "2025-11-02")
    assert [(c.period.start, c.period.end) for c in ahead] == [("2025", "2026")]


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        # "previous" counts back from the month or year just named, "last" from the document
        ("Rents rose 12% in October after 9% in the previous month.", ["2026-10", "2026-09"]),
        ("Rents rose 12% in January after 9% in the previous month.", ["2026-01", "2025-12"]),
        ("Sales fell 4% in 2019 after rising 2% the previous year.", ["2019", "2018"]),
        ("Rents rose 12% in October after 9% last month.", ["2026-10", "2026-10"]),
        ("Rents rose 9% in the previous month.", ["2026-10"]),
    ],
)
def test_periods_previous_counts_back_from_the_period_named(text, starts):
    assert [c.period.start for c in find_cues(text, 0, "2026", "2026-11-04")] == starts


def test_periods_month_names_are_whole_words():
    text = "The deal was signed on 22 July 2022 in separate documents."
    assert [(c.period.start, c.relative) for c in find_cues(text, 0, "2023", "2023-07-17")] == [
        ("2022-07", False)
    ]


def test_periods_a_figure_pointing_back_across_a_paragraph_shares_the_total(nlp, make_document):
    text = (
        "Some 30 million tonnes of food left the ports between 2021 and 2022, officials said.\n\n"
        "Maize made up about half of the total.\n\n"
        "Barley made up 25% of the harvest in the valley.\n"
    )
    found = periods(nlp, make_document, text)
    assert found[30_000_000] == ("2021", "2022")
    assert found[0.5] == ("2021", "2022")
    assert found[0.25] is None  # nothing points back: a new paragraph starts afresh


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Rail freight grew 8% between March 2019 and the end of 2021.", ("2019", "2021")),
        ("Rail freight grew 8% between May 2022 and the end of last year.", ("2022", "2024")),
        ("Rail freight grew 8% from early 2020 to mid-2022.", ("2020", "2022")),
        ("The region spent $4 billion on roads in 2019 and 2020.", ("2019", "2020")),
        ("The region spent $4 billion on roads in 2018, 2019 and 2020.", ("2018", "2020")),
        ("The lenders have pledged $4 billion through 2030.", ("2025", "2030")),
        ("The agency will hire 900 inspectors by the end of 2027.", ("2025", "2027")),
        ("By 2019 the firm had opened 40 branches.", ("2019", "2019")),
    ],
)
def test_periods_ranges_keep_both_bounds(text, period):
    cues = [c for c in find_cues(text, 0, "2025", "2025-06-10") if c.period is not None]
    assert [(c.period.start[:4], c.period.end[:4]) for c in cues] == [period]


def test_periods_the_past_week_is_the_documents_time():
    cues = find_cues("Rebels shot down 9 drones over the past week.", 0, "2025", "2025-06-10")
    assert [(c.period.start, c.relative) for c in cues] == [("2025", True)]


@pytest.mark.parametrize(
    "dated",
    [
        "The blockade of the port began in March 2021, officials recall.",
        "The navy imposed a blockade on the port in March 2021, officials recall.",
    ],
)
def test_periods_since_the_start_of_an_event_the_text_dates(nlp, make_document, dated):
    text = (
        f"{dated}\n\nFreight costs have risen by 40% since the start of the blockade, and "
        "the city will borrow $2 billion this year.\n"
    )
    found = periods(nlp, make_document, text, published="2024-02-01")
    assert found[0.4] == ("2021", "2024")
    assert found[2_000_000_000] == ("2024", "2024")


def test_periods_shortly_after_a_dated_event_is_its_year(nlp, make_document):
    text = (
        "The army invaded the island in May 2020.\n\n"
        "Fuel rose 5% on Monday but stayed below the peak of $3 a litre reached shortly after "
        "the invasion.\n"
    )
    found = periods(nlp, make_document, text, published="2024-02-07")
    assert found[3] == ("2020", "2020")


def test_periods_since_an_event_the_text_never_dates_stays_undated(nlp, make_document):
    text = (
        "Freight costs have risen by 40% since the start of the blockade, and the "
        "city will borrow $2 billion this year.\n"
    )
    assert periods(nlp, make_document, text, published="2024-02-01")[0.4] is None


PACKAGE = (
    "The governor on Tuesday signed the $9 billion flood relief package for the coast.\n\n"
    "Officials said the first tranche, worth $500 million, goes to levees. Of the total, "
    "about $3 billion will rebuild roads, while $2 billion will go to housing. Another "
    "$1 billion is set aside as loans.\n\n"
    "The coast loses about 40 square kilometres of wetland to the sea.\n"
)


def test_periods_parts_of_a_dated_whole_take_its_year(nlp, make_document):
    found = periods(nlp, make_document, PACKAGE, published="2024-05-09")
    assert found[9_000_000_000] == ("2024", "2024")
    for part in (500_000_000, 3_000_000_000, 2_000_000_000, 1_000_000_000):
        assert found[part] == ("2024", "2024"), part


def test_periods_parts_of_an_undated_whole_stay_undated(nlp, make_document):
    text = "The package, worth $9 billion, covers levees. Of the total, $3 billion goes to roads.\n"
    assert set(periods(nlp, make_document, text, published="2024-05-09").values()) == {None}


def test_periods_a_whole_the_text_calls_new_is_of_the_documents_year(nlp, make_document):
    text = (
        "The new package lifts the state's spending on the coast to $30 billion since 2019.\n\n"
        "The bill also hands $2 billion to the river towns.\n"
    )
    found = periods(nlp, make_document, text, published="2024-05-09")
    assert found[2_000_000_000] == ("2024", "2024")


def test_periods_an_arrangements_stated_life_dates_its_size(nlp, make_document):
    text = (
        "The answer is the €20 billion Coastal Fund, agreed by the ministers on 3 March.\n\n"
        "The fund runs from 2025 to 2028 and combines €12 billion in loans with €8 billion "
        "in grants.\n"
    )
    found = periods(nlp, make_document, text, published="2025-04-01")
    assert found[20_000_000_000] == ("2025", "2028")
    assert found[12_000_000_000] == ("2025", "2028")


@pytest.mark.parametrize(
    "text",
    [
        "The minister said on Monday that the plant earns about €2 billion a year.",
        "The minister said on Monday that the rebels fire five times as many shells.",
    ],
)
def test_periods_rates_and_comparisons_take_no_date_from_the_sentence(nlp, make_document, text):
    assert set(periods(nlp, make_document, text, published="2024-05-09").values()) == {None}


def test_periods_a_duration_is_not_dated_by_another_clause(nlp, make_document):
    text = (
        "In March, the ministry asked parliament for $2 billion, and spent four months "
        "lobbying deputies.\n"
    )
    found = periods(nlp, make_document, text, published="2024-09-01")
    assert found[2_000_000_000] == ("2024-03", "2024-03")
    assert found[4] is None


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Some 410 cases were logged from Nov. 3, 2024 to Feb. 9, 2025.", ("2024-11", "2025-02")),
        (
            "It logged 410 cases between 3 November 2024 and 9 February this year.",
            ("2024-11", "2025-02"),
        ),
        ("It logged 410 cases between November 2024 and February 2025.", ("2024-11", "2025-02")),
    ],
)
def test_periods_a_range_of_full_dates_spans_their_months(nlp, make_document, text, period):
    assert list(periods(nlp, make_document, text, published="2025-02-11").values()) == [period]


@pytest.mark.parametrize(
    "text",
    [
        "The agency's budget rose to $2.1 billion in fiscal 2019.",
        "The agency's budget rose to $2.1 billion in fiscal year 2019.",
        "The agency's budget rose to $2.1 billion in FY2019.",
    ],
)
def test_periods_a_budgets_year_is_that_year(nlp, make_document, text):
    assert list(periods(nlp, make_document, text, published="2021-02-11").values()) == [
        ("2019", "2019")
    ]


def test_periods_next_year_is_the_year_after_the_documents():
    cues = find_cues("The plan would lift growth by 0.8 points next year.", 0, "2025", "2025-12-08")
    assert [(c.period.start, c.period.end) for c in cues] == [("2026", "2026")]


def test_periods_the_base_of_a_change_is_not_its_time():
    # "from a year earlier" says what a change is measured against, not when it holds
    for text in (
        "Prices were up 9% from a year earlier.",
        "Sales rose 4% compared with the previous year.",
        "Output grew 2% from the previous month.",
    ):
        assert find_cues(text, 0, "2025", "2025-06-10") == [], text
    said = find_cues("Sales had risen 4% a year earlier.", 0, "2025", "2025-06-10")
    assert [c.period.start for c in said] == ["2024"]


def test_periods_this_month_is_the_documents_month():
    cues = find_cues("Prices rose 3% this month.", 0, "2025", "2025-06-10")
    assert [(c.period.start, c.period.end) for c in cues] == [("2025-06", "2025-06")]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Some 4,100 cases were logged between Nov. 20 and Feb. 3.", ("2024-11", "2025-02")),
        ("Some 4,100 cases were logged from 2 January to 9 February.", ("2025-01", "2025-02")),
    ],
)
def test_periods_months_without_years_run_up_to_the_documents_month(text, period):
    (cue,) = find_cues(text, 0, "2025", "2025-02-10")
    assert (cue.period.start, cue.period.end) == period


def test_periods_an_age_over_n_years_is_no_stretch_of_time():
    for text in ("Some 81% of the dead were over 65 years old.", "Voters over 18 years of age."):
        assert find_cues(text, 0, "2025", "2025-02-10") == [], text


def test_periods_of_two_cues_as_near_the_one_after_the_figure_wins(nlp, make_document):
    text = "The index rose from 140.5% in March to 151.25% in this month, the bureau said."
    found = periods(nlp, make_document, text, published="2024-06-12")
    assert found[1.405] == ("2024-03", "2024-03")
    assert found[1.5125] == ("2024-06", "2024-06")


def test_periods_a_documents_length_is_of_the_time_it_was_written(nlp, make_document):
    text = "The city spent $52 million between 2011 and 2015, the 30-page audit released on Monday said."
    found = periods(nlp, make_document, text, published="2024-03-08")
    assert found[52_000_000] == ("2011", "2015")
    assert found[30] is None  # undated by the sentence: of the article's time (inferred)
