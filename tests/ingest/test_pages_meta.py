"""Outlets and dates of the real saved pages in ../shared against the hand-checked list
(pages_meta.yaml). Floors only go up; the held-out stories have their own, lower floor so
that tuning on them would show."""

from __future__ import annotations

import pytest

from .score_pages import DEFAULT_SHARED, score

pytestmark = pytest.mark.skipif(
    not (DEFAULT_SHARED / "data" / "pages").is_dir(), reason="needs ../shared/data/pages"
)

# group -> (outlet accuracy, date accuracy) floors, as measured when the list was written
FLOORS = {"heldout": (0.89, 1.0), "pages": (1.0, 1.0), "seeds": (1.0, 1.0), "ptc": (0.875, 1.0)}


@pytest.fixture(scope="module")
def scores():
    return {s.group: s for s in score(DEFAULT_SHARED)}


@pytest.mark.parametrize("group", sorted(FLOORS))
def test_pages_meta_outlet_and_date_floors(scores, group):
    s = scores[group]
    outlet_floor, date_floor = FLOORS[group]
    assert s.outlet_accuracy >= outlet_floor, s.misses
    assert s.date_accuracy >= date_floor, s.misses


def test_pages_meta_no_wrong_date_anywhere(scores):
    # no date is better than a wrong one
    assert sum(s.date_wrong for s in scores.values()) == 0, [s.misses for s in scores.values()]


def test_pages_meta_wires_of_syndicated_copies(scores):
    s = scores["pages"]
    assert s.wire_ok == s.wires, s.misses
