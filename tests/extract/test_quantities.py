"""Figures: values normalised, units, counted nouns, qualifiers, and numbers that are not
figures (dates, list markers, small spelled-out counts, page chrome)."""

from __future__ import annotations

import pytest

from claimledger.extract import cues, extract
from claimledger.extract.quantities import find_figures
from claimledger.models import Chrome, DocumentMeta
from claimledger.pipeline import analysis_text


def analyse(nlp, make_document, text, published=None, chrome=()):
    doc = make_document(text)
    meta = DocumentMeta(doc_id=doc.id, published=published, chrome=chrome)
    return extract(nlp(analysis_text(doc, meta)), doc, meta)


def only_claim(analysis):
    assert len(analysis.claims) == 1, [c.value_text for c in analysis.claims]
    return analysis.claims[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The ministry paid $4.85 billion for the new radar systems.", 4_850_000_000, "USD"),
        ("The harbour contract was worth US$1.1bn to the builders.", 1_100_000_000, "USD"),
        ("Farmers lost 25 million dollars when the dam failed.", 25_000_000, "USD"),
        ("The city council granted €3m to the library project.", 3_000_000, "EUR"),
    ],
)
def test_quantities_money_is_normalised_to_currency_units(nlp, make_document, text, value, unit):
    claim = only_claim(analyse(nlp, make_document, text))
    assert claim.value == pytest.approx(value)
    assert claim.unit == unit


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Coal made up 69% of the grid's output in the valley.", 0.69),
        ("Rice exports fell by twenty percent during the drought.", 0.20),
        ("The survey found that 40 per cent of the voters stayed home.", 0.40),
    ],
)
def test_quantities_percentages_become_ratios(nlp, make_document, text, value):
    claim = only_claim(analyse(nlp, make_document, text))
    assert claim.unit == "ratio"
    assert claim.value == pytest.approx(value)


def test_quantities_counts_keep_the_counted_noun(nlp, make_document):
    claim = only_claim(
        analyse(nlp, make_document, "The harbour handled 92 cargo ships in the busy season.")
    )
    assert (claim.value, claim.unit, claim.counted) == (92, "count", "cargo ships")


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("The floods forced at least 600,000 residents to leave.", 600_000, "count", "at_least"),
        ("The siege killed more than 6,000 soldiers on both sides.", 6_000, "count", "more_than"),
        ("The clinic employs less than 300 doctors for the region.", 300, "count", "less_than"),
        ("The depot can hold up to 50 buses at a time.", 50, "count", "at_most"),
        ("Trade with the island roughly doubled after the treaty.", 2, "factor", "approximately"),
        ("Tourism grew nearly six folds in the first year.", 6, "factor", "approximately"),
        ("Grain prices tripled after the harvest failed.", 3, "factor", None),
    ],
)
def test_quantities_qualifiers_and_growth(nlp, make_document, text, value, unit, qualifier):
    claim = only_claim(analyse(nlp, make_document, text))
    assert (claim.value, claim.unit, claim.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The new 700-kilometer pipeline crosses the northern province.", 700, "km"),
        ("The dock strike lasted 44 days and ended with a new contract.", 44, "days"),
        ("The two towns have shared a water board for 30 years.", 30, "years"),
        ("The pipe carries 10 billion cubic metres of gas a year.", 10_000_000_000, "m3"),
        ("The clinics recorded more than 2 000 cases of measles.", 2_000, "count"),
        ("The envoys parted after nearly three hours of talks.", 3, "hours"),
        ("Maize made up about half of the total shipped.", 0.5, "ratio"),
    ],
)
def test_quantities_distances_and_durations(nlp, make_document, text, value, unit):
    claim = only_claim(analyse(nlp, make_document, text))
    assert (claim.value, claim.unit) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "In 2012 the council met again on 4 May to discuss the bridge.",
        "The mayor first saw the plans 19 years ago at a conference.",
        "The two countries signed the first accord in the capital.",
        "Priorities of the plan:\n\n1. a) Better roads for the villages,\n\n2. b) Cleaner water.",
        "The smuggler was deported five times before the trial began.",
        "She pays several hundred dollars a term for the evening course.",
        "The school hung the Ten Commandments in every classroom.",
        "The singer was 26 years old when she left the band.",
        "A 37-year-old fisherman was detained near the harbour on Friday.",
        "Sales slowed in the first half of 2022 across the region.",
    ],
)
def test_quantities_dates_list_markers_and_ages_are_not_claims(nlp, make_document, text):
    assert analyse(nlp, make_document, text).claims == ()


@pytest.mark.parametrize(
    ("text", "value", "high", "unit", "measure"),
    [
        # a vague amount is a figure a reader can dispute: its order of magnitude
        (
            "Thousands of people marched through the old town on Sunday.",
            1e3,
            1e4,
            "count",
            "people",
        ),
        (
            "The aide spent tens of thousands of dollars on flights.",
            1e4,
            1e5,
            "USD",
            "value of spend",
        ),
    ],
)
def test_quantities_vague_amounts_are_claims_over_their_order_of_magnitude(
    nlp, make_document, text, value, high, unit, measure
):
    (claim,) = analyse(nlp, make_document, text).claims
    assert (claim.value, claim.value_high, claim.unit, claim.measure) == (
        value,
        high,
        unit,
        measure,
    )


def test_quantities_no_claims_from_page_chrome(nlp, make_document):
    text = (
        "Weather 45.6 F in the city of Springfield today\n\nThe mill hired 120 workers last spring."
    )
    end = text.index("\n")
    chrome = (Chrome(start=0, end=end, text=text[:end], kind="weather"),)
    claims = analyse(nlp, make_document, text, chrome=chrome).claims
    assert [c.value for c in claims] == [120]


@pytest.mark.parametrize(
    ("text", "value", "counted", "qualifier"),
    [
        ("The navy wants at least five more frigates for the coast.", 5, "frigates", "at_least"),
        ("The depot received 14 additional fire engines this spring.", 14, "fire engines", None),
    ],
)
def test_quantities_counts_reach_the_noun_across_more_and_additional(
    nlp, make_document, text, value, counted, qualifier
):
    claim = only_claim(analyse(nlp, make_document, text))
    assert (claim.value, claim.unit, claim.counted, claim.qualifier) == (
        value,
        "count",
        counted,
        qualifier,
    )


def test_quantities_both_sides_of_a_tally_are_figures(nlp, make_document):
    claims = analyse(
        nlp, make_document, "The council passed the harbour budget by 31 votes to 9 on Monday."
    ).claims
    assert [(c.value, c.unit, c.counted) for c in claims] == [
        (31, "count", "votes"),
        (9, "count", "votes"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The factory turns out 155mm shells and 120-mm mortar rounds for the army.",
        "The recruits were trained on 5.56 mm rifles at the camp.",
        "The two new members joined the board of the cooperative.",
    ],
)
def test_quantities_calibres_and_small_plain_counts_are_not_claims(nlp, make_document, text):
    assert analyse(nlp, make_document, text).claims == ()


def test_quantities_a_measured_length_in_millimetres_stays_a_figure(nlp, make_document):
    claim = only_claim(
        analyse(nlp, make_document, "The storm dropped 50 millimetres of rain on the valley.")
    )
    assert claim.value == 50


def test_quantities_user_lexicon_adds_counted_states_and_measured_durations(nlp, tmp_path):
    (tmp_path / "units.yaml").write_text(
        "counted_states: [killed, wounded]\nduration_of_overrides: [after]\n", encoding="utf-8"
    )
    casualties = nlp("The shelling left about 2,400 killed and wounded in the province.")
    delay = nlp("After nine months of talks, the two unions signed the deal.")
    with cues.using([tmp_path]):
        counted = [(f.value, f.unit, f.counted) for f in find_figures(casualties)]
        lengths = [(f.value, f.unit) for f in find_figures(delay)]
    assert counted == [(2400, "count", "killed and wounded")]
    assert lengths == [(9, "months")]


def test_quantities_a_year_then_an_amount_is_no_range(nlp, make_document):
    text = "The fund grew from $4.2 million in 2019 to $6.8 million the next year."
    claims = analyse(nlp, make_document, text).claims
    assert sorted(c.value for c in claims) == [4_200_000, 6_800_000]
    assert all(c.value_high is None for c in claims)


@pytest.mark.parametrize("end", ["%", " percent", "% "])
def test_quantities_a_figure_ending_a_line_is_read(nlp, make_document, end):
    # a headline line ends in the figure with no space before its line break
    text = f"Island jobless rate climbs in March to 7.5{end}\nShoppers crowd the old market square."
    claim = only_claim(analyse(nlp, make_document, text))
    assert claim.value == pytest.approx(0.075)
