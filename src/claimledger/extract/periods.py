"""Periods the text implies rather than states, filled in after claims.py has dated each
figure by the period expressions of its own clause (found by period_cues.py, re-exported
here for the modules that read them from this one).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ..models import Period
from . import cues as lexicons
from .period_cues import (
    MONTH_PATTERN,
    MONTHS,
    PeriodCue,
    after_event_pattern,
    find_cues,
    onset_pattern,
)
from .sentences import doc_text, sentences

__all__ = ["MONTHS", "MONTH_PATTERN", "PeriodCue", "find_cues", "infer_periods"]

# `claims.py` dates a figure by the period expressions of its own clause. A careful reader
# dates more: a total "under the deal" covers the deal's life when the text says when it
# began; a part of a dated whole ("Of the total, $14bn ...", "the first tranche, worth $1bn")
# takes the whole's period; a count "since the start of the war" runs from the date the text
# gives for the war's start; a figure beside a dated one in the same sentence, or after one
# in the same paragraph, shares its period; a figure reported "on Wednesday" or "this week"
# is of the document's time. Figures about ongoing states with nothing around them stay
# undated, and so do rates ("€3bn a year"), comparisons ("ten times as many") and durations
# ("six months of delay"), which no context dates.


def infer_periods(sdoc, claims: list, ref_year: str | None, doc_date: str | None) -> list:
    """`claims` with the periods their context implies filled in where they had none, and
    without those a duration took from another clause ("In October it asked ..., and spent
    six months ...": the six months are not of October)."""
    if not claims:
        return claims
    sents = sentences(sdoc)
    starts = [s.start_char for s in sents]
    breaks = [m.start() for m in re.finditer(r"\n[ \t\u00a0]*\n", doc_text(sdoc))]

    def sentence_of(char: int) -> int:
        return max(bisect.bisect_right(starts, char) - 1, 0)

    def paragraph_of(char: int) -> int:
        return bisect.bisect_right(breaks, char)

    timeless = lexicons.words("periods", "duration_units")
    out = [
        _undate_duration(sdoc, c, sents[sentence_of(c.start)], ref_year, doc_date) for c in claims
    ]
    # figures no context dates: stretches of time ("a war of 44 days"), comparisons ("ten
    # times as many"), rates ("€3bn a year"), and counts since an event the text never dates
    fixed: set[int] = set()
    ratios = lexicons.words("periods", "ratio_units")
    for k, claim in enumerate(out):
        onset = onset_pattern().search(claim.text) or after_event_pattern().search(claim.text)
        if claim.period is not None and (onset is None or _stated(claim, ref_year, doc_date)):
            continue  # "since the start of the war" outweighs "this year" of another clause
        if (
            claim.unit in timeless or claim.unit in ratios or _per_time(sdoc, claim)
        ) and onset is None:
            fixed.add(k)
            continue
        if onset is not None:
            fixed.add(k)
            out[k] = claim = replace(claim, period=None)
            began = _onset(sents, onset, ref_year, doc_date)
            if began is not None and onset.re is after_event_pattern():
                began = Period(start=began.start, end=began.start)  # "shortly after the war began"
            if began is not None:
                out[k] = replace(claim, period=began)
    if all(c.period is not None or k in fixed for k, c in enumerate(out)):
        return out
    arrangements = lexicons.words("periods", "arrangements")
    lifetime = _lifetime(sents, arrangements, ref_year, doc_date)
    named = set()
    if lifetime is not None:
        named = {paragraph_of(s.start_char) for s in sents if _names_arrangement(s, arrangements)}
    # 1. the arrangement a total is counted within; a sentence anchored in the document's time
    # a document's length takes no period from the sentence about its content (step 3 only)
    extents = {k for k, c in enumerate(out) if document_extent(c.counted, c.unit)}
    for k, claim in enumerate(out):
        if claim.period is not None or k in fixed or k in extents:
            continue
        sent = sents[sentence_of(claim.start)]
        fig = _figure_token(sdoc, claim)
        period = None
        if (
            lifetime is not None
            and fig is not None
            and (
                _within_arrangement(sent, arrangements)
                or _part_of_whole(fig, arrangements)
                or (_cumulative(fig) and paragraph_of(sent.start_char) in named)
            )
        ):
            period = lifetime
        if period is None and doc_date and fig is not None and not _in_relative_clause(fig):
            period = _anchored(sent, ref_year, doc_date)
        n = sentence_of(claim.start)
        if (
            period is None
            and n > 0
            and paragraph_of(sents[n - 1].start_char) == paragraph_of(sent.start_char)
        ):
            period = _referred(sent, sents[n - 1], ref_year, doc_date)
        if period is not None:
            out[k] = replace(claim, period=period)
    # 2. a figure beside a dated one shares its period: one in the same sentence, else one in
    # the sentence right before in the same paragraph, for what happened, not a state ("Some
    # 32.9 million tonnes left over twelve months. Egypt received 1.5 million tonnes of it.")
    dated = [(c.start, c.period) for c in out if c.period is not None]
    for k, claim in enumerate(out):
        if claim.period is not None or k in fixed or k in extents:
            continue
        n, p = sentence_of(claim.start), paragraph_of(claim.start)
        same = [per for start, per in dated if sentence_of(start) == n]
        # across a paragraph break only when the figure points back ("half of the total")
        back = p if _TOTAL.search(claim.text) is None else paragraph_of(claim.start) - 1
        before = [
            per
            for start, per in dated
            if start < claim.start and sentence_of(start) == n - 1 and paragraph_of(start) >= back
        ]
        if same:
            out[k] = replace(claim, period=same[0])
        elif before:
            fig = _figure_token(sdoc, claim)
            if fig is not None and (_cumulative(fig) or _continues(fig)):
                out[k] = replace(claim, period=before[-1])
    # 3. a figure nothing dates is of the article's own time: news states a figure without a
    # date when it holds at the time of writing (gold CONVENTIONS). Marked inferred, so
    # matching reads it as undated (compare.py); an article of unknown date leaves it
    # undated with its mark, for its story's time to date (reconcile/writing_time.py)
    year = (doc_date or "")[:4]
    now = Period(start=year, end=year) if year else None
    for k, claim in enumerate(out):
        if (
            claim.period is None
            and k not in fixed
            and claim.unit not in lexicons.words("periods", "timeless_units")
            and not _before_then(sdoc, claim)
        ):
            out[k] = replace(claim, period=now, period_inferred=True)
    return out


def document_extent(counted: str | None, unit: str) -> bool:
    """ "the 48-page indictment ... between 2009 and 2016": a document's length holds when it
    is written; the years in its sentence are those of what it tells (periods.yaml
    extent_nouns). Such a count is of its article's time."""
    if unit != "count" or not counted:
        return False
    word = counted.split()[-1].lower()
    extents = lexicons.words("periods", "extent_nouns")
    return word in extents or word.rstrip("s") in extents


def _before_then(sdoc, claim) -> bool:
    """Whether the figure's clause is set before the time of writing: a past perfect ("had
    bought"), or a clause reported under a saying the text itself dates ("claimed in 2016
    that ...")."""
    fig = _figure_token(sdoc, claim)
    if fig is None:
        return False
    verb = fig
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    saying = verb.head if verb.dep_ == "ccomp" else None
    # a past perfect reported under a past saying is the saying's own past, shifted back
    # ("the agency confirmed that 48 had been hurt"), not a time before it
    shifted = (
        saying is not None
        and saying.tag_ == "VBD"
        and saying.lemma_.lower() in lexicons.words("reporting_verbs", "verbs")
    )
    if (
        verb.tag_ in ("VBN", "VBD")
        and not shifted
        and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)
    ):
        return True
    return saying is not None and any(
        t.ent_type_ == "DATE" for c in saying.children if c.dep_ == "prep" for t in c.subtree
    )


def _lifetime(sents, arrangements, ref_year, doc_date) -> Period | None:
    """The life of the arrangement the text counts within. Stated ("the facility runs from
    2024 to 2027"), else from the first date the text gives for its start ("the deal was
    signed on 22 July 2022", "the aid approved this week") to the document's year, else the
    document's year for one the text calls new ("the new package")."""
    starts = lexicons.words("periods", "start_verbs")
    lives = lexicons.words("periods", "life_verbs")
    new_words = lexicons.words("periods", "current_words")
    begun: Period | None = None
    current = False
    for sent in sents:
        for tok in sent:
            if tok.lemma_.lower() not in arrangements and tok.lower_ not in arrangements:
                continue
            verbs = [c for c in tok.children if c.dep_ in ("acl", "relcl")]
            if tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
                verbs.append(tok.head)
            if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in lives:
                for cue in find_cues(sent.text, sent.start_char, ref_year, doc_date):
                    if cue.kind == "range" and cue.period is not None:
                        return Period(start=cue.period.start[:4], end=cue.period.end[:4])
            current = current or any(
                c.dep_ == "amod" and c.lower_ in new_words for c in tok.children
            )
            if begun is not None or not any(v.lemma_.lower() in starts for v in verbs):
                continue
            for cue in find_cues(sent.text, sent.start_char, ref_year, doc_date):
                if cue.period is None or cue.kind not in ("single", "since"):
                    continue
                # years only: the life is inferred, and "July 2022" to "2023" would read
                # as another span than the "2022-2023" another outlet states
                begin = cue.period.start[:4]
                end = ref_year or cue.period.end[:4]
                if begin <= end:
                    begun = Period(start=begin, end=end)
                    break
    if begun is None and current and doc_date:
        begun = Period(start=doc_date[:4], end=doc_date[:4])
    return begun


def _part_of_whole(fig, arrangements) -> bool:
    """Whether a figure is the arrangement or a part of it: "the $61bn package", "the
    first tranche, worth $1bn", "Of the total, $14bn ...", "64% of the money", "the bill
    hands $26bn to ...", "112 members voted against the Ukraine portion"."""
    parts = lexicons.words("periods", "part_nouns")
    wholes = lexicons.words("periods", "whole_nouns") | arrangements | parts

    def names(tok, within) -> bool:
        return tok.lemma_.lower() in within or tok.lower_ in within

    def of_whole(tok) -> bool:
        return any(
            c.dep_ == "prep"
            and c.lower_ in ("of", "from")
            and any(g.dep_ == "pobj" and names(g, wholes) for g in c.children)
            for c in tok.children
        )

    tok = fig
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            break
        if names(tok, arrangements | parts) or of_whole(tok):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if of_whole(tok):
        return True
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass") and names(c, arrangements) and c.i != fig.i:
            return True  # "the bill also hands $26bn to Israel"
        if c.dep_ == "prep" and any(
            g.dep_ == "pobj" and names(g, arrangements | parts) for g in c.children
        ):
            return True  # "voted against the Ukraine portion"
    return False


def _continues(fig) -> bool:
    """ "Another $9.5bn ...": a figure that continues the list of parts before it."""
    noun = fig if fig.pos_ in ("NOUN", "PROPN", "NUM", "SYM") else fig.head
    words = lexicons.words("periods", "continuation_words")
    return any(
        t.lower_ in words for t in (*noun.children, *fig.children) if t.dep_ in ("det", "amod")
    )


_RATE = re.compile(
    r"\s*(?:a|an|per|each|every)\s+(?:year|month|week|day|annum|quarter)\b|\s*(?:annually|"
    r"yearly|monthly|weekly|daily)\b",
    re.I,
)


def _per_time(sdoc, claim) -> bool:
    """ "€3bn a year", "250,000 shells a month": a rate holds over time, no date is its."""
    at = claim.text.find(claim.value_text)
    end = claim.start + max(at, 0) + len(claim.value_text)
    after = doc_text(sdoc)[end : end + 60]
    # the unit's noun may come between: "250,000 artillery shells a month"
    m = re.match(r"(?:\s+[A-Za-z-]+){0,3}?" + _RATE.pattern, after, re.I)
    return m is not None


def _onset(sents, onset: re.Match[str], ref_year, doc_date) -> Period | None:
    """When the event a "since the start of the war" counts from began, where the text
    says so ("since it invaded Ukraine in February 2022"), to the document's year."""
    noun = re.search(r"(\w+)(?:\s+(?:began|started|broke\s+out))?$", onset.group(0)).group(1)
    forms = set(lexicons.load("periods").get("onsets", {}).get(noun.lower()) or [noun.lower()])
    for sent in sents:
        words = [t for t in sent if t.lemma_.lower() in forms or t.lower_ in forms]
        if not words:
            continue
        for cue in find_cues(sent.text, sent.start_char, ref_year, doc_date):
            if cue.period is None or cue.kind not in ("single", "since"):
                continue
            span = sent.doc.char_span(cue.start, cue.end, alignment_mode="expand")
            if span is None or span.root.i in {t.i for t in words}:
                continue
            # the date hangs from the event's word or from the verb it is the subject of
            # ("the blockade began in March 2021"), not from another clause
            up = {span.root.head.i, span.root.head.head.i}
            if any(t.i in up or (t.head.pos_ == "VERB" and t.head.i in up) for t in words):
                begin, end = cue.period.start[:4], ref_year or cue.period.end[:4]
                if begin <= end:
                    return Period(start=begin, end=end)
    return None


def _stated(claim, ref_year, doc_date) -> bool:
    """Whether a period expression within the claim's own words gives its period."""
    return any(
        c.period == claim.period for c in find_cues(claim.text, claim.start, ref_year, doc_date)
    )


def _undate_duration(sdoc, claim, sent, ref_year, doc_date):
    """A duration keeps a period only from its own clause: "the 44-day war of 2020" is of
    2020; in "In October it asked ..., and spent six months ..." October dates the asking."""
    if claim.period is None or claim.unit not in lexicons.words("periods", "duration_units"):
        return claim
    fig = _figure_token(sdoc, claim)
    if fig is None:
        return claim
    own = fig
    while own.pos_ not in ("VERB", "AUX") and own.head.i != own.i:
        own = own.head
    if own.pos_ not in ("VERB", "AUX"):
        return claim
    inside = {t.i for t in own.subtree}
    sources = []
    for cue in find_cues(sent.text, sent.start_char, ref_year, doc_date):
        if cue.period != claim.period:
            continue
        span = sdoc.char_span(cue.start, cue.end, alignment_mode="expand")
        if span is not None:
            sources.append(span.root.i in inside)
    if sources and not any(sources):
        return replace(claim, period=None)
    return claim


def _figure_token(sdoc, claim):
    at = claim.text.find(claim.value_text)
    start = claim.start + max(at, 0)
    span = sdoc.char_span(start, start + len(claim.value_text), alignment_mode="expand")
    return span.root if span is not None else None


def _within_arrangement(sent, arrangements) -> bool:
    """ "... left Ukrainian ports under the deal", "Thanks to the corridor, ..."."""
    within = lexicons.words("periods", "within_words")
    for tok in sent:
        if tok.lemma_.lower() in arrangements and tok.dep_ == "pobj":
            prep = tok.head
            if prep.lower_ in within or (prep.lower_ == "to" and prep.head.lower_ in within):
                return True
    return False


def _cumulative(fig) -> bool:
    """Whether a figure's clause is past or perfect ("went", "had been exported", "took"):
    what happened over a span, not an ongoing state ("holds 40%")."""
    verb = fig
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ in ("VBG", "VBN") and verb.dep_ in ("advcl", "acl") and verb.head.i != verb.i:
        verb = verb.head  # "China was the largest buyer, receiving 8 million tonnes"
        if verb.pos_ not in ("VERB", "AUX"):
            return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in aux)


def _names_arrangement(sent, arrangements) -> bool:
    """Whether a sentence speaks of the arrangement by a definite name ("the deal", "the
    agreement"), not just of an arrangement ("signed an agreement")."""
    return any(
        tok.lemma_.lower() in arrangements
        and tok.pos_ == "NOUN"
        and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in tok.children)
        for tok in sent
    )


def _anchored(sent, ref_year, doc_date) -> Period | None:
    """The year of a sentence anchored in the document's time ("said on Wednesday", "this
    week", "told a news conference on August 6"): its figures are of that year."""
    years = {
        (c.period.start[:4], c.period.end[:4])
        for c in find_cues(sent.text, sent.start_char, ref_year, doc_date)
        if c.relative and c.period is not None
    }
    if len(years) != 1:
        return None
    start, end = years.pop()
    return Period(start=start, end=end)


_TOTAL = re.compile(
    r"\b(?:of|from)\s+(?:the\s+(?:total|sum|whole|overall)|it|them|that|this)\b", re.I
)


def _in_relative_clause(fig) -> bool:
    """ "the record of more than $13 reached shortly after the invasion": a figure inside a
    clause that qualifies a noun keeps its own time, not the sentence's."""
    tok = fig
    for _ in range(32):
        if tok.dep_ in ("relcl", "acl"):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


_BACK = re.compile(
    r"\b(?:by\s+the\s+end\s+of|later\s+(?:in|that)|in|during|within|by)\s+(?:the\s+same|that|the)"
    r"\s+(month|year)\b|\bthe\s+(?:following|next)\s+(?:day|week|month)\b|\bthat\s+(month|year)\b",
    re.I,
)


def _referred(sent, previous, ref_year, doc_date) -> Period | None:
    """ "Azerbaijan launched an operation on 19 September 2023. ... by the end of the month
    100,000 people had left": "the month" is the one the sentence before names."""
    m = _BACK.search(sent.text)
    if m is None:
        return None
    named = [
        c.period
        for c in find_cues(previous.text, previous.start_char, ref_year, doc_date)
        if c.period is not None and c.kind == "single"
    ]
    if not named:
        return None
    when = named[-1].start
    unit = (m.group(1) or m.group(2) or "").lower()
    when = when[:4] if unit == "year" else when
    return Period(start=when, end=when)
