"""Geometry for the report's inline SVG charts, computed server-side so the page needs no
charting library and works offline. Templates draw these records; they hold no markup."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .graph import Edge
from .view import TimelineItem

ROW = 24  # px per timeline row / graph node; fits one line of 13px text
MAX_LABEL = 44  # characters of a graph label before it is cut (full name in the tooltip)
CHAR_PX = 6.6  # mean width of a character at 12.5 px system-ui, measured in Chromium
# One colour per outlet (Tableau 10, readable on white); cycles past ten outlets.
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineRow:
    item: TimelineItem
    y: float
    x: float  # start of the date's span on the axis
    w: float  # width: a day is a dot, a month or a year a bar as wide as it lasts
    label: str  # the event's text, cut to fit
    outlet_label: str  # cut to fit its column; "— file" for an outlet not found
    colour: str  # the outlet's colour, shared by its dot and its name


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineChart:
    width: int
    height: int
    axis_x0: float
    axis_x1: float
    axis_y: float
    ticks: tuple[Tick, ...]
    rows: tuple[TimelineRow, ...]
    hidden: int = 0  # events beyond the limit, left out
    date_x: float = 0  # where the date, outlet and text columns start
    outlet_x: float = 0
    text_x: float = 0


def _date_span(date: str) -> tuple[float, float] | None:
    """A YYYY[-MM[-DD]] date as a (start, end) in fractional years; None if unreadable."""
    parts = date.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return year, year + 1
        month = int(parts[1])
        if len(parts) == 2:
            return year + (month - 1) / 12, year + month / 12
        day = int(parts[2])
        start = year + (month - 1) / 12 + (day - 1) / 365
        return start, start
    except (ValueError, IndexError):
        return None


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def outlet_colours(outlets: list[str]) -> dict[str, str]:
    """A stable colour per outlet, in alphabetical order, so a re-run keeps its colours."""
    return {o: PALETTE[i % len(PALETTE)] for i, o in enumerate(sorted(set(outlets)))}


def timeline(
    items: tuple[TimelineItem, ...], *, width: int = 1100, limit: int = 300
) -> TimelineChart:
    """One row per dated event, placed on a shared time axis; to its right three columns,
    date, outlet and the event's text, so a reader can scan down any one of them."""
    dated = [(item, span) for item in items[:limit] if (span := _date_span(item.date))]
    x0, x1, axis_y = 20.0, 300.0, 28.0
    # Dates and outlets are bold, about 7.5 px a character: "2023-03-06" needs 76 px.
    date_x = x1 + 16
    outlet_x = date_x + 90
    outlet_chars = 22
    text_x = outlet_x + (outlet_chars + 2) * 7.5
    chars = int((width - text_x - 10) / CHAR_PX)
    if not dated:
        return TimelineChart(
            width=width, height=0, axis_x0=x0, axis_x1=x1, axis_y=axis_y, ticks=(), rows=()
        )
    lo = math.floor(min(s for _, (s, _) in dated))
    hi = max(math.ceil(max(e for _, (_, e) in dated)), lo + 1)
    # A "nice" step giving at most 6 year labels, ~50 px apart on the axis; the axis
    # starts on a step.
    step = next(n for n in (1, 2, 5, 10, 20, 25, 50, 100, 10**9) if (hi - lo) / n <= 6)
    lo -= lo % step

    def x(t: float) -> float:
        return x0 + (t - lo) / (hi - lo) * (x1 - x0)

    colours = outlet_colours([item.outlet for item, _ in dated])
    ticks = tuple(Tick(x=x(y), label=str(y)) for y in range(lo, hi + 1, step))
    rows = []
    for i, (item, (s, e)) in enumerate(dated):
        outlet = item.outlet if item.outlet_known else f"— {item.outlet}"
        rows.append(
            TimelineRow(
                item=item,
                y=axis_y + 18 + i * ROW,
                x=x(s),
                w=max(0.0, x(e) - x(s)),
                label=_cut(item.text, chars),
                outlet_label=_cut(outlet, outlet_chars),
                colour=colours[item.outlet],
            )
        )
    height = int(axis_y + 18 + len(rows) * ROW)
    return TimelineChart(
        hidden=max(0, len(items) - limit),
        width=width,
        height=height,
        axis_x0=x0,
        axis_x1=x1,
        axis_y=axis_y,
        ticks=ticks,
        rows=tuple(rows),
        date_x=date_x,
        outlet_x=outlet_x,
        text_x=text_x,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Node:
    name: str
    label: str
    y: float
    href: str | None = None
    weight: int = 0  # sum of its edges' weights, shown beside the label
    muted: bool = False  # a stand-in name (a file name for an outlet not found)


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    edge: Edge
    d: str  # SVG path
    width: float


@dataclass(frozen=True, slots=True, kw_only=True)
class BipartiteChart:
    width: int
    height: int
    left_x: float
    right_x: float
    left: tuple[Node, ...]
    right: tuple[Node, ...]
    links: tuple[Link, ...]
    hidden: int = 0  # targets left out beyond the limit


def bipartite(
    edges: list[Edge],
    *,
    hrefs: dict[str, str] | None = None,
    target_hrefs: dict[str, str] | None = None,
    muted: frozenset[str] = frozenset(),
    width: int = 1000,
    limit: int = 40,
) -> BipartiteChart:
    """Left column of edge sources, right column of targets, curves between them.

    Keeps the `limit` heaviest targets. Targets are grouped under the left node they are
    most tied to, and left nodes are spread over the chart's height, which keeps curves
    short and crossings few on the star-shaped graphs news citations make."""
    hrefs = hrefs or {}
    target_hrefs = target_hrefs or {}
    rw: dict[str, int] = {}
    for e in edges:
        rw[e.target] = rw.get(e.target, 0) + e.weight
    kept = set(sorted(rw, key=lambda k: (-rw[k], k))[:limit])
    hidden = len(rw) - len(kept)
    edges = [e for e in edges if e.target in kept]
    lw: dict[str, int] = {}
    for e in edges:
        lw[e.source] = lw.get(e.source, 0) + e.weight
    left_names = sorted(lw, key=lambda k: (-lw[k], k))
    rank = {n: i for i, n in enumerate(left_names)}
    main: dict[str, tuple[int, int]] = {}  # target -> (-weight, rank) of its strongest tie
    for e in edges:
        tie = (-e.weight, rank[e.source])
        main[e.target] = min(main.get(e.target, tie), tie)
    right_names = sorted(kept, key=lambda k: (main[k][1], -rw[k], k))
    top = 20.0
    rows = max(len(left_names), len(right_names), 1)
    gap = ROW * rows / max(len(left_names), 1)  # left nodes share the full height
    left = tuple(
        Node(
            name=n,
            label=_cut(f"— {n}" if n in muted else n, MAX_LABEL),
            y=top + (i + 0.5) * gap - ROW / 2,
            href=hrefs.get(n),
            weight=lw[n],
            muted=n in muted,
        )
        for i, n in enumerate(left_names)
    )
    right = tuple(
        Node(
            name=n,
            label=_cut(n, MAX_LABEL),
            y=top + i * ROW,
            href=target_hrefs.get(n),
            weight=rw[n],
        )
        for i, n in enumerate(right_names)
    )
    ly = {n.name: n.y for n in left}
    ry = {n.name: n.y for n in right}
    # Room for MAX_LABEL characters and a "×12" count on each side.
    left_x = right_margin = (MAX_LABEL + 6) * CHAR_PX
    right_x = width - right_margin
    mid = (left_x + right_x) / 2
    links = tuple(
        Link(
            edge=e,
            d=(
                f"M{left_x:.1f},{ly[e.source]:.1f} C{mid:.1f},{ly[e.source]:.1f} "
                f"{mid:.1f},{ry[e.target]:.1f} {right_x:.1f},{ry[e.target]:.1f}"
            ),
            width=round(1 + 1.5 * math.log2(e.weight), 2) if e.weight > 0 else 1,
        )
        for e in edges
    )
    height = int(top + rows * ROW)
    return BipartiteChart(
        width=width,
        height=height,
        left_x=left_x,
        right_x=right_x,
        left=left,
        right=right,
        links=links,
        hidden=hidden,
    )
