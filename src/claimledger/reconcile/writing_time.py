"""When an undated article was written: the time its figures are of when the text gives none.

A figure a text states without a time is of the article's own time (gold CONVENTIONS:
"the article's own time frame (its publication year) where the text plainly speaks of the
present"); extract/periods.py dates it with the article's year and marks the period
inferred. A saved page often has no date of its own, yet the story it belongs to does:
several outlets covered one event within days. Such an article was written when its story
was, when the story is that kind of coverage: its dated articles all appeared within
`COVERAGE_DAYS` of each other. It takes the year they share; where their days straddle a
new year, the year of its own latest dated event (`not_before`, the day of the last thing it
reports) when that is one of theirs. A story told over months (a deal followed through the
year) says nothing about when one undated article of it was written: its figures stay undated.

Like the story's lead actor (actors.py), this is a reading of the story, not of the text:
the store keeps the claim undated with its mark, and the year is given where a corpus is
read out, so a later run that regroups the stories dates it anew.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from ..models import Analysis, Period, Story

# coverage of one event by several outlets: the dated articles of a story all appeared
# within this many days of each other
COVERAGE_DAYS = 31


def date_undated(analyses: Sequence[Analysis], stories: Sequence[Story]) -> tuple[Analysis, ...]:
    """Analyses whose undated articles' time-of-writing figures carry their story's year."""
    story_of = {doc_id: s.id for s in stories for doc_id in s.doc_ids}
    days: dict[str | None, list[date]] = defaultdict(list)
    for a in analyses:
        day = _day(a.meta.published)
        if day is not None:
            days[story_of.get(a.document.id)].append(day)
    out = []
    for a in analyses:
        if a.meta.published or not any(c.period_inferred for c in a.claims):
            out.append(a)
            continue
        year = writing_year(days.get(story_of.get(a.document.id), []), a.meta.not_before)
        period = Period(start=year, end=year) if year else None
        claims = tuple(replace(c, period=period) if c.period_inferred else c for c in a.claims)
        out.append(replace(a, claims=claims))
    return tuple(out)


def writing_year(story_days: Sequence[date], not_before: str | None) -> str | None:
    """The year an undated article of a story whose dated articles appeared on `story_days`
    was written (see the module docstring)."""
    if not story_days or (max(story_days) - min(story_days)).days > COVERAGE_DAYS:
        return None
    years = {str(d.year) for d in story_days}
    if len(years) == 1:
        return years.pop()
    own = (not_before or "")[:4]
    return own if own in years else None


def _day(published: str | None) -> date | None:
    """The day an article appeared ("2023-09" reads as the month's first)."""
    parts = (published or "").split("-")
    try:
        return date(
            int(parts[0]),
            int(parts[1]) if len(parts) > 1 else 1,
            int(parts[2]) if len(parts) > 2 else 1,
        )
    except (ValueError, IndexError):
        return None
