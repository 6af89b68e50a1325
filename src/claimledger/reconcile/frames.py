"""Matching on the claim frame: counts of one thing with one event, within one story.

Blocking on measure phrases (blocking.py) misses facts whose wording differs ("110 missiles
were fired" / "103 cruise missiles launched", "8 million people voted" / "8.1 million
voters") and cannot put them in conflict when the extractor misses or garbles the actors.
Within one story (stories.py) a count is also known by its frame: the event class of what
happened (killed, arrested, launched, voted: data/predicates.yaml) and the head noun of what
is counted. Two counts of one story with the same event and head (or a head that only says
"people") are candidates, whatever their measure phrase and actors; `frame_verdict` then
reads the rest of the frame:

    stated periods differ          -> different_scope (time)
    places differ                  -> different_scope (place)
    one is a subset ("12 of the 40") or an increment -> different_scope (subset)
    values equal within wording    -> agree
    one source revising its figure -> revision
    a rate and a total, a forecast and a count -> different_scope
    far apart (over MAX_SPREAD)    -> different_scope (likely another counted thing)
    the same actors, or two sources set against each other -> conflict
    otherwise                      -> needs_review
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from functools import cache, lru_cache

from ..extract import cues as lexicons
from ..extract.frame import event_class
from .compare import Item, Verdict, period_text, same_period

# Heads that only say "people": a count of them with an event is a count of whoever the
# event befell ("8 million people voted" / "8.1 million voters")
GENERIC_HEADS = frozenset({"people", "person", "individual", "man", "total", "toll", "number"})
# two figures further apart than this factor count different things, not one disputed thing
# (disputed tolls in the development stories differ by up to 7.5 times: 200 vs 1,500)
MAX_SPREAD = 10.0
# counts of one thing that are not both said of one event are read as one disputed count
# only when this close (the development stories' disputes of an unnamed event differ by
# under 10% of each other; different things counted differ by 2 times and more)
LOOSE_SPREAD = 1.5
# "9,000 a day", "daily": a rate is not a total
_RATE_WORDS = {"daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly"}
_RATE_UNITS = {"day", "week", "month", "year", "hour", "night"}
# compare at most this many claims of one frame pairwise; above it, neighbours by value
FULL = 64
WINDOW = 8


def frame_key(item: Item) -> tuple[str, str, str] | None:
    """(unit family, event class, head) of a count with a known event, else None."""
    if item.family != "count" or not item.event:
        return None
    # "27 deaths", "140 arrests": a head that names the event itself says who it befell no
    # more than "people" does
    generic = not item.head or item.head in GENERIC_HEADS or event_class(item.head) == item.event
    head = "*" if generic else item.head
    return (item.family, item.event, head)


def frame_parts(items: list[Item]) -> set[str]:
    """Ids of counts that are parts of a larger count of their frame in their own article, in
    the same voice: an article giving 105 missiles fired and 76 at one site, both from one
    briefing, gives a total and its part; only the total is set against other articles."""
    best: dict[tuple, float] = {}
    for item in items:
        key = frame_key(item)
        if key is not None:
            k = (item.claim.doc_id, key[:2], _part_voice(item))
            best[k] = max(best.get(k, -math.inf), item.value)
    return {
        item.claim.id
        for item in items
        if (key := frame_key(item)) is not None
        and item.value < best[(item.claim.doc_id, key[:2], _part_voice(item))]
    }


def _part_voice(item: Item) -> str:
    """Whose figure a count is, for telling a total from its parts: the named source, the
    outlet's own voice, or, for a figure attributed to someone the text does not name
    ("members of the opposition said"), a voice of its own — two unnamed sources in one
    article are rivals as often as not, never known to be one."""
    voice = _voice(item)
    return voice or ("" if item.claim.hedge == "asserted" else item.claim.id)


def frame_candidates(items: list[Item]) -> Iterator[tuple[Item, Item]]:
    """Pairs of counts in one story sharing event and head; a generic head meets every head
    of its event."""
    by_key: dict[tuple[str, str, str], list[Item]] = defaultdict(list)
    for item in items:
        key = frame_key(item)
        if key is not None:
            by_key[key].append(item)
    # counts whose clause names no known event ("103 cruise missiles" in a list, a
    # headline's bare figure, a verb outside the classes) meet the counts of their head noun
    # under every event, each article's largest only: with no event to tell them apart, an
    # article's smaller counts of the thing are its parts (each site's, the ones shot down)
    largest: dict[tuple[str, str], float] = {}
    for item in items:
        if item.family == "count" and item.head:
            k = (item.claim.doc_id, item.head)
            largest[k] = max(largest.get(k, -math.inf), item.value)
    totals = [
        it
        for it in items
        if it.family == "count" and it.head and it.value >= largest[(it.claim.doc_id, it.head)]
    ]
    loose: dict[str, list[Item]] = defaultdict(list)
    for item in totals:
        if not item.event and item.head not in GENERIC_HEADS:
            loose[item.head].append(item)
    by_head: dict[str, list[Item]] = defaultdict(list)
    for item in totals:
        if item.event:
            by_head[item.head].append(item)
    for head, group in loose.items():
        yield from _pairs(group)
        yield from ((a, b) for a in group for b in _nearest(a, by_head.get(head, [])))
    for key, group in by_key.items():
        yield from _pairs(group)
        if key[2] == "*":
            for other_key, other in by_key.items():
                if other_key[:2] == key[:2] and other_key[2] != "*":
                    yield from ((a, b) for a in group for b in _nearest(a, other))


def _pairs(group: list[Item]) -> Iterator[tuple[Item, Item]]:
    if len(group) <= FULL:
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                yield a, b
        return
    ordered = sorted(group, key=lambda it: it.value)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 : i + 1 + WINDOW]:
            yield a, b


def _nearest(item: Item, group: list[Item]) -> list[Item]:
    if len(group) <= WINDOW:
        return group
    return sorted(group, key=lambda it: abs(math.log((it.value or 1e-9) / (item.value or 1e-9))))[
        :WINDOW
    ]


def frame_verdict(a: Item, b: Item, running, parts: frozenset[str] = frozenset()) -> Verdict | None:
    """The verdict for two counts of one frame (see the module docstring); `parts` are the
    ids `frame_parts` found."""
    fa, fb = a.figure, b.bare
    pa, pb = a.scope, b.scope
    if pa is not None and pb is not None and not same_period(pa, pb):
        return Verdict(
            "different_scope", f"{fa} {period_text(pa)} vs {fb} {period_text(pb)}: different times"
        )
    if a.claim.place and b.claim.place and _norm(a.claim.place) != _norm(b.claim.place):
        return Verdict(
            "different_scope",
            f"{fa} in {a.claim.place} vs {fb} in {b.claim.place}: different places",
        )
    for x, y in ((a, b), (b, a)):
        # "12 missiles hit the base at X" beside "105 missiles were fired": a count placed
        # where the other names no place, and smaller, may be the share that fell there
        if x.claim.place and not y.claim.place and x.hi <= y.lo:
            return Verdict(
                "different_scope",
                f"{x.bare} in {x.claim.place} vs {y.bare} with no place: a count at one place "
                "may be part of the whole",
            )
        if x.claim.part_of or x.part or x.increment or x.claim.id in parts:
            return Verdict(
                "different_scope", f"{x.bare} is a part or an increment of a total like {y.bare}"
            )
    if a.near_lo < b.near_hi and b.near_lo < a.near_hi:
        what = a.event or b.event or ""
        return Verdict("agree", f"{fa} and {fb}: the same count of {what} {a.head or ''}")
    if not (a.event and b.event) and a.claim.doc_id == b.claim.doc_id:
        # one article's counts of one thing, one of them with no event: the missiles fired
        # and those shot down, the ones at each site
        return Verdict(
            "different_scope",
            f"{fa} and {fb}: one article's counts of one thing, not said of one event",
        )
    if not (a.event and b.event) and _spread(a, b) > LOOSE_SPREAD:
        # with no event to say the two count one thing, only near figures are read as one
        # disputed count: "90 drones" and "30 shot down" are likelier two things
        return _too_far_apart(a, b)
    if a.lo < b.hi and b.lo < a.hi:
        return None  # "over 100" and "105": consistent, but neither confirms the other
    if a.extreme != b.extreme or running(a, b):
        return Verdict("different_scope", f"{fa} vs {fb}: a record or a running count")
    guarded = scope_guard(a, b)
    if guarded is not None:
        return guarded
    # two figures in one named source's voice (a ministry's 63, then its 89)
    same_voice = bool(_voice(a)) and _voice(a) == _voice(b)
    if same_voice and (a.claim.revision or b.claim.revision or a.claim.doc_id != b.claim.doc_id):
        later, earlier = (a, b) if a.claim.revision else (b, a)
        return Verdict(
            "revision", f"{earlier.bare} then {later.bare}: one source revising its own count"
        )
    if a.claim.doc_id == b.claim.doc_id and _voice(a) == _voice(b):
        return Verdict(
            "different_scope",
            f"{fa} and {fb} stated by one article in one voice: different cut-offs or parts",
        )
    if not _set_against(a, b):
        return Verdict(
            "needs_review",
            f"{fa} vs {fb}: one event and thing counted, but nothing shows that the two "
            "texts count the same set (no shared actor, no two sources set against each other)",
        )
    return Verdict(
        "conflict",
        f"{fa} ({_voice(a) or a.outlet}) vs {fb} ({_voice(b) or b.outlet}): one count of "
        f"{' '.join(filter(None, (a.event or b.event, a.head or 'people')))}, values that "
        "cannot both hold",
    )


def scope_guard(a: Item, b: Item) -> Verdict | None:
    """What keeps two differing figures of one measure from being a conflict, whatever found
    them: a rate against a total, a forecast against a count, figures too far apart to be
    one disputed number, one source's running count in articles of different days."""
    fa, fb = a.figure, b.bare
    if (a.claim.as_of or b.claim.as_of) and a.claim.as_of != b.claim.as_of:
        return Verdict(
            "different_scope",
            f"{fa} ({_cutoff(a)}) vs {fb} ({_cutoff(b)}): counts to different times of day",
        )
    if a.family == "count" and not (a.event and b.event):
        if a.claim.doc_id == b.claim.doc_id and _voice(a) == _voice(b):
            return Verdict(
                "different_scope",
                f"{fa} and {fb}: one article's counts of one thing in one voice, not said of "
                "one event (a whole and its part, two cut-offs)",
            )
        if _spread(a, b) > LOOSE_SPREAD and not (a.actors and a.actors == b.actors):
            # nothing but the thing counted joins them: no event, no shared actor
            return _too_far_apart(a, b)
    ya, yb = _year_said(a), _year_said(b)
    if ya and yb and ya != yb:
        return Verdict(
            "different_scope",
            f"{fa} (said in {ya}) vs {fb} (said in {yb}): undated figures of articles of "
            "different years hold at different times",
        )
    if a.family != "count" and _basis(a) != _basis(b):
        return Verdict(
            "different_scope",
            f"{fa} vs {fb}: changes over a {_basis(a)} and over a {_basis(b)}",
        )
    if _rate(a) != _rate(b):
        return Verdict("different_scope", f"{fa} vs {fb}: a rate and a total")
    if (a.claim.hedge == "speculative") != (b.claim.hedge == "speculative"):
        return Verdict("different_scope", f"{fa} vs {fb}: a forecast and a count")
    low, high = sorted((abs(a.value), abs(b.value)))
    if a.family != "ratio" and (low == 0 or high / low > MAX_SPREAD):
        return Verdict(
            "different_scope",
            f"{fa} vs {fb}: orders of magnitude apart, most likely different things counted",
        )
    later = _later_larger(a, b)
    if later is not None:
        earlier = b if later is a else a
        return Verdict(
            "different_scope",
            f"{earlier.bare} ({earlier.published[:10]}) then {later.bare} "
            f"({later.published[:10]}): no date in either text, and the later article's count "
            "is higher, as a running tally's is at a later cut-off",
        )
    if (
        a.family == "count"
        and _same_source(a, b)
        and not (a.claim.revision or b.claim.revision)
        and a.claim.doc_id != b.claim.doc_id
        and (a.published or "?")[:10] != (b.published or "!")[:10]
    ):
        # articles of different days, or of days unknown: nothing says the two cut-offs
        # are one, and only a revision verb says the later figure replaces the earlier
        return Verdict(
            "different_scope",
            f"{fa} ({(a.published or 'undated')[:10]}) vs {fb} "
            f"({(b.published or 'undated')[:10]}): one source's running count at different "
            "cut-offs",
        )
    return None


def _cutoff(item: Item) -> str:
    return f"by {item.claim.as_of}" if item.claim.as_of else "no time of day"


def _too_far_apart(a: Item, b: Item) -> Verdict:
    return Verdict(
        "needs_review",
        f"{a.figure} vs {b.bare}: counts of one thing, not both said of one event, and too far "
        "apart to be read as one disputed count",
    )


def _spread(a: Item, b: Item) -> float:
    low, high = sorted((abs(a.value), abs(b.value)))
    return high / low if low else math.inf


def _later_larger(a: Item, b: Item) -> Item | None:
    """The later of two undated counts from articles of different days when it is also the
    higher: tallies (arrivals, deaths, cases) only grow, and a figure with no cut-off of its
    own is read at its article's date, so the later article may simply count more. A later,
    lower count of the same thing is not explained so and stays a conflict."""
    if a.family != "count" or not (a.published and b.published):
        return None
    if a.published[:10] == b.published[:10] or a.scope is not None or b.scope is not None:
        return None
    later, earlier = (a, b) if a.published > b.published else (b, a)
    return later if later.lo > earlier.hi else None


def _set_against(a: Item, b: Item) -> bool:
    """Whether the two counts are evidently of one set: both name the same actors, or, for
    a toll, whose people they are (who caused it is told differently: "killed by Syrian
    fire", "killed in an air strike"), or two different sources, one of them named, give
    them."""
    if a.actors and a.actors == b.actors:
        return True
    casualty = a.event in lexicons.words("predicates", "casualty_classes")
    if casualty and a.event == b.event and a.roles[0] and a.roles[0] == b.roles[0]:
        return True
    va, vb = _voice(a), _voice(b)
    return (a.claim.source_named or b.claim.source_named) and va != vb


def _rate(item: Item) -> bool:
    """ "9,000 deaths a day", "daily cases of 5,500": a count per stretch of time."""
    return _rate_in(item.claim.text, item.claim.value_text)


# read once per claim, not once per pair it is in (the same for _voice_of)
@lru_cache(maxsize=1 << 16)
def _rate_in(sentence: str, value_text: str) -> bool:
    text = sentence.lower()
    at = text.find(value_text.lower())
    after = text[at + len(value_text) :].split()[:5] if at >= 0 else []
    before = text[:at].split()[-3:] if at >= 0 else []
    if any(w.strip(",.;") in _RATE_WORDS for w in before + after):
        return True
    return any(
        w in ("a", "per", "each", "every") and nxt.strip(",.;") in _RATE_UNITS
        for w, nxt in itertools.pairwise(after)
    )


def _basis(item: Item) -> str:
    """The stretch of time a rate is measured over, said in its clause ("monthly", "from a
    year earlier": data/periods.yaml rate_bases), else a year."""
    return _basis_in(item.claim.text, lexicons.current_dirs())


@lru_cache(maxsize=1 << 16)
def _basis_in(text: str, dirs_key: tuple) -> str:
    lowered = text.lower()
    for basis, pattern in _basis_patterns(dirs_key):
        if pattern.search(lowered):
            return basis
    return "year"


@cache
def _basis_patterns(dirs_key: tuple) -> tuple[tuple[str, re.Pattern], ...]:
    bases = lexicons.load("periods").get("rate_bases") or {}
    return tuple(
        (
            str(basis),
            re.compile(
                r"(?<![\w-])(?:" + "|".join(re.escape(str(c)) for c in cues) + r")(?![\w-])"
            ),
        )
        for basis, cues in bases.items()
    )


def _year_said(item: Item) -> str | None:
    """The year an undated figure is of: its article's, when the period was inferred."""
    period = item.claim.period
    return period.start[:4] if period is not None and item.claim.period_inferred else None


def _same_source(a: Item, b: Item) -> bool:
    """One named source however each text words it: "Soylu" and "Interior Minister Suleyman
    Soylu" (one name holds the other, or both end in the same capitalised name)."""
    x, y = (a.claim.source or "").split(), (b.claim.source or "").split()
    if not (x and y and a.claim.source_named and b.claim.source_named):
        return False
    vx, vy = _voice(a), _voice(b)
    return vx in vy or vy in vx or (x[-1][:1].isupper() and vx.split()[-1] == vy.split()[-1])


def _voice(item: Item) -> str:
    """The source's name folded for comparison: case, spacing and accents ("Süleyman" is
    "Suleyman" in another outlet's transliteration)."""
    return _voice_of(item.claim.source or "")


@lru_cache(maxsize=1 << 14)
def _voice_of(source: str) -> str:
    folded = unicodedata.normalize("NFKD", source)
    return " ".join("".join(c for c in folded if not unicodedata.combining(c)).lower().split())


def _norm(place: str) -> str:
    return " ".join(place.lower().removeprefix("the ").split())
