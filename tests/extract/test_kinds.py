"""The quantity layer reads every figure a sentence holds; the figures the claim layer
leaves out (ages, time references, vague amounts, a determiner "one", counts pointing back,
fractions of a unit) come back marked with their kind, and claims do not change."""

from __future__ import annotations

import pytest

from claimledger.extract.kinds import find_quantities
from claimledger.extract.quantities import find_figures


def kinds(nlp, text):
    return [(f.value, f.value_high, f.unit, f.counted, f.kind) for f in find_quantities(nlp(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A 48-year-old nurse was hurt.", [(48, None, "years", None, "age")]),
        ("The clinic treated an 14-month-old girl.", [(14, None, "months", None, "age")]),
        ("A 70 year-old farmer sold the land.", [(70, None, "years", None, "age")]),
        ("Divers found a 350 million-year-old fossil.", [(350e6, None, "years", None, "age")]),
        ("Dana Ortiz, 52, left the firm.", [(52, None, "years", None, "age")]),
        ("Players over the age of 23 pay more.", [(23, None, "years", None, "age")]),
        ("Three years later the mill closed.", [(3, None, "years", None, "time")]),
        ("Rents rose over the past four years.", [(4, None, "years", None, "time")]),
    ],
)
def test_kinds_ages_and_time_references(nlp, text, expected):
    assert kinds(nlp, text) == expected
    assert find_figures(nlp(text)) == []  # the claim layer still leaves them out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Builders put up dozens of homes.", [(12, 120, "count", "homes", "vague")]),
        (
            "The repairs cost tens of thousands of euros.",
            [(1e4, 1e5, "EUR", None, "vague")],
        ),
        ("Hundreds of volunteers came.", [(100, 1000, "count", "volunteers", "vague")]),
        ("She is one of the fastest riders.", [(1, None, "count", "fastest riders", "one")]),
        ("One motion asks for a vote.", [(1, None, "count", "motion", "one")]),
        ("The two firms merged.", [(2, None, "count", "firms", "restated")]),
        ("A cup is 3/4 of an imperial pint.", [(0.75, None, "imperial pint", None, "part")]),
        ("A gill is 1⁄4 of a pint.", [(0.25, None, "pint", None, "part")]),
    ],
)
def test_kinds_vague_amounts_one_restated_counts_and_parts(nlp, text, expected):
    assert kinds(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "No one came to the hearing.",
        "One day the river rose.",
        "They helped one another.",
        "Ages were not given for the 12 staff over the age of retirement.",
    ],
)
def test_kinds_no_figure_where_none_is_written(nlp, text):
    assert [f for f in find_quantities(nlp(text)) if f.kind is not None] == []


def test_kinds_claim_figures_are_unchanged_and_come_first_in_text_order(nlp):
    sdoc = nlp("A 61-year-old trader lost $4.2 million in three days, and dozens of clients left.")
    every = find_quantities(sdoc)
    claims = find_figures(sdoc)
    assert [f for f in every if f.kind is None] == claims
    assert [f.start for f in every] == sorted(f.start for f in every)
    assert {f.kind for f in every} == {None, "age", "vague"}
