"""Amounts as news writes them: currencies, scales and units glued to the digits or written
around them, number words, ranges sharing a scale or unit, units carried from a neighbour,
and numbers that are no amount (names, addresses, clock times, ranks, scores)."""

from __future__ import annotations

import pytest

from claimledger.extract.quantities import find_figures


def figures(nlp, text):
    return [(f.value, f.value_high, f.unit, f.dimension) for f in find_figures(nlp(text))]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The fund raised USD10m from pension savers last week.", 10_000_000, "USD"),
        ("The insurer set aside HK $5.4m for the claims.", 5_400_000, "HKD"),
        ("A plate of noodles costs RM23.50 at the market stall.", 23.5, "MYR"),
        ("The retailer paid S $2mil for the warehouse lease.", 2_000_000, "SGD"),
        ("The port upgrade cost $A48,200,000 in the end.", 48_200_000, "AUD"),
        ("The yard paid $US7 billion for the new cranes.", 7_000_000_000, "USD"),
        ("The plan costs AUD3.5m over three years.", 3_500_000, "AUD"),
        ("She bought the bicycle for 950€ in the spring.", 950, "EUR"),
        ("Tickets sell for 12.99 Canadian dollars per month.", 12.99, "CAD"),
        ("The mill sold 4,300 Japanese yen worth of rice.", 4300, "JPY"),
        ("The club spent 40 million pounds on the new stand.", 40_000_000, "GBP"),
        ("Tea prices rose to PS3.2m for the season.", 3_200_000, "GBP"),
        ("The state will spend Rs 450 crore on new roads.", 4_500_000_000, "INR"),
        ("The court fined the firm 3 lakh rupees on Friday.", 300_000, "INR"),
        ("Shipbuilders booked 4 trillion won in orders.", 4e12, "KRW"),
        ("Cleaners now earn $17-an-hour in the city.", 17, "USD"),
        ("Exports earned NT$2.3 trillion last year.", 2.3e12, "TWD"),
    ],
)
def test_amounts_currencies_before_or_after_with_scales(nlp, text, value, unit):
    (found,) = figures(nlp, text)
    assert found[0] == pytest.approx(value)
    assert (found[2], found[3]) == (unit, "money")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The shares trade at a 24pc discount to their value.", 0.24),
        ("The index closed +0.4% on Friday afternoon.", 0.004),
        ("Turnout fell 3 pct in the northern wards.", 0.03),
    ],
)
def test_amounts_percent_variants_are_ratios(nlp, text, value):
    (found,) = figures(nlp, text)
    assert found[0] == pytest.approx(value)
    assert found[2:] == ("ratio", "ratio")


@pytest.mark.parametrize(
    ("text", "value", "unit", "dimension"),
    [
        ("The coupe has a 510bhp engine under its bonnet.", 510, "horsepower", "[mass]"),
        ("Each roof carries a 6kW solar array.", 6, "kilowatt", "[mass]"),
        (
            "The storm brought gusts of 90 miles per hour to the coast.",
            90,
            "mile per hour",
            "[time]",
        ),
        ("The new office floor covers 420 sq m of space.", 420, "square metre", "[length] ** 2"),
        ("The rover drilled a 1.5mm hole in the rock.", 1.5, "millimetre", "[length]"),
        ("The tank holds a 2.4-litre engine and more.", 2.4, "litre", "[length] ** 3"),
        ("The screen is 6.7″ across the diagonal.", 6.7, "inch", "[length]"),
        ("They bought a 2,800-square-foot house.", 2800, "square foot", "[length] ** 2"),
        ("The cabin offers 900 sq. ft. of space.", 900, "square foot", "[length] ** 2"),
        ("The jet engine reached 140 decibels on take-off.", 140, "decibel", "[level]"),
        ("The athlete weighs 82 kilos before the fight.", 82, "kilogram", "[mass]"),
    ],
)
def test_amounts_physical_units_carry_their_dimension(nlp, text, value, unit, dimension):
    (found,) = figures(nlp, text)
    assert found[0] == pytest.approx(value)
    assert found[2] == unit
    assert dimension in found[3]


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Regulators may impose a fine of $2 to $6 billion on the bank.", 2e9, 6e9, "USD"),
        ("The repairs will cost between €3 and €8 million in total.", 3e6, 8e6, "EUR"),
        ("The singers can reach between 12kHz and 14kHz in tests.", 12, 14, "kilohertz"),
        ("The boats sail at 12 to 18 miles per hour in the bay.", 12, 18, "mile per hour"),
        ("The charger offers 5-15W depending on the phone.", 5, 15, "watt"),
        ("The dashboard has a 9- or 10-inch display.", 9, 10, "inch"),
    ],
)
def test_amounts_ranges_share_scale_and_unit(nlp, text, low, high, unit):
    (found,) = figures(nlp, text)
    assert found[0] == pytest.approx(low)
    assert found[1] == pytest.approx(high)
    assert found[2] == unit


def test_amounts_from_to_is_two_figures_sharing_the_unit(nlp):
    found = figures(nlp, "Costs rose from $12 to $19 billion over the decade.")
    assert [(v, u) for v, _h, u, _d in found] == [(12e9, "USD"), (19e9, "USD")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The college enrolls thirty-one thousand four hundred twelve students.", 31412),
        ("The bakery sold at least a half-dozen cakes before noon.", 6),
        ("The farm keeps about four dozen goats on the hill.", 48),
        ("The region now has 3 hundred thousand residents.", 300_000),
    ],
)
def test_amounts_number_words_compound(nlp, text, value):
    fig = find_figures(nlp(text))[0]
    assert (fig.value, fig.unit) == (value, "count")


def test_amounts_bare_number_takes_the_unit_of_its_coordinated_neighbour(nlp):
    found = find_figures(nlp("The council will sell 320 flats by auction and 140 by lottery."))
    assert [(f.value, f.unit, f.counted) for f in found] == [
        (320, "count", "flats"),
        (140, "count", "flats"),
    ]
    found = find_figures(
        nlp("The firm shipped 5.2 million tablets, up from 3.1 million a year ago.")
    )
    assert [f.counted for f in found] == ["tablets", "tablets"]


def test_amounts_bare_number_counts_what_the_next_coordinated_number_counts(nlp):
    found = find_figures(nlp("The plant went from 1400 to 1900 workers in a year."))
    assert [(f.value, f.counted) for f in found] == [(1400, "workers"), (1900, "workers")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two of the mayor's deputies were fired on Monday.", [(2, "deputies")]),
        ("The party won 40 of the 60 seats.", [(40, "seats"), (60, "seats")]),
        ("Nine of them voted against the plan.", []),
        ("The club won 14 of its 20 matches.", [(14, "matches"), (20, "matches")]),
        ("Some 3,000-plus runners started the race.", [(3000, "runners")]),
        ("A 15-member jury heard the case.", [(15, "member")]),
    ],
)
def test_amounts_a_part_counts_the_plural_noun_after_of(nlp, text, expected):
    assert [(f.value, f.counted) for f in find_figures(nlp(text))] == expected


def test_amounts_a_number_the_tagger_calls_a_date_still_counts_a_noun(nlp):
    fig = find_figures(nlp("The dealer reported sales of 4721 units in June."))[0]
    assert (fig.value, fig.unit, fig.counted) == (4721, "count", "units")


@pytest.mark.parametrize(
    "text",
    [
        "Shares in the Stoxx 600 index moved little on the day.",
        "The company unveiled the Galaxy 12 Pro in the spring.",
        "The airline grounded its 737 Max jets after the crash.",
        "The shop moved to 58 Willow Road last winter.",
        "The talks resume at 0930 GMT on the ministry's premises.",
        "The meeting starts at 3 p.m. in the main hall.",
        "The No. 2 official of the party resigned on Monday.",
        "The home side won 3-1 after a late penalty.",
        "The critics accused the board of double standards.",
        "The category 5 storm flattened the coast.",
    ],
)
def test_amounts_names_addresses_times_ranks_scores_are_no_figures(nlp, text):
    assert find_figures(nlp(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The fund has spent 340 million of the 2.5 billion euros it holds.",
            [(340e6, "EUR"), (2.5e9, "EUR")],
        ),
        (
            "Mileage rose from 19 mpg in town to 26 on the road.",
            [(19, "mile per gallon"), (26, "mile per gallon")],
        ),
        ("The county now has about 2 M residents.", [(2e6, "count")]),
        ("Demand for sub-200 sq m units is strong.", [(200, "square metre")]),
        ("The engine delivers 1.1 million pounds of thrust at launch.", [(1.1e6, "pound")]),
        ("It was 38C in the shade on Monday.", [(38, "degree Celsius")]),
        ("The shares closed at 212p in London.", [(212, "GBX")]),
    ],
)
def test_amounts_units_from_wholes_neighbours_and_context(nlp, text, expected):
    assert [(f.value, f.unit) for f in find_figures(nlp(text))] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Clinics ran out of COVID -19 tests in the winter.",
        "The rules written post-2008 still apply.",
        "Two officials said the bridge would reopen soon.",
        "The two countries signed the accord in the capital.",
    ],
)
def test_amounts_prefixed_names_years_and_speakers_are_no_figures(nlp, text):
    assert find_figures(nlp(text)) == []


def test_amounts_a_change_then_the_level_it_reached(nlp):
    # a unit on the first end only: "to" gives the level, not a range of percents
    got = figures(nlp, "The Nasdaq index gained 0.58 per cent to 8,105.12 on Thursday.")
    assert got == [(0.0058, None, "ratio", "ratio"), (8105.12, None, "count", "count")]
    closed = figures(nlp, "After a quiet day the main index closed at 25,400.81 points.")
    assert [v for v, *_ in closed] == [25_400.81]


@pytest.mark.parametrize(
    "text",
    [
        "The talks ended at 5 on Friday after a long week.",  # an hour
        "The club fell to 3 in the table after the defeat.",  # a place
    ],
)
def test_amounts_a_small_whole_number_after_a_verb_of_moving_is_no_level(nlp, text):
    assert figures(nlp, text) == []


def test_amounts_a_range_keeps_a_scale_written_on_its_last_end(nlp):
    got = figures(nlp, "Officials expect a bill of $4 to 7 million for the repairs.")
    assert got == [(4_000_000, 7_000_000, "USD", "money")]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The inquiry published a 40 page report on the fire.", "page"),
        ("The van runs on a 6 cylinder engine bought abroad.", "cylinder"),
        ("The air force flew 40 cargo flights to the island.", "cargo flights"),
    ],
)
def test_amounts_a_number_and_a_singular_noun_before_another_noun_count_the_first(
    nlp, text, counted
):
    assert [f.counted for f in find_figures(nlp(text))] == [counted]


def test_amounts_a_score_read_from_its_hyphen_is_no_negative_count(nlp):
    assert figures(nlp, "The visitors held a 7-2 lead at half time.") == []
    assert figures(nlp, "The water fell to -2 degrees overnight.")[0][0] == -2


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The grain weighs about 3.2×10−6 kilograms in all.", 3.2e-6, "kilogram"),
        ("The survey counted 6.02x10^23 stars in the cluster.", 6.02e23, "count"),
    ],
)
def test_amounts_scientific_notation_with_its_superscript_flattened(nlp, text, value, unit):
    (got,) = figures(nlp, text)
    assert got[0] == pytest.approx(value)
    assert got[2] == unit


def test_amounts_an_upper_case_symbol_apart_from_the_number_is_a_unit(nlp):
    assert figures(nlp, "The grid supplies 230 V to most homes.")[0][2] == "volt"
    # compass points stay out: a longitude is no power
    got = figures(nlp, "The buoy sits at 41.2 N and 70.9 W near the shoal.")
    assert not {u for _, _, u, _ in got} & {"newton", "watt"}


def test_amounts_a_year_between_two_figures_does_not_stop_the_unit_carrying(nlp):
    got = figures(nlp, "The pitcher averaged 14.2 degrees in 2021 and 12.9 last year.")
    assert [(v, u) for v, _, u, _ in got] == [(14.2, "degree"), (12.9, "degree")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The bank holds more than 4 million Swedish crowns in deposits.", "SEK"),
        ("A ticket costs 300 Czech crowns at the gate.", "CZK"),
    ],
)
def test_amounts_currency_names_news_translates_into_english(nlp, text, code):
    assert [u for _, _, u, _ in figures(nlp, text)] == [code]


def test_amounts_a_crown_with_no_country_is_no_money(nlp):
    assert [u for _, _, u, _ in figures(nlp, "The king wore 2 crowns at the feast.")] == ["count"]


def test_amounts_a_bracketed_conversion_does_not_give_its_unit_to_the_next_figure(nlp):
    text = "The van costs 1,900,000 KRW ($1,450) for the base model and 2,100,000 ($1,600) for the sport."
    got = [(v, u) for v, _, u, _ in figures(nlp, text)]
    assert got == [(1_900_000, "KRW"), (1450, "USD"), (2_100_000, "KRW"), (1600, "USD")]


def test_amounts_both_levels_of_a_move_from_one_to_another(nlp):
    got = figures(nlp, "Torque rose from 310 to 355 after the update.")
    assert [(v, u) for v, _, u, _ in got] == [(310, "count"), (355, "count")]


def test_amounts_a_number_with_more_digits_than_a_date_is_no_date(nlp):
    text = "Ohio had 1204577 while Iowa came in second with 998310 lightning strikes."
    got = [(f.value, f.counted) for f in find_figures(nlp(text))]
    assert got == [(1_204_577, "lightning strikes"), (998_310, "lightning strikes")]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The satellite has circled the moon more than 4100 times.", "count"),
        ("Exports grew 4 times faster than imports last year.", "factor"),
        ("The new chip is 12 times smaller than the old one.", "factor"),
    ],
)
def test_amounts_times_counts_occasions_unless_a_comparative_makes_it_a_factor(nlp, text, unit):
    assert [u for _, _, u, _ in figures(nlp, text)] == [unit]


def test_amounts_a_plural_that_looks_singular_is_still_what_is_counted(nlp):
    got = find_figures(nlp("The air force sent 30 combat aircraft to the border."))
    assert [f.counted for f in got] == ["combat aircraft"]


@pytest.mark.parametrize(
    ("text", "value", "counted"),
    [
        (
            "Ohio had the most strikes in 2019 at 1204577 while Iowa had 998310 strikes.",
            1204577,
            "strikes",
        ),
        (
            "The depot sold 410 tyres in May, compared with an average of 35 per week before.",
            35,
            "tyres",
        ),
    ],
)
def test_amounts_numbers_the_tagger_calls_dates_that_no_date_can_be(nlp, text, value, counted):
    assert (value, counted) in [(f.value, f.counted) for f in find_figures(nlp(text))]


def test_amounts_a_day_of_a_month_stays_a_date(nlp):
    assert figures(nlp, "The fair opens on May 12 each year in the square.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Two-thirds of the members backed the motion.", 2 / 3),
        ("Nearly three quarters of the farms lost power.", 0.75),
        ("About two fifths of the staff left in the spring.", 0.4),
    ],
)
def test_amounts_fractions_written_in_words_are_shares(nlp, text, value):
    (got,) = figures(nlp, text)
    assert got[0] == pytest.approx(value)
    assert got[2:] == ("ratio", "ratio")


def test_amounts_an_ordinal_before_a_noun_is_no_fraction(nlp):
    assert figures(nlp, "The mayor won a third term in the spring.") == []


def test_amounts_a_word_glued_to_the_number_is_no_unit_symbol(nlp):
    # "fps" glued is frames per second in news, not pint's feet per second
    assert [u for _, _, u, _ in figures(nlp, "The camera records at 60fps in low light.")] != [
        "foot per second"
    ]


def test_amounts_a_bare_figure_converted_in_brackets_takes_the_unit_of_the_last_converted(nlp):
    text = (
        "The van lists at 2,435,000 YEN ($22,480) for the 5 door version and "
        "2,380,000 ($21,972) for the 3 door."
    )
    got = [(v, u) for v, _, u, _ in figures(nlp, text)]
    assert (2_380_000, "JPY") in got


def test_amounts_a_number_tagged_as_a_name_on_its_own_is_no_name(nlp):
    got = figures(nlp, "The S&P 500 gained 0.68 per cent to 3,005.47 on Friday.")
    assert [v for v, *_ in got][-1] == 3005.47
    assert figures(nlp, "Boeing grounded the 737 Max after the crash.") == []


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The van has a standard 1.6-litre four-cylinder engine.", "cylinder"),
        ("The board named a five-member panel to review the case.", "member"),
    ],
)
def test_amounts_a_spelled_number_hyphened_to_a_noun_counts_it(nlp, text, counted):
    assert counted in [f.counted for f in find_figures(nlp(text))]


def test_amounts_a_change_up_or_down_carries_the_unit(nlp):
    got = find_figures(nlp("The estate sold 435 flats, up 12 on last year."))
    assert [(f.value, f.counted) for f in got] == [(435, "flats"), (12, "flats")]


def test_amounts_the_last_length_of_time_in_a_list_is_measured_too(nlp):
    got = figures(nlp, "The crew stayed at sea for 40 days, 3 weeks and 6 hours in all.")
    assert [(v, u) for v, _, u, _ in got] == [(40, "days"), (3, "weeks"), (6, "hours")]
    assert figures(nlp, "Applicants must be between 18 and 25 years old.") == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The index ended the day (7,412.35 up 21.4 points).", "points"),
        ("Revenue was 4.5 billion, down $200 million on the year.", "USD"),
    ],
)
def test_amounts_a_bare_level_takes_the_unit_of_its_change(nlp, text, unit):
    assert [u for _, _, u, _ in figures(nlp, text)] == [unit, unit]


def test_amounts_a_percent_change_gives_no_unit_to_the_level(nlp):
    got = figures(nlp, "Sales were 4.5 million, up 3% on the year.")
    assert "ratio" not in [u for v, _, u, _ in got if v > 1]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("One in five adults in the county smokes.", 0.2),
        ("About 1 in 4 homes in the valley lacks heating.", 0.25),
    ],
)
def test_amounts_one_in_n_is_a_share(nlp, text, value):
    assert figures(nlp, text) == [(value, None, "ratio", "ratio")]


def test_amounts_a_number_in_a_year_is_no_share(nlp):
    got = figures(nlp, "The club signed 3 players in 2019 and 5 in 2020.")
    assert "ratio" not in [u for _, _, u, _ in got]


def test_amounts_a_bare_number_labelled_like_the_measure_before_it_takes_its_unit(nlp):
    got = figures(nlp, "The agency rates the van at 30 mpg city and 38 highway.")
    assert [u for _, _, u, _ in got] == ["mile per gallon", "mile per gallon"]
    paid = find_figures(nlp("The fund paid $5 million in cash and 3 aircraft."))
    assert [(f.unit, f.counted) for f in paid] == [("USD", None), ("count", "aircraft")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Each sample weighs only ~60g after drying.", [(60, "gram")]),
        ("The studio flat is 28m2 in all.", [(28, "square metre")]),
        ("The cell ran at 2.4 A/cm2 in the test.", [(2.4, "ampere per square centimetre")]),
        ("The app now has 2.7M users.", [(2.7e6, "count")]),
        ("The engine makes 245 PS at full load.", [(245, "metric horsepower")]),
        ("The tickets cost PS18,400 in all.", [(18_400, "GBP")]),
        ("The nurse added 3 drams of oil.", [(3, "dram")]),
        ("One out of four renters moved last year.", [(1 / 4, "ratio")]),
        # the percent names the change, "to" the level reached: no range from 4.2% to 7.10
        ("The stock rose 4.2% to 7.10 in late trade.", [(0.042, "ratio"), (7.1, "count")]),
    ],
)
def test_amounts_glued_powers_capital_m_symbols_before_the_number_and_shares(nlp, text, expected):
    found = [(f.value, f.unit) for f in find_figures(nlp(text))]
    assert found == [(pytest.approx(v), u) for v, u in expected]


def test_amounts_a_possessive_year_with_a_prime_is_no_figure(nlp):
    found = find_figures(nlp("Prices fell 3% after 2022′s slump."))
    assert [(f.value, f.unit) for f in found] == [(0.03, "ratio")]
