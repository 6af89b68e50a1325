"""Chart geometry: rows in date order on a shared axis; bipartite columns by weight."""

from __future__ import annotations

from claimledger.report.graph import Edge
from claimledger.report.svg import MAX_LABEL, bipartite, timeline
from claimledger.report.view import TimelineItem


def _item(date: str) -> TimelineItem:
    return TimelineItem(date=date, date_text=date, text="x", anchor=f"event-{date}", outlet="o")


def test_svg_timeline_places_dates_on_one_axis_by_precision():
    chart = timeline((_item("2020"), _item("2021-06"), _item("2022-01-15")))
    year, month, day = chart.rows
    assert year.x < month.x < day.x
    assert year.w > month.w > day.w == 0
    assert chart.ticks[0].label == "2020"


def test_svg_timeline_skips_unreadable_dates():
    chart = timeline((_item("sometime"), _item("2021")))
    assert [r.item.date for r in chart.rows] == ["2021"]


def test_svg_timeline_says_how_many_events_it_leaves_out():
    chart = timeline(tuple(_item(f"20{i:02d}") for i in range(10)), limit=4)
    assert len(chart.rows) == 4
    assert chart.hidden == 6


def test_svg_timeline_empty():
    assert timeline(()).rows == ()


def test_svg_bipartite_orders_nodes_by_weight_and_cuts_long_labels():
    edges = [
        Edge(source="A", target="S" * 80, weight=1),
        Edge(source="B", target="T", weight=5),
        Edge(source="B", target="S" * 80, weight=1),
    ]
    chart = bipartite(edges, hrefs={"A": "#doc-a"})
    assert [n.name for n in chart.left] == ["B", "A"]
    assert chart.left[1].href == "#doc-a"
    assert chart.right[0].name == "T"
    assert len(chart.right[1].label) <= MAX_LABEL and chart.right[1].label.endswith("…")
    assert len(chart.links) == 3


def test_svg_bipartite_keeps_the_heaviest_targets():
    edges = [Edge(source="A", target=f"S{i}", weight=i + 1) for i in range(10)]
    chart = bipartite(edges, limit=3)
    assert [n.name for n in chart.right] == ["S9", "S8", "S7"]
    assert chart.hidden == 7
    assert len(chart.links) == 3


def test_svg_timeline_columns_and_outlet_colours():
    items = (
        _item("2020"),
        TimelineItem(
            date="2021", date_text="2021", text="y", anchor="e2", outlet="f.txt", outlet_known=False
        ),
    )
    chart = timeline(items)
    assert chart.axis_x1 < chart.date_x < chart.outlet_x < chart.text_x < chart.width
    known, unknown = chart.rows
    assert known.outlet_label == "o" and unknown.outlet_label == "— f.txt"
    assert known.colour != unknown.colour


def test_svg_bipartite_marks_stand_in_outlets_and_links_targets():
    edges = [Edge(source="f.txt", target="Agency", weight=3)]
    chart = bipartite(edges, target_hrefs={"Agency": "#cite-1"}, muted=frozenset({"f.txt"}))
    assert chart.left[0].muted and chart.left[0].label == "— f.txt"
    assert chart.right[0].href == "#cite-1" and chart.right[0].weight == 3
