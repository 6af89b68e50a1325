"""Agreement on the figure itself when extraction folded the measures apart, and conflicts
read against the article's date. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from claimledger.reconcile import reconcile
from reconcile.builders import by_docs, claim


def _between(a, b, published=None):
    relations, _ = reconcile(by_docs(a, b, published=published))
    found = [r for r in relations if {r.a, r.b} == {a.id, b.id}]
    return found[0] if found else None


def _money(value, measure, doc, *, text="", value_text=None, unit="USD", **kw):
    kw.setdefault("subject", None)
    kw.setdefault("object", None)
    written = value_text or f"${value / 1e9:g} billion"
    return claim(value, measure, unit=unit, doc=doc, value_text=written, text=text or written, **kw)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the same sum, one side's measure a stray word and its actors missing
        (
            dict(value=42e9, measure="value of sign", subject="Canada", object="Chile"),
            dict(value=42e9, measure="value of package"),
        ),
        # a sum and the same sum rounded
        (
            dict(value=42e9, measure="value of money", value_text="$42 billion"),
            dict(value=41.8e9, measure="value of bill", value_text="$41.8 billion"),
        ),
        # "nearly" covers a rounded neighbour; actors overlap in part
        (
            dict(
                value=9e9,
                measure="value of use",
                value_text="nearly $9 billion",
                qualifier="approximately",
                subject="Canada",
            ),
            dict(value=8.8e9, measure="stock", subject="Canada", object="Chile"),
        ),
    ],
)
def test_figures_same_sum_in_two_articles_agrees(first, second):
    a = _money(doc="d1", **first)
    b = _money(doc="d2", **second)
    relation = _between(a, b)
    assert relation is not None and relation.type == "agree"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a round sum and a different, nearby one: not the same figure
        (dict(value=2e9, measure="value of tranche"), dict(value=2.3e9, measure="salaries")),
        # the same sum in two currencies is never compared
        (dict(value=42e9, measure="funds"), dict(value=42e9, measure="funds", unit="EUR")),
        # actors that share no one: two givers of one size
        (
            dict(value=42e9, measure="pledge", subject="Canada"),
            dict(value=42e9, measure="commitment", subject="Chile"),
        ),
        # measures known to differ
        (
            dict(value=42e9, measure="military aid"),
            dict(value=42e9, measure="humanitarian aid"),
        ),
        # periods apart
        (
            dict(value=42e9, measure="pledge", period=("2019", "2019")),
            dict(value=42e9, measure="commitment", period=("2022", "2022")),
        ),
    ],
)
def test_figures_different_facts_do_not_agree(first, second):
    a = _money(doc="d1", **first)
    b = _money(doc="d2", **second)
    relation = _between(a, b)
    assert relation is None or relation.type != "agree"


def test_figures_small_counts_are_not_matched_on_the_number_alone():
    a = claim(12, "delegates", unit="count", doc="d1", subject=None, object=None)
    b = claim(12, "trucks", unit="count", doc="d2", subject=None, object=None)
    assert _between(a, b) is None


def test_figures_large_counts_agree_on_the_number():
    a = claim(48_500, "troops", unit="count", doc="d1", subject=None, object=None)
    b = claim(48_500, "personnel sent", unit="count", doc="d2", subject="Chile", object=None)
    assert _between(a, b).type == "agree"


def test_figures_never_conflict_on_the_number_alone():
    a = _money(42e9, "value of sign", "d1", subject="Canada")
    b = _money(44e9, "value of package", "d2", subject="Canada")
    relation = _between(a, b)
    assert relation is None or relation.type != "conflict"


@pytest.mark.parametrize(
    ("measure_a", "measure_b"),
    [
        ("share of the funds", "share of the money"),
        ("share of the aid", "share of assistance"),
    ],
)
def test_figures_funding_words_fold_to_one_measure(measure_a, measure_b):
    # general synonyms only ("funds" are money, "assistance" is aid); two named sources
    # setting the same actors' figures against each other make even a one-word measure clash
    kw = dict(subject="Canada", object="Chile", period=("2021", "2021"))
    a = claim(0.8, measure_a, doc="d1", source="the ministry", **kw)
    b = claim(0.5, measure_b, doc="d2", source="a watchdog", **kw)
    assert _between(a, b).type == "conflict"


def test_figures_losses_and_killed_and_wounded_are_one_measure():
    kw = dict(unit="count", subject="Chile", object=None, period=("2020", "2021"))
    a = claim(150_000, "losses", doc="d1", **kw)
    b = claim(90_000, "soldiers killed and wounded", doc="d2", **kw)
    assert _between(a, b).type == "conflict"


def test_figures_undated_figure_is_read_at_its_article_date():
    a = claim(0.8, "share of oil imports", doc="d1", period=("2021", "2021"))
    b = claim(0.5, "share of oil imports", doc="d2")
    relation = _between(a, b, published={"d1": "2021-05-02", "d2": "2021-05-03"})
    assert relation.type == "conflict"
    assert "undated" in relation.reason


def test_figures_undated_figure_of_another_year_stays_apart():
    a = claim(0.8, "share of funds", doc="d1", period=("2018", "2018"))
    b = claim(0.5, "share of funds", doc="d2")
    relation = _between(a, b, published={"d1": "2021-05-02", "d2": "2021-05-03"})
    assert relation.type == "different_scope"


def test_figures_agree_when_a_sentence_names_the_other_claims_actor():
    # the extractor gave the second claim the wrong actor; its sentence names the right one
    a = _money(42e9, "pledge", "d1", subject="Canada", text="Canada pledged $42 billion.")
    b = _money(
        42e9,
        "commitment",
        "d2",
        subject="Chile",
        text="Chile gave less than the $42 billion from Canada.",
    )
    assert _between(a, b).type == "agree"
