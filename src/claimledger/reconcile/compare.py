"""Two claims about one measure: do they agree, conflict, or cover different scopes?

Each claim becomes an `Item`: its figure folded to one unit (percent -> ratio) with the range
of true values its wording allows. "69%" allows 68.5-69.5% (rounding), "around 40 percent"
36-44% (approximation), "over 6,000" anything above 6,000 (the qualifier). Two figures
conflict only when those ranges cannot meet, both claims name the same actors, the measure
is specific enough (a known measure or more than one word), and nothing in the text says
they count different things (another period, one sentence stating both, an increment, a
running count, one article stating both without setting two sources against each other).
An undated figure is read at its article's date. Measures that are only related (siblings,
one narrower) never conflict, and figures met on their value alone can only agree.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..extract.frame import event_class
from ..models import Claim, Period, RelationType
from .measures import MeasureKey, MeasureLexicon

# "around 40%" may be 36-44%: the spread reporters' round figures usually carry
APPROX = 0.10
# how far above "over 6,000" (below "under 6,000") a figure still reads as the same one
LOOSE = 0.25
# how far above "at least 300" (below "at most 300") a figure is still consistent with it: a
# floor far below another text's figure is another tally of the thing, not a cautious
# rounding of the same one ("at least 120 killed" vs "900 killed" dispute the toll)
BOUND_REACH = 0.5
_FLOORS = frozenset({"more_than", "at_least"})
_CEILINGS = frozenset({"less_than", "at_most"})
_PERCENT_SIGN = re.compile(r"%|per\s?cent|pct|percentage", re.IGNORECASE)
_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_WORDS = re.compile(r"[\w~']+")
_QUALIFIER_WORDS = {
    "approximately": "around",
    "more_than": "over",
    "at_least": "at least",
    "less_than": "under",
    "at_most": "at most",
}


@dataclass(frozen=True, slots=True)
class Item:
    """A claim as reconcile sees it: canonical measure, actors, folded value, bounds."""

    claim: Claim
    key: MeasureKey
    family: str  # unit family: ratio, count, USD, km, ...
    actors: frozenset[str]
    # (subject, object) with names folded ("Ukrainian" -> "Ukraine")
    roles: tuple[str | None, str | None]
    outlet: str
    value: float
    lo: float  # bounds the wording allows, for conflicts (may be infinite)
    hi: float
    near_lo: float  # bounds for "the same figure", for agreement (always finite)
    near_hi: float
    approximate: bool
    increment: bool  # "an additional 11": adds to a total rather than being one
    part: bool  # "including 5": a part of a larger figure nearby
    extreme: bool = False  # "a record of $13": a peak or trough, not the level at a time
    index: int = 0  # position in the corpus: orders pairs and reasons
    bare: str = ""  # the figure as reasons write it: "around 40%"
    figure: str = ""  # with what it measures: "around 40% of oil imports"
    published: str | None = None  # the article's date: an undated figure is one of its time
    head: str = ""  # head lemma of what a count counts ("missile"), frames.py
    event: str | None = None  # event class of its predicate ("launched"), frames.py

    @property
    def scope(self) -> Period | None:
        """The period the text states; one inferred from the article's date is no evidence
        of scope (an undated figure is read at its article's date where that matters)."""
        return None if self.claim.period_inferred else self.claim.period


def make_item(
    claim: Claim,
    key: MeasureKey,
    family: str,
    outlet: str,
    lex: MeasureLexicon,
    roles: tuple[str | None, str | None] | None = None,
    *,
    index: int = 0,
    published: str | None = None,
    actors: frozenset[str] | None = None,
) -> Item:
    """`actors`: the names of `roles` as a set, when the caller shares one between claims."""
    value = float(claim.value)
    unit = (claim.unit or "").lower()
    if unit in {"percent", "%", "pct", "percentage"} or (
        family == "ratio"
        and key.aspect == "share"
        and 1 < value <= 100
        and not _PERCENT_SIGN.search(claim.value_text or "")
    ):
        # a share written as 69 with unit "ratio" is 69%; "140%" was read as 1.4 already
        value /= 100.0
    before, after = _context(claim)
    written = _WORDS.findall(claim.value_text.lower())
    markers = lex.markers
    # an estimate is read as approximate unless written to a decimal place: "a projection of
    # 41.3%" states its precision, "an estimated 300" does not
    estimate = claim.hedge == "estimated" and _written_number(claim.value_text)[1] == 0
    approximate = claim.qualifier == "approximately" or (
        claim.qualifier is None
        and (estimate or _any(markers.get("approximate"), written + before[-2:]))
    )
    ranged = claim.value_high is not None and claim.value_high > claim.value
    # a range states its own uncertainty: its ends are read as written, not rounded outwards
    # ("2 to 3 million" does not reach "around 3.6 million" through "3 million" = 2.5-3.5)
    half = 0.0 if ranged else _half_step(claim.value_text, value)
    lo, hi = value - half, value + half
    if approximate:
        spread = abs(value) * APPROX  # abs: a fall of around 10% is -11% to -9%
        lo, hi = min(lo, value - spread), max(hi, value + spread)
    if ranged:
        # a range ("200 to 225") allows every value between its ends
        top = float(claim.value_high) * (value / float(claim.value) if claim.value else 1.0)
        hi = max(hi, top)
    near_lo, near_hi = lo, hi
    if claim.qualifier in _FLOORS:
        hi, near_hi = max(hi, value + abs(value) * BOUND_REACH), max(hi, value + abs(value) * LOOSE)
    elif claim.qualifier in _CEILINGS:
        lo = min(lo, value - abs(value) * BOUND_REACH / (1 + BOUND_REACH))
        near_lo = min(lo, value - abs(value) * LOOSE)
    increment = _any(markers.get("increment"), before[-3:] + written) or _any(
        markers.get("increment_after"), after[:1]
    )
    part = _any(markers.get("part"), before[-2:] + written)
    extreme = _any(markers.get("extreme"), before[-3:] + written)
    roles = roles or (claim.subject, claim.object)
    if actors is None:
        actors = frozenset(a for a in roles if a)
    # the texts reasons quote repeat with the figure ("45%", "45% of oil imports"): one
    # string each across the corpus
    bare = sys.intern(_bare_text(claim.qualifier, approximate, _number(value, family)))
    return Item(
        claim=claim,
        key=key,
        family=family,
        actors=actors,
        roles=roles,
        outlet=outlet,
        value=value,
        lo=lo,
        hi=hi,
        near_lo=near_lo,
        near_hi=near_hi,
        approximate=approximate,
        increment=increment,
        part=part,
        extreme=extreme,
        index=index,
        published=published,
        bare=bare,
        figure=sys.intern(_figure_text(bare, family, key)),
        head=sys.intern(_head(claim, key, lex)),
        event=claim.predicate if claim.predicate and event_class(claim.predicate) else None,
    )


def _head(claim: Claim, key: MeasureKey, lex: MeasureLexicon) -> str:
    """The head lemma of what a count counts: the counted noun's last word, else the last
    word of its measure that is not its event."""
    words = (claim.counted or "").lower().split()
    if not words:
        words = [w for w in key.base_text.lower().split() if w != claim.predicate]
    return lex.lemma(words[-1]) if words else ""


def _any(words: frozenset[str] | None, seen) -> bool:
    return bool(words) and not words.isdisjoint(seen)


def _context(claim: Claim) -> tuple[list[str], list[str]]:
    """The words just before and after the figure in its sentence."""
    text, figure = claim.text.lower(), claim.value_text.lower()
    at = text.find(figure) if figure else -1
    if at < 0:
        return [], []
    return _WORDS.findall(text[:at]), _WORDS.findall(text[at + len(figure) :])


def _half_step(value_text: str, value: float) -> float:
    """Half the last written digit's place, in the claim's units: "69%" -> 0.005,
    "$4.85 billion" -> 5 million. Trailing zeros are read as exact ("100 flights" is not
    "about 100"); the wording marks approximation. A figure in words gets 0.5%."""
    written, decimals = _written_number(value_text or "")
    floor = abs(value) * 1e-9
    if written is None:
        return max(abs(value) * 0.005, floor)
    if written == 0:
        return floor
    scale = abs(value / written)
    return max(0.5 * 10.0**-decimals * scale, floor)


@lru_cache(maxsize=1 << 16)
def _written_number(value_text: str) -> tuple[float | None, int]:
    """The first number written in a figure's text and its decimal places, parsed once per
    wording: a corpus repeats "45%" and "$2 billion" many times."""
    match = _NUMBER.search(value_text)
    if not match:
        return None, 0
    return float(match.group().replace(",", "")), len(match.group(1) or "")


# -- verdicts --------------------------------------------------------------------------


# a named tuple, not a frozen dataclass: one is made per compared pair (millions at scale),
# and a frozen dataclass costs several times as much to make
class Verdict(NamedTuple):
    type: RelationType
    reason: str
    # judged apart only for want of evidence (no actors, a vague or related measure): matching
    # on the claim frame (frames.py) may still find the pair to be one fact
    weak: bool = False


def compare(
    a: Item, b: Item, *, link: str, running: Callable[[Item, Item], bool]
) -> Verdict | None:
    """The verdict for two claims whose measures are the same, siblings or one narrower than
    the other (`link`: "same", "sibling", "narrower"; only the same measure can conflict).
    `running(a, b)` tells whether the gap between a and b is itself a figure of the same measure
    in the same article, so the larger is the smaller plus that increment (asked only when
    the figures would otherwise conflict). None: the pair neither agrees nor conflicts."""
    fa, fb = a.figure, b.figure
    if link == "figure":
        return same_figure(a, b)
    if link == "sibling":
        return Verdict(
            "different_scope",
            f"{fa} vs {fb}: related measures on different bases, not the same fact",
            weak=True,
        )
    if link == "narrower":
        return Verdict(
            "different_scope",
            f"{fa} vs {fb}: one measure is a narrower part of the other, not the same fact",
            weak=True,
        )
    pa, pb = a.scope, b.scope
    if pa is not None and pb is not None and not same_period(pa, pb):
        return Verdict(
            "different_scope",
            f"{fa} {period_text(pa)} vs {b.bare} {period_text(pb)}: different periods",
        )
    # strict: 47 and 48 meet at 47.5 but are two different whole numbers
    near = a.near_lo < b.near_hi and b.near_lo < a.near_hi
    if (pa is None) != (pb is None) and not near:
        dated, undated = (a, b) if pa is not None else (b, a)
        if not _current(dated.scope, undated.published):
            return Verdict(
                "different_scope",
                f"{dated.figure} {period_text(dated.scope)} vs {undated.bare} with no period: "
                "cannot tell that they cover the same span",
            )
    when = "no period on either"
    if pa is not None and pb is not None:
        when = f"both {period_text(pa)}"
    elif near:
        when = f"{period_text(pa or pb)} on one side only"
    elif pa is not None or pb is not None:
        when = f"{period_text(pa or pb)}, the other undated in an article of that time"
    if near:
        if _close(a.value, b.value) and a.claim.qualifier == b.claim.qualifier:
            return Verdict("agree", f"both {fa}" + (f" {period_text(pa)}" if pa else ""))
        return Verdict("agree", f"{fa} and {b.bare} agree within rounding and qualifiers ({when})")
    if a.lo < b.hi and b.lo < a.hi:
        if _one_sided(a) and _one_sided(a) == _one_sided(b):
            return None  # "over 3 million" and "over 4 million": neither confirms the other
        low, high = (a, b) if a.value <= b.value else (b, a)
        return Verdict("agree", f"{high.bare} is consistent with {low.figure} ({when})")
    if a.actors != b.actors:
        named = ", ".join(sorted(a.actors)) or "no actor"
        other = ", ".join(sorted(b.actors)) or "no actor"
        return Verdict(
            "different_scope",
            f"{fa} vs {b.bare}: one names {named}, the other {other}; "
            "cannot tell that they are about the same fact",
            weak=True,
        )
    if not a.actors:
        return Verdict(
            "different_scope",
            f"{fa} vs {b.bare}: neither names who the figure is about, so nothing shows "
            "that they are about the same fact",
            weak=True,
        )
    # a one-word measure ("fund") may mean many things; within one story, two named sources
    # giving the same actors' figure on it are disputing one fact
    if not a.key.known and len(a.key.base) < 2 and not _disputed(a.claim, b.claim):
        return Verdict(
            "different_scope",
            f"{fa} vs {b.bare}: '{a.key.base_text}' alone is too vague a measure to tell "
            "that they are about the same fact (add it to measures.yaml if it is)",
            weak=True,
        )
    if a.claim.doc_id == b.claim.doc_id and (
        a.claim.text == b.claim.text or _side_by_side(a.claim, b.claim)
    ):
        return Verdict(
            "different_scope",
            f"{fa} and {b.bare} are stated in one sentence: the text presents them as "
            "different figures (a part and a whole, or two points in time)",
        )
    for x, y in ((a, b), (b, a)):
        if x.increment or x.part:
            kind = "an increment" if x.increment else "a part"
            return Verdict(
                "different_scope", f"{x.bare} is {kind} of a total, not a total like {y.bare}"
            )
    if a.extreme != b.extreme:
        peak, level = (a, b) if a.extreme else (b, a)
        return Verdict(
            "different_scope",
            f"{peak.bare} is a record or extreme, {level.bare} a level at one time: both can hold",
        )
    if running(a, b):
        low, high = (a, b) if a.value <= b.value else (b, a)
        gap = _number(high.value - low.value, a.family)
        return Verdict(
            "different_scope",
            f"{high.bare} = {low.bare} + {gap} (a figure stated in the same article): "
            "a running count at different cut-offs",
        )
    if a.claim.doc_id == b.claim.doc_id and not _disputed(a.claim, b.claim):
        return Verdict(
            "different_scope",
            f"{fa} and {b.bare} are both stated by one article, not set against each other "
            "by different sources: it presents them as different figures (a part and a "
            "whole, or two cut-offs)",
        )
    return Verdict("conflict", f"{fa} vs {b.bare}, same actors and {when}: cannot both hold")


# Two figures met only by their value (blocking.FIGURE) agree when their gap is within this
# share of the larger, or within APPROX when either is approximate: "$61 billion" and
# "$60.8 billion" do, "$1 billion" and "about $1.2 billion" do not.
FIGURE_GAP = 0.02


def same_figure(a: Item, b: Item) -> Verdict | None:
    """Agreement of two figures whose measures were folded apart but are not known to differ:
    the same sum or large count, in two articles, on actors and periods that do not clash.
    Never a conflict: nothing but the figure ties them to one fact."""
    if a.key.known and b.key.known and a.key.base != b.key.base:
        return None  # "military aid" and "humanitarian aid" of one size are two facts
    if a.actors and b.actors and not a.actors & b.actors and not _named_in(a, b):
        return None  # two givers of one size
    pa, pb = a.scope, b.scope
    # "€50 billion through 2027" and "€50 billion" tagged 2024: the very same sum over spans
    # that overlap is one figure; a near one over other spans is not
    if (
        pa is not None
        and pb is not None
        and not same_period(pa, pb)
        and not (_close(a.value, b.value) and _overlap(pa, pb))
    ):
        return None
    if not (a.near_lo <= b.near_hi and b.near_lo <= a.near_hi):
        return None
    if _one_sided(a) * _one_sided(b) < 0 or a.extreme != b.extreme:
        return None  # "over $5 billion" and "under $5 billion", a record and a level
    gap = APPROX if a.approximate or b.approximate else FIGURE_GAP
    if abs(a.value - b.value) > gap * max(abs(a.value), abs(b.value)):
        return None
    if _close(a.value, b.value) and a.claim.qualifier == b.claim.qualifier:
        return Verdict("agree", f"both {a.bare}: the same figure in two articles ({b.figure})")
    return Verdict(
        "agree", f"{a.bare} and {b.bare} agree within rounding: the same figure ({b.figure})"
    )


# Two figures of one article this close ("1.27% versus 0.81%", "fell 21%, from 3.8% to
# 3.0%") are set side by side on purpose: a comparison or a change, never a contradiction.
SIDE_BY_SIDE_CHARS = 25


def _figure_span(claim: Claim) -> tuple[int, int]:
    at = claim.text.find(claim.value_text)
    start = claim.start + max(at, 0)
    return start, start + (len(claim.value_text) if at >= 0 else 0)


def _side_by_side(a: Claim, b: Claim) -> bool:
    (_, first_end), (second_start, _) = sorted((_figure_span(a), _figure_span(b)))
    return 0 <= second_start - first_end <= SIDE_BY_SIDE_CHARS


def _disputed(a: Claim, b: Claim) -> bool:
    """Whether one article gives the two figures in two voices, at least one of them named
    ("the ministry says 700, the monitors 500"; "100 flights, Darawsha said" against a total
    of 103 reported without a source): the way an article sets figures against each other."""
    if not (a.source_named or b.source_named):
        return False
    return " ".join((a.source or "").lower().split()) != " ".join((b.source or "").lower().split())


def _one_sided(item: Item) -> int:
    """+1 for a floor ("over 6,000"), -1 for a ceiling ("under 50"), 0 otherwise."""
    qualifier = item.claim.qualifier
    return 1 if qualifier in _FLOORS else -1 if qualifier in _CEILINGS else 0


def _close(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-9 * max(abs(x), abs(y), 1.0)


def _named_in(a: Item, b: Item) -> bool:
    """Whether one claim's sentence names an actor of the other: "about €67 billion from
    the United States" is the United States' figure whatever actor the extractor gave it."""
    return any(
        _name_pattern(actor).search(y.claim.text) for x, y in ((a, b), (b, a)) for actor in x.actors
    )


@lru_cache(maxsize=1 << 14)
def _name_pattern(name: str) -> re.Pattern[str]:
    """A name as a whole word, any case; compiled once per name, not once per pair."""
    return re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE)


def _overlap(a: Period, b: Period) -> bool:
    """Whether two periods share at least one year."""
    return a.start[:4] <= (b.end or b.start)[:4] and b.start[:4] <= (a.end or a.start)[:4]


def _current(period: Period | None, published: str | None) -> bool:
    """Whether a period ends in the year an undated figure's article was published: news
    states a figure without a date when it is the figure at the time of writing, so "about
    64% of the money" in an article of 2024 covers the same span as "90% ... in 2024"."""
    if period is None or not published or len(published) < 4:
        return False
    year = published[:4]
    return (period.end or period.start)[:4] == year and period.start[:4] <= year


def same_period(a: Period, b: Period) -> bool:
    """Equal at the precision both give: "2023" and "2023-03" are not the same span, but
    "2016" and "2016" are, and so are "2016-01" and "2016-01-31" cut to months."""
    return _cut(a.start, b.start) and _cut(a.end or a.start, b.end or b.start)


def _cut(x: str, y: str) -> bool:
    n = min(len(x), len(y))
    return x[:n] == y[:n] and (len(x) == len(y) or n >= 7)


def period_text(p: Period | None) -> str:
    if p is None:
        return ""
    end = p.end or p.start
    return f"for {p.start}" if end == p.start else f"for {p.start}–{end}"


# -- wording ---------------------------------------------------------------------------


def _number(value: float, family: str) -> str:
    if family == "ratio":
        return f"{value * 100:.4g}%"
    if family == "USD" or (family.isupper() and len(family) == 3):
        prefix, suffix = ("$", "") if family == "USD" else ("", f" {family}")
        for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if abs(value) >= size:
                return f"{prefix}{value / size:.4g} {word}{suffix}"
        return f"{prefix}{value:,.0f}{suffix}"
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"
    if family == "factor":
        return f"{text}-fold"
    if family in {"count", "ratio"}:
        return text
    return f"{text} {family}"


def _bare_text(qualifier: str | None, approximate: bool, number: str) -> str:
    """The figure with its qualifier, without the measure: "around 40%"."""
    word = _QUALIFIER_WORDS.get(qualifier or "")
    if word is None and approximate:
        word = "around"
    return f"{word} {number}" if word else number


def _figure_text(bare: str, family: str, key: MeasureKey) -> str:
    """The figure and what it measures: "around 40% of oil imports", "100 cargo flights"."""
    if family == "ratio":
        return f"{bare} of {key.base_text}" if key.base_text else bare
    if family == "count":
        return f"{bare} {key.base_text}".strip()
    return f"{bare} ({key.text})" if key.text else bare
