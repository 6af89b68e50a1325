"""Currencies and units from maintained data: ISO 4217 codes (pycountry), CLDR names and
symbols (babel), pint's units with their dimension; the lexicon only adds and removes."""

from __future__ import annotations

import pytest

from claimledger.extract import units


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("USD", "USD"),
        ("MYR", "MYR"),
        ("HK$", "HKD"),
        ("RM", "MYR"),
        ("A$", "AUD"),
        ("$A", "AUD"),
        ("$US", "USD"),
        ("NZ$", "NZD"),
        ("AU$", "AUD"),
        ("€", "EUR"),
        ("₹", "INR"),
        ("Hong Kong dollars", "HKD"),
        ("Swiss francs", "CHF"),
        ("ringgit", "MYR"),
        ("yen", "JPY"),
        ("dollars", "USD"),
        ("PS", "GBP"),
    ],
)
def test_units_currency_forms_resolve_to_iso_codes(written, code):
    assert units.currency(written) == code


@pytest.mark.parametrize("written", ["try", "usd", "rm", "kr", "mk", "the"])
def test_units_ambiguous_or_lowercase_forms_are_no_currency(written):
    assert units.currency(written) is None


@pytest.mark.parametrize(
    ("written", "glued", "name", "dimension"),
    [
        ("kW", True, "kilowatt", "[mass] * [length] ** 2 / [time] ** 3"),
        ("miles per hour", False, "mile per hour", "[length] / [time]"),
        ("km/h", False, "kilometre per hour", "[length] / [time]"),
        ("sq m", False, "square metre", "[length] ** 2"),
        ("mAh", False, "milliampere-hour", "[current] * [time]"),
        ("degrees Fahrenheit", False, "degree Fahrenheit", "[temperature]"),
        ("gigatonnes", False, "gigatonne", "[mass]"),
        ("m", True, "metre", "[length]"),
        ("in", True, "inch", "[length]"),
        ("C", True, "degree Celsius", "[temperature]"),
        ("nautical_miles", False, "nautical mile", "[length]"),
    ],
)
def test_units_physical_units_come_with_their_dimension(written, glued, name, dimension):
    unit = units.physical_unit(written, glued=glued)
    assert unit is not None
    assert (unit.name, unit.dimension) == (name, dimension)


@pytest.mark.parametrize(
    ("written", "glued"),
    [
        ("points", False),
        ("a", False),
        ("W", False),
        ("Elm", False),
        ("M", False),
        ("percent", True),
    ],
)
def test_units_words_pint_knows_but_news_does_not_mean_are_no_units(written, glued):
    assert units.physical_unit(written, glued=glued) is None


def test_units_the_projects_own_names_keep_a_dimension():
    assert units.lexicon_unit("kilometres") == units.Unit("km", "[length]", 1.0)
    assert units.lexicon_unit("decades") == units.Unit("years", "[time]", 10.0)
    assert units.lexicon_unit("basis points").dimension == "basis points"


def test_units_a_unit_word_in_capitals_is_read_in_lower_case():
    assert units.physical_unit("FEET").name == "foot"
    assert units.physical_unit("MW").name == "megawatt"  # a symbol keeps its case


def test_units_newton_metres_are_torque_not_pints_number_metre():
    assert units.physical_unit("Nm", glued=True).name == "newton-metre"
    assert units.physical_unit("nm").name == "nanometre"


def test_units_mp_after_a_number_is_megapixels():
    assert units.physical_unit("MP", glued=True).name == "megapixel"
