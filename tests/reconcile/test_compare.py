"""Verdicts between two claims: agree, conflict, different scope, or nothing at all."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claimledger.reconcile import reconcile
from reconcile.builders import by_docs, claim


def verdicts(*claims):
    relations, _ = reconcile(by_docs(*claims))
    return {frozenset((r.a, r.b)): r for r in relations}


def between(a, b, *claims):
    return verdicts(a, b, *claims).get(frozenset((a.id, b.id)))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # an approximate figure and an exact one within its spread
        (
            dict(value=0.4, value_text="about 40 percent", qualifier="approximately"),
            dict(value=0.4),
        ),
        (dict(value=0.4, value_text="roughly 40%", qualifier="approximately"), dict(value=0.42)),
        # a percent and the same share written as a ratio
        (dict(value=69, unit="percent", value_text="69%"), dict(value=0.69, value_text="0.69")),
        # rounding: "69%" covers 68.5-69.5%
        (dict(value=0.69, value_text="69%"), dict(value=0.692, value_text="69.2%")),
    ],
)
def test_compare_agree_within_rounding_and_qualifiers(first, second):
    a = claim(measure="share of oil imports", doc="d1", **first)
    b = claim(measure="share of oil imports", doc="d2", **second)
    relation = between(a, b)
    assert relation is not None and relation.type == "agree", relation


def test_compare_over_a_count_agrees_with_a_figure_above_it():
    a = claim(
        6000,
        "soldiers killed",
        unit="count",
        doc="d1",
        value_text="over 6,000",
        qualifier="more_than",
    )
    b = claim(6200, "deaths of soldiers", unit="count", doc="d2", value_text="6,200")
    relation = between(a, b)
    assert relation.type == "agree"
    assert "over 6,000" in relation.reason


def test_compare_over_a_count_conflicts_with_a_figure_below_it():
    a = claim(
        6000,
        "soldiers killed",
        unit="count",
        doc="d1",
        value_text="over 6,000",
        qualifier="more_than",
    )
    b = claim(4000, "soldiers killed", unit="count", doc="d2", value_text="4,000")
    assert between(a, b).type == "conflict"


@pytest.mark.parametrize(("other", "verdict"), [(8_500, "agree"), (25_000, "conflict")])
def test_compare_a_floor_far_below_another_figure_is_another_tally(other, verdict):
    # "at least 6,000" allows 8,500; a floor a quarter of another text's toll disputes it
    a = claim(
        6000,
        "soldiers killed",
        unit="count",
        doc="d1",
        value_text="at least 6,000",
        qualifier="at_least",
    )
    b = claim(other, "soldiers killed", unit="count", doc="d2", value_text=f"{other:,}")
    assert between(a, b).type == verdict


def test_compare_a_ceiling_far_above_another_figure_is_another_tally():
    a = claim(
        900,
        "soldiers killed",
        unit="count",
        doc="d1",
        value_text="at most 900",
        qualifier="at_most",
    )
    b = claim(150, "soldiers killed", unit="count", doc="d2", value_text="150")
    assert between(a, b).type == "conflict"


def test_compare_conflict_on_same_measure_and_actors_with_readable_reason():
    a = claim(
        0.4,
        "share of oil imports",
        doc="d1",
        value_text="around 40 percent",
        qualifier="approximately",
    )
    b = claim(0.65, "share of Israeli oil imports", doc="d2", value_text="65%")
    relation = between(a, b)
    assert relation.type == "conflict"
    assert relation.reason.startswith("around 40% of oil imports vs 65%")
    assert "cannot both hold" in relation.reason


def test_compare_conflict_between_two_sources_totals_in_one_article():
    a = claim(
        100,
        "soldiers killed",
        unit="count",
        doc="d1",
        text="Officials counted 100 soldiers killed in all.",
        source="the defence ministry",
    )
    b = claim(
        103,
        "troops killed",
        unit="count",
        doc="d1",
        text="The tally now stands at 103 troops killed.",
        source="a monitoring group",
    )
    assert between(a, b).type == "conflict"


def test_compare_named_total_against_an_unsourced_total_in_one_article_conflicts():
    # issue 4: "a total of 100 vs 92 + 11 = 103 in one article"
    a = claim(
        100,
        "soldiers killed",
        unit="count",
        doc="d1",
        text="Officials counted 100 soldiers killed in all.",
        source="the defence ministry",
    )
    b = claim(
        103, "troops killed", unit="count", doc="d1", text="The tally now stands at 103 troops."
    )
    assert between(a, b).type == "conflict"


def test_compare_unsourced_totals_in_one_article_are_different_scope():
    # an article giving a whole and its part, or two cut-offs, does not contradict itself
    a = claim(
        20e9,
        "value of aid",
        unit="USD",
        doc="d1",
        value_text="$20 billion",
        text="A $20 billion aid bill passed.",
    )
    b = claim(
        7.5e9,
        "aid",
        unit="USD",
        doc="d1",
        value_text="$7.5 billion",
        text="It sets aside $7.5 billion for the region.",
    )
    relation = between(a, b)
    assert relation.type == "different_scope"
    assert "one article" in relation.reason


def test_compare_other_period_is_different_scope_not_conflict():
    a = claim(0.69, "share of arms imports", doc="d1", period=("2016", "2020"))
    b = claim(0.70, "share of arms purchases", doc="d2", period=("2020", "2020"))
    relation = between(a, b)
    assert relation.type == "different_scope"
    assert "2016–2020" in relation.reason and "2020" in relation.reason


def test_compare_period_on_one_side_only_is_not_a_conflict():
    a = claim(0.69, "share of arms imports", doc="d1", period=("2016", "2020"))
    b = claim(0.75, "share of arms imports", doc="d2")
    assert between(a, b).type == "different_scope"


def test_compare_sibling_measures_are_at_most_different_scope():
    energy = claim(0.4, "share of energy needs", doc="d1")
    oil_same = claim(0.4, "share of oil imports", doc="d2")
    oil_other = claim(0.65, "share of oil imports", doc="d3")
    found = verdicts(energy, oil_same, oil_other)
    assert found[frozenset((energy.id, oil_same.id))].type == "different_scope"
    assert found[frozenset((energy.id, oil_other.id))].type == "different_scope"
    assert found[frozenset((oil_same.id, oil_other.id))].type == "conflict"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a cumulative purchase total and one deal's value
        (
            dict(
                value=4.85e9,
                measure="value of weapons bought",
                unit="USD",
                value_text="$4.85 billion",
            ),
            dict(
                value=1.5e9,
                measure="value of a single arms deal",
                unit="USD",
                value_text="$1.5 billion",
            ),
        ),
        # tanks and aircraft: both counts, same actors, different things
        (
            dict(value=100, measure="Merkava tanks", unit="count"),
            dict(value=30, measure="combat aircraft", unit="count"),
        ),
        # years of relations and a number of tanks
        (
            dict(value=30, measure="duration of relations", unit="years"),
            dict(value=100, measure="Merkava tanks", unit="count"),
        ),
        # the same measure about another country
        (
            dict(value=0.4, measure="share of oil imports"),
            dict(value=0.1, measure="share of oil imports", subject="Kazakhstan"),
        ),
        # the same words in another unit
        (
            dict(value=0.4, measure="share of oil imports"),
            dict(value=2e9, measure="value of oil imports", unit="USD"),
        ),
    ],
)
def test_compare_unrelated_look_alikes_get_no_relation(first, second):
    a = claim(doc="d1", **first)
    b = claim(doc="d2", **second)
    assert between(a, b) is None


def test_compare_figures_stated_in_one_sentence_are_not_a_conflict():
    sentence = "This year 15 planes landed there, out of 100 flights since 2016."
    a = claim(15, "cargo flights", unit="count", doc="d1", text=sentence, value_text="15")
    b = claim(100, "cargo flights", unit="count", doc="d1", text=sentence, value_text="100")
    assert between(a, b).type == "different_scope"


def test_compare_increment_is_not_a_conflicting_total():
    a = claim(
        12,
        "cargo flights",
        unit="count",
        doc="d1",
        value_text="12",
        text="Since May, an additional 12 flights were logged.",
    )
    b = claim(
        80, "cargo flights", unit="count", doc="d2", value_text="80", text="Some 80 flights in all."
    )
    relation = between(a, b)
    assert relation.type == "different_scope"
    assert "increment" in relation.reason


def test_compare_running_count_with_stated_increment_is_different_scope():
    first = claim(
        70, "cargo flights", unit="count", doc="d1", text="By spring, 70 flights had landed."
    )
    later = claim(
        12,
        "cargo flights",
        unit="count",
        doc="d1",
        value_text="12",
        text="Since then 12 more flights came.",
    )
    total = claim(82, "cargo flights", unit="count", doc="d1", text="The total reached 82 flights.")
    relation = between(first, total, later)
    assert relation.type == "different_scope"
    assert "82 = 70 + 12" in relation.reason


def test_compare_narrower_measure_is_different_scope_not_conflict():
    wide = claim(0.44, "share of cargoes to high-income countries", doc="d1")
    narrow = claim(
        0.70, "share of cargoes to high-income and upper-middle-income countries", doc="d2"
    )
    relation = between(wide, narrow)
    assert relation.type == "different_scope"
    assert "narrower" in relation.reason


def test_compare_tonnes_in_other_spellings_are_one_unit():
    a = claim(32.9e6, "oil imported", unit="tonnes", doc="d1", value_text="32.9 million tonnes")
    b = claim(
        33e6,
        "crude imports",
        unit="metric tons",
        doc="d2",
        value_text="nearly 33 million tons",
        qualifier="approximately",
    )
    relation = between(a, b)
    assert relation.type == "agree"
    assert "oil imports" in relation.reason


def test_compare_more_than_before_a_figure_is_a_qualifier_not_an_increment():
    a = claim(
        1000,
        "ships",
        unit="count",
        doc="d1",
        value_text="more than 1,000",
        qualifier="more_than",
        text="Cargo left on more than 1,000 ships.",
    )
    b = claim(
        900, "vessels", unit="count", doc="d2", value_text="around 900", qualifier="approximately"
    )
    relation = between(a, b)
    assert relation.type == "conflict"
    assert "ship voyages" in relation.reason


@pytest.mark.parametrize(("other", "verdict"), [(4.4e6, None), (7e6, "conflict")])
def test_compare_two_floors_within_reach_neither_confirm_nor_contradict(other, verdict):
    # "over 3 million" and "over 4.4 million" both allow 5 million; "over 7 million" is a
    # tally far above the other's, as "at least 2,100 dead" is against "at least 6,800"
    a = claim(
        3e6,
        "grain taken",
        unit="tonnes",
        doc="d1",
        value_text="over 3 million",
        qualifier="more_than",
    )
    b = claim(
        other,
        "grain taken",
        unit="tonnes",
        doc="d2",
        value_text=f"over {other / 1e6:g} million",
        qualifier="more_than",
    )
    relation = between(a, b)
    assert (relation.type if relation else None) == verdict


def test_compare_other_actors_named_on_one_side_is_not_a_conflict():
    full = claim(0.4, "share of oil imports", doc="d1", subject="Azerbaijan", object="Israel")
    vague = claim(0.65, "share of oil imports", doc="d2", subject=None, object=None)
    relation = between(full, vague)
    assert relation.type == "different_scope"
    assert "cannot tell" in relation.reason


def test_compare_vague_one_word_measure_never_conflicts():
    a = claim(157e6, "value of grain", unit="tonnes", doc="d1", subject="Russia", object=None)
    b = claim(11.5e6, "value of grain", unit="tonnes", doc="d2", subject="Russia", object=None)
    relation = between(a, b)
    assert relation.type == "different_scope"
    assert "too vague" in relation.reason


def test_compare_demonym_actor_is_the_same_actor():
    a = claim(0.4, "share of oil imports", doc="d1", subject="Azerbaijani", object="Israel")
    b = claim(0.65, "share of oil imports", doc="d2", subject="Azerbaijan", object="Israeli")
    assert between(a, b).type == "conflict"


def test_compare_approximate_falls_agree_like_rises():
    a = claim(
        -0.10, "growth of trade", doc="d1", value_text="around -10%", qualifier="approximately"
    )
    b = claim(-0.105, "growth of trade", doc="d2", value_text="-10.5%")
    assert between(a, b).type == "agree"


def test_compare_claims_without_a_finite_value_are_left_out():
    a = claim(float("nan"), "share of oil imports", doc="d1", value_text="n/a")
    b = claim(0.4, "share of oil imports", doc="d2")
    relations, facts = reconcile(by_docs(a, b))
    assert relations == ()
    assert [f.claim_ids for f in facts] == [(b.id,)]


def test_compare_record_high_and_current_level_are_different_scope():
    now = claim(
        6.8,
        "price of wheat futures",
        unit="USD",
        doc="d1",
        value_text="about $6.80",
        qualifier="approximately",
        text="Wheat futures traded at about $6.80 a bushel on Tuesday.",
    )
    peak = claim(
        13,
        "price of wheat futures",
        unit="USD",
        doc="d2",
        value_text="more than $13",
        qualifier="more_than",
        text="That is far below the record of more than $13 set last spring.",
    )
    relation = between(now, peak)
    assert relation.type == "different_scope"
    assert "record" in relation.reason


def test_compare_figures_naming_no_actor_never_conflict():
    a = claim(22, "arrests", unit="count", subject=None, object=None, doc="d1")
    b = claim(145, "arrests", unit="count", subject=None, object=None, doc="d2")
    relation = between(a, b)
    # one thing counted, nothing saying whose: at most a pair for a person to review
    assert relation.type in ("different_scope", "needs_review")
    assert any(
        why in relation.reason
        for why in ("neither names who", "nothing shows", "not both said of one event")
    )


def test_compare_figures_set_side_by_side_in_one_article_are_not_a_conflict():
    text = "Turnout among young voters rose 1.27% versus 0.81% for the rest"
    a = claim(0.0127, "turnout", doc="d1", value_text="1.27%", text=text)
    b = claim(0.0081, "turnout", doc="d1", value_text="0.81%", text=text[text.index("0.81") :])
    b = replace(b, start=a.start + text.index("0.81"), end=a.start + len(text))
    assert between(a, b).type == "different_scope"


def test_compare_whole_numbers_one_apart_do_not_agree():
    # 47 and 48 meet at 47.5 when each is read to the nearest unit: still two figures
    a = claim(48, "pages of the complaint", unit="count", doc="d1", value_text="48-page")
    b = claim(47, "pages of the complaint", unit="count", doc="d2", value_text="47-page")
    assert between(a, b).type == "conflict"


def test_compare_an_estimate_written_to_a_decimal_place_keeps_its_precision():
    # a projection of 41.3% raised to 44.6%: not the same figure "within 10%"
    a = replace(claim(0.413, "share of inflation", doc="d1", value_text="41.3%"), hedge="estimated")
    b = claim(0.446, "share of inflation", doc="d2", value_text="44.6%")
    assert between(a, b).type == "conflict"


def test_compare_a_vague_amount_neither_confirms_nor_contradicts_a_figure():
    a = claim(1e5, "people displaced", unit="count", doc="d1", value_text="hundreds of thousands")
    a = replace(a, value_high=1e6)
    b = claim(3e5, "people displaced", unit="count", doc="d2", value_text="300,000")
    c = claim(7e5, "people displaced", unit="count", doc="d3", value_text="700,000")
    found = verdicts(a, b, c)
    assert frozenset((a.id, b.id)) not in found and frozenset((a.id, c.id)) not in found
    assert found[frozenset((b.id, c.id))].type == "conflict"


def test_compare_a_range_is_read_as_written_not_rounded_outwards():
    # "2 to 3 million" does not reach "around 3.6 million" through 3 million = 2.5-3.5 million
    a = claim(2e6, "people voted", unit="count", doc="d1", value_text="2 to 3 million")
    a = replace(a, value_high=3e6)
    b = claim(3.6e6, "people voted", unit="count", doc="d2", value_text="3.6 million")
    b = replace(b, qualifier="approximately")
    assert between(a, b).type == "conflict"
    c = claim(2.9e6, "people voted", unit="count", doc="d3", value_text="2.9 million")
    assert between(a, c).type == "agree"
