"""An undated article's time-of-writing figures take the year of its story."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from claimledger.models import Period, Story
from claimledger.reconcile.writing_time import date_undated, writing_year
from reconcile.builders import analysis, claim


def _now(c):
    """A figure the text states without a time: of the writing time (extract/periods.py)."""
    return replace(c, period_inferred=True)


def _story(*doc_ids, sid="s1"):
    return Story(id=sid, label="", doc_ids=doc_ids)


def test_writing_time_an_undated_article_takes_its_storys_one_year():
    dated = analysis("a", _now(claim(40, "people killed", unit="count")), published="2021-05-12")
    now = _now(claim(41, "people killed", doc="b", unit="count"))
    stated = claim(7, "dams built", doc="b", unit="count", period=("1970", "1977"))
    undated = analysis("b", now, stated)
    _, out = date_undated([dated, undated], [_story("a", "b")])
    got = {c.value: c.period for c in out.claims}
    assert got == {41: Period(start="2021", end="2021"), 7: Period(start="1970", end="1977")}


def test_writing_time_another_storys_year_never_dates_an_article():
    dated = analysis("a", claim(40, "people killed", unit="count"), published="2021-05-12")
    undated = analysis("b", _now(claim(41, "people killed", doc="b", unit="count")))
    stories = [_story("a", sid="s1"), _story("b", sid="s2")]
    _, out = date_undated([dated, undated], stories)
    assert out.claims[0].period is None and out.claims[0].period_inferred


def test_writing_time_a_story_told_over_months_dates_no_undated_article():
    days = [date(2018, 3, 10), date(2018, 5, 2)]
    assert writing_year(days, "2018-04-20") is None


def test_writing_time_coverage_over_a_new_year_takes_the_articles_own_latest_event():
    days = [date(2019, 12, 30), date(2020, 1, 14)]
    assert writing_year(days, "2019-12-22") == "2019"
    # a latest event outside the coverage's years is history the article recalls
    assert writing_year(days, "2017-11-02") is None
    assert writing_year(days, None) is None
    assert writing_year([date(2020, 1, 2), date(2020, 1, 4)], "2019-12-28") == "2020"
    assert writing_year([], "2019-12-28") is None


def test_writing_time_a_dated_article_keeps_its_own_periods():
    a = analysis("a", _now(claim(40, "people killed", unit="count")), published="2021-05-01")
    b = analysis("b", claim(41, "people killed", doc="b", unit="count"), published="2021-05-12")
    (out_a, out_b) = date_undated([a, b], [_story("a", "b")])
    assert out_a is a and out_b is b
