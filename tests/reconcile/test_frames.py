"""Matching on the claim frame: counts of one event and thing within one story."""

from __future__ import annotations

from dataclasses import replace

from claimledger.models import Period
from claimledger.reconcile import reconcile
from reconcile.builders import analysis, by_docs, claim


def count(
    value,
    doc,
    *,
    source=None,
    place=None,
    text=None,
    subject=None,
    revision=False,
    measure="miner killed",
    counted="miners",
):
    c = claim(
        value,
        measure,
        doc=doc,
        unit="count",
        subject=subject,
        object=None,
        source=source,
        text=text,
    )
    return replace(c, predicate="killed", counted=counted, place=place, revision=revision)


def verdicts(*claims):
    docs = {}
    for c in claims:
        docs.setdefault(c.doc_id, []).append(c)
    relations, facts = reconcile([analysis(d, *cs) for d, cs in docs.items()])
    return {frozenset((r.a, r.b)): r.type for r in relations}, facts


def test_frames_two_sources_set_against_each_other_conflict_across_wordings():
    a = count(41, "d1", source="the regional governor")
    b = count(27, "d2", source="the mine operator", measure="death killed", counted="deaths")
    found, facts = verdicts(a, b)
    assert found[frozenset((a.id, b.id))] == "conflict"
    assert [f.verdict for f in facts if a.id in f.claim_ids] == ["conflict"]


def test_frames_the_same_count_agrees_whatever_the_wording():
    a = count(41, "d1", source="the governor")
    b = count(41, "d2", measure="people killed", counted="people")
    found, _ = verdicts(a, b)
    assert found[frozenset((a.id, b.id))] == "agree"


def test_frames_different_places_are_different_scopes():
    a = count(22, "d1", source="police", place="Chicago")
    b = count(145, "d2", source="the agency", place="Texas")
    found, _ = verdicts(a, b)
    assert found[frozenset((a.id, b.id))] == "different_scope"


def test_frames_a_rate_is_not_a_total():
    a = count(9000, "d1", source="a modelling firm", text="Some 9,000 miners killed a day.")
    b = count(60000, "d2", source="the commission")
    found, _ = verdicts(a, b)
    assert found[frozenset((a.id, b.id))] == "different_scope"


def test_frames_a_smaller_count_of_the_same_article_and_voice_is_a_part():
    total = count(105, "d1", source="the general")
    part = count(76, "d1", source="the general")
    other = count(103, "d2", source="the ministry")
    found, _ = verdicts(total, part, other)
    assert found[frozenset((part.id, other.id))] == "different_scope"
    assert found[frozenset((total.id, other.id))] == "conflict"


def test_frames_two_unnamed_sources_of_one_article_are_not_a_total_and_its_part():
    # "opposition members said 30", "a monitoring group put it at 45": rival voices
    low = replace(count(30, "d1"), hedge="reported")
    high = replace(count(45, "d1"), hedge="reported")
    other = count(80, "d2", source="the ministry")
    found, _ = verdicts(low, high, other)
    assert found[frozenset((low.id, other.id))] == "conflict"
    assert found[frozenset((high.id, other.id))] == "conflict"


def test_frames_a_toll_of_one_states_people_conflicts_whoever_caused_it():
    a = replace(count(34, "d1"), subject="Ruritania", object="Borduria")
    b = replace(count(31, "d2"), subject="Ruritania", object="Syldavia")
    found, _ = verdicts(a, b)
    assert found[frozenset((a.id, b.id))] == "conflict"


def test_frames_one_source_raising_its_count_is_a_revision():
    a = count(63, "d1", source="the defence ministry")
    b = count(89, "d2", source="the defence ministry", revision=True)
    found, _ = verdicts(a, b)
    assert found[frozenset((a.id, b.id))] == "revision"


def test_frames_nothing_set_against_each_other_needs_review():
    a = count(300, "d1", subject="Ruritania")
    b = count(120, "d2", subject="Borduria")
    found, _ = verdicts(a, b)
    assert found[frozenset((a.id, b.id))] == "needs_review"


def test_frames_far_apart_counts_are_different_things():
    a = count(12, "d1", source="the governor")
    b = count(4000, "d2", source="the agency")
    found, _ = verdicts(a, b)
    assert found[frozenset((a.id, b.id))] == "different_scope"


def test_frames_fact_label_reads_what_where_and_when():
    a = count(41, "d1", source="the governor", place="Quellbrook")
    b = count(27, "d2", source="the operator", place="Quellbrook")
    a, b = (replace(c, period=Period(start="2023", end="2023")) for c in (a, b))
    _, facts = verdicts(a, b)
    assert [f.label for f in facts] == ["miners killed in Quellbrook, 2023"]


def _dated_verdicts(published, *claims):
    relations, _ = reconcile(by_docs(*claims, published=published))
    return {frozenset((r.a, r.b)): r.type for r in relations}


def test_frames_a_later_higher_undated_count_is_a_later_cut_off():
    early = count(60, "d1", source="the regional governor")
    later = count(95, "d2", source="the mine operator")
    found = _dated_verdicts({"d1": "2024-05-01", "d2": "2024-05-04"}, early, later)
    assert found[frozenset((early.id, later.id))] == "different_scope"


def test_frames_a_later_lower_undated_count_still_conflicts():
    early = count(95, "d1", source="the regional governor")
    later = count(60, "d2", source="the mine operator")
    found = _dated_verdicts({"d1": "2024-05-01", "d2": "2024-05-04"}, early, later)
    assert found[frozenset((early.id, later.id))] == "conflict"


def test_frames_one_source_in_two_articles_is_a_running_count_whatever_the_spelling():
    # one minister, transliterated with and without the accent; one article undated
    a = count(700, "d1", source="Interior Minister Süleyman Demirtas")
    b = count(1100, "d2", source="Minister Suleyman Demirtas")
    found = _dated_verdicts({"d1": "2024-05-01"}, a, b)
    assert found[frozenset((a.id, b.id))] == "different_scope"


def test_frames_a_smaller_count_at_one_place_may_be_part_of_a_count_with_none():
    total = count(105, "d1", source="the general")
    there = count(12, "d2", source="the ministry", place="Westport")
    bigger_there = count(130, "d3", source="the governor", place="Westport")
    found, _ = verdicts(total, there, bigger_there)
    assert found[frozenset((total.id, there.id))] == "different_scope"
    assert found[frozenset((total.id, bigger_there.id))] == "conflict"


def test_frames_a_count_with_no_event_meets_the_counts_of_its_thing():
    fired = count(110, "d1", source="the army command")
    listed = replace(count(103, "d2", source="the ministry"), predicate=None)
    found, _ = verdicts(fired, listed)
    assert found[frozenset((fired.id, listed.id))] == "conflict"


def _rate_pair(value_a, text_a, value_b, text_b):
    a = claim(
        value_a,
        "share of inflation",
        doc="d1",
        subject="Chile",
        object=None,
        source="the statistics office",
        text=text_a,
    )
    b = claim(
        value_b,
        "share of inflation",
        doc="d2",
        subject="Chile",
        object=None,
        source="an independent group",
        text=text_b,
    )
    found, _ = verdicts(a, b)
    return found.get(frozenset((a.id, b.id)))


def test_frames_rates_over_a_month_and_over_a_year_are_different_scopes():
    assert (
        _rate_pair(0.042, "Monthly inflation was 4.2%.", 0.61, "Inflation reached 61% in May.")
        == "different_scope"
    )
    assert (
        _rate_pair(
            0.042, "Prices rose 4.2% from the previous month.", 0.61, "Annual inflation hit 61%."
        )
        == "different_scope"
    )


def test_frames_two_yearly_rates_from_two_sources_conflict():
    # an unstated basis is a year: "inflation hit 61%" and "annual inflation of 120%"
    assert (
        _rate_pair(0.61, "Inflation hit 61% in May.", 1.2, "Annual inflation was 120% in May.")
        == "conflict"
    )


def test_frames_a_share_over_a_hundred_percent_stays_over_a_hundred():
    a = claim(
        1.2,
        "share of inflation",
        doc="d1",
        subject="Chile",
        object=None,
        source="the statistics office",
        text="Inflation hit 120% in May.",
    )
    b = claim(
        1.5,
        "share of inflation",
        doc="d2",
        subject="Chile",
        object=None,
        source="an independent group",
        text="Inflation hit 150% in May.",
    )
    relations, _ = reconcile([analysis("d1", a), analysis("d2", b)])
    (relation,) = relations
    assert relation.type == "conflict"
    assert "120%" in relation.reason and "150%" in relation.reason


def test_frames_counts_not_both_of_one_event_conflict_only_when_near():
    fired = replace(
        count(103, "d1", source="the ministry", measure="missile", counted="missiles"),
        predicate=None,
    )
    near = replace(
        count(105, "d2", source="the command", measure="missile launched", counted="missiles"),
        predicate="launched",
    )
    far = replace(
        count(46, "d3", source="a general", measure="missile intercepted", counted="missiles"),
        predicate="destroyed",
    )
    found, _ = verdicts(fired, near, far)
    assert found[frozenset((fired.id, near.id))] == "conflict"
    assert found[frozenset((fired.id, far.id))] == "needs_review"


def test_frames_counts_to_different_times_of_day_are_different_scopes():
    early = replace(count(2_900_000, "d1", source="the council"), as_of="4 p.m.")
    final = count(6_500_000, "d2", source="the opposition")
    found, _ = verdicts(early, final)
    assert found[frozenset((early.id, final.id))] == "different_scope"


def test_frames_counts_of_one_measure_without_events_are_kept_apart_by_scope():
    def bare(value, doc, source):
        c = claim(value, "drone", doc=doc, unit="count", subject=None, object=None, source=source)
        return replace(c, predicate=None, counted="drones")

    whole, part = bare(90, "d1", "the army"), bare(64, "d1", "the army")
    far = bare(30, "d2", "a monitor")
    found, _ = verdicts(whole, part, far)
    # one article's two counts in one voice: a whole and its part, not a dispute
    assert found[frozenset((whole.id, part.id))] == "different_scope"
    # nothing but the thing counted joins them, three times apart
    assert found[frozenset((whole.id, far.id))] == "needs_review"
