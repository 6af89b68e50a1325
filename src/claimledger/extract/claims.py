"""Quantitative claims: each figure with its clause, actors, measure, period, source and hedge.

figures (quantities.py) ─┬─ clause span: the sentence cut between its figures
                         ├─ subject/object (roles.py)
                         ├─ measure: the nouns the figure quantifies, lemmatised
                         ├─ period (periods.py), chosen on the parse
                         └─ source and hedge from the citation cues (attribution.py)
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from ..models import Claim, Period, content_id
from . import attribution, counts
from . import cues as lexicons
from .attribution import Cue
from .frame import Frame, event_class, read_frame, through_rate
from .kinds import VAGUE, find_quantities
from .periods import PeriodCue, document_extent, find_cues
from .quantities import Figure
from .quotes import quoted_spans
from .roles import Actors, find_roles, named_agent, owner_state, result_holder, state_leader
from .sentences import doc_text, sentences

_CUT_WORDS = {"and", "but", "while", "whereas", "including", "bringing", "with", "out", ";"}
_CLAUSE_DEPS = {"ccomp", "xcomp", "parataxis"}


def find_claims(
    sdoc,
    doc_id: str,
    cues: list[Cue],
    actors: Actors,
    ref_year: str | None,
    chrome: tuple[tuple[int, int], ...] = (),
    doc_date: str | None = None,
) -> list[Claim]:
    """Every quantitative claim in the text, in text order.

    `ref_year` ends open periods ("since 2016"); `doc_date`, the document's own date when
    known, places relative ones ("last year", "in November")."""
    # vague amounts ("tens of thousands of dollars", "millions of people") are figures a
    # reader can dispute; the quantity layer's other kinds (ages, times that place an event,
    # a "one" that is a determiner) are not claims
    figures = [f for f in find_quantities(sdoc, chrome) if f.kind in (None, VAGUE)]
    if not figures:
        return []
    sents = sentences(sdoc)
    by_sent: dict[int, list[Figure]] = {}
    sent_of = {}
    for n, sent in enumerate(sents):
        for tok in sent:
            sent_of[tok.i] = n
    on_line: dict[int, bool] = {}  # per sentence, not per figure: linear in a long line
    for fig in figures:
        n = sent_of.get(fig.first)
        if n is not None and n not in on_line:
            on_line[n] = _on_a_text_line(sents[n])
        if n is not None and on_line[n]:
            by_sent.setdefault(n, []).append(fig)
    claims: list[Claim] = []
    last_period: Period | None = None
    last_seen = -10
    # the measure and unit of the last figure that named the thing it quantifies
    recent: tuple[str, str, str | None] | None = None
    last_figure_sent = -10
    for n, sent in enumerate(sents):
        if n - last_seen > 2:
            last_period = None  # "during that period" points back a sentence or two at most
        period_cues = find_cues(sent.text, sent.start_char, ref_year, doc_date)
        figs = by_sent.get(n, [])
        segments = _segments(sdoc, sent, figs)
        previous_measure = None
        if n - last_figure_sent > 1:
            recent = None  # a measure carries to the next sentence, no further
        if figs:
            last_figure_sent = n
        for fig, (seg_start, seg_end) in zip(figs, segments, strict=True):
            chain = _chain(sdoc, fig, stop_at_reporting=True)
            measured = _measured(sdoc, fig, chain)
            period = (
                None
                if document_extent(fig.counted, fig.unit)
                else _choose_period(
                    sdoc, fig, chain, period_cues, last_period, seg_start, seg_end, ref_year
                )
            )
            context = _context(sdoc, sents, n, fig)
            previous = sents[n - 1] if n else None
            same = claims[-1] if claims and claims[-1].start >= sent.start_char else None
            carried = (same.subject, same.object) if same is not None else None
            subject, obj = find_roles(fig, chain, measured, actors, context, previous, carried)
            cue = _governing_cue(sdoc, fig, cues, n)
            doer = result_holder(sdoc, fig, actors) or named_agent(chain, measured, actors)
            if doer is not None and not (cue is not None and _same_name(doer, cue.source)):
                # the parse names a person or body as the doer: it is the figure's subject
                # (a state found for it was a guess or the place it acts in); a head of
                # state acting towards another state acts for the state
                subject, obj = (
                    state_leader(doer, obj, actors) or doer,
                    (None if obj == doer else obj),
                )
            if (
                claims
                and claims[-1].start >= sent.start_char
                and (measured is None or (subject is None and obj is None))
                and (measured is None or claims[-1].unit == fig.unit)
            ):
                # "trade doubled and ... it grew six folds", "7 million tonnes left, of which
                # 5 million tonnes were grain": same actors as the figure before
                subject = subject or claims[-1].subject
                obj = obj or claims[-1].object
            hedge = _hedge(sdoc, fig, chain, cue)
            level = _level_of(fig, chain)
            measure = _measure(fig, measured, chain, level)
            # "output rose by 12%" names its thing through the verb's subject
            weak = (
                _names_no_thing(fig, measured)
                and not (measure or "").startswith("change ")
                and level is None
            )
            if weak and recent is not None and recent[1] == fig.unit:
                # "High-income countries took 44% of the cargoes ... Low-income countries
                # accounted for 3%": a figure that names no thing is of the one just before
                measure = recent[0]
            # a pronoun's antecedent names the thing; its own clause says what befell it
            said = (
                sdoc[fig.anchor] if sdoc[fig.anchor].lower_ in counts.PLURAL_PRONOUNS else measured
            )
            frame = read_frame(fig, chain, said)
            subject, obj = _whose_people(subject, obj, frame.predicate, measured, actors)
            measure = _with_predicate(sdoc, fig, measure, frame)
            if measure is None and recent is not None and recent[1] == fig.unit:
                # "..., and another count put the number at 2 million"
                measure = recent[0]
                frame = replace(frame, predicate=frame.predicate or recent[2])
            measure = measure or previous_measure or fig.unit
            previous_measure = measure
            if not weak:
                recent = (measure, fig.unit, frame.predicate)
            source = cue.source if cue is not None and cue.named else None
            text = doc_text(sdoc)[seg_start:seg_end]
            claims.append(
                Claim(
                    id=content_id("c", doc_id, fig.start, fig.end, fig.value, fig.unit),
                    doc_id=doc_id,
                    start=seg_start,
                    end=seg_end,
                    text=text,
                    value_text=fig.text,
                    value=round(fig.value, 10),
                    unit=fig.unit,
                    measure=measure,
                    subject=subject,
                    object=obj,
                    qualifier=fig.qualifier or _bound_by_verb(chain),
                    period=period,
                    source=source,
                    source_named=source is not None,
                    hedge=hedge,
                    counted=fig.counted,
                    value_high=(round(fig.value_high, 10) if fig.value_high is not None else None),
                    predicate=frame.predicate,
                    place=frame.place,
                    revision=frame.revision,
                    as_of=frame.as_of,
                    part_of=frame.part_of if fig.unit != "ratio" else None,
                )
            )
        explicit = [c.period for c in period_cues if c.period is not None and c.kind != "span"]
        if explicit:
            last_period, last_seen = explicit[-1], n
    return claims


def _same_name(a: str, b: str | None) -> bool:
    """ "Kiel Institute" is the source "The Kiel Institute for the World Economy"."""
    if not b:
        return False
    x, y = a.lower(), b.lower()
    return x in y or y in x


def _on_a_text_line(sent) -> bool:
    """Figures on a line of fewer than four words are page furniture (counters, weather)."""
    return sum(1 for t in sent if t.is_alpha) >= 4


def _segments(sdoc, sent, figs: list[Figure]) -> list[tuple[int, int]]:
    """One character span per figure: the sentence, cut between consecutive figures at the
    last conjunction or comma before the next one, so each clause keeps its own figure."""
    if not figs:
        return []
    bounds = [sent.start]
    for a, b in itertools.pairwise(figs):
        cut = None
        for i in range(b.first - 1, a.last, -1):
            t = sdoc[i]
            if t.lower_ in _CUT_WORDS or t.text in (",", ";"):
                cut = i
                if t.text in (",", ";") or t.dep_ in ("cc", "prep", "mark"):
                    break
        bounds.append(cut if cut is not None else b.first)
    bounds.append(sent.end)
    spans = []
    for k in range(len(figs)):
        first, end = bounds[k], bounds[k + 1]
        toks = [t for t in sdoc[first:end] if not t.is_space]
        while (
            toks
            and (toks[0].is_punct or toks[0].lower_ in _CUT_WORDS)
            and toks[0].i < figs[k].first
        ):
            toks.pop(0)
        while (
            toks and toks[-1].is_punct and toks[-1].i > figs[k].last and toks[-1].text not in ')”"'
        ):
            toks.pop()
        if not toks:
            toks = list(sdoc[figs[k].first : figs[k].last + 1])
        spans.append((toks[0].idx, toks[-1].idx + len(toks[-1].text)))
    return spans


def _chain(sdoc, fig: Figure, stop_at_reporting: bool) -> list:
    """The figure's anchor and its heads up to the clause root; with `stop_at_reporting`,
    the climb stops below a reporting verb whose clause the figure is reported in."""
    verbs = lexicons.words("reporting_verbs", "verbs")
    tok = sdoc[fig.anchor]
    chain = [tok]
    seen = {tok.i}
    while tok.head.i != tok.i:
        head = tok.head
        if head.i in seen:
            break
        if stop_at_reporting and tok.dep_ in _CLAUSE_DEPS and head.lemma_.lower() in verbs:
            break
        chain.append(head)
        seen.add(head.i)
        tok = head
    return chain


def _measured(sdoc, fig: Figure, chain):
    """The noun the figure quantifies or takes a share of: "of X" after it, "X worth",
    the noun a unit modifies ("700-kilometer border"), the counted noun."""
    anchor = sdoc[fig.anchor]
    if fig.unit == "count":
        if fig.kind == VAGUE:
            # "dozens of protesters": the noun after "of" is what the vague number counts
            thing = [p for c in anchor.children if c.lower_ == "of" for p in c.children]
            return next((p for p in thing if p.pos_ in ("NOUN", "PROPN")), anchor)
        if anchor.lower_ in counts.PLURAL_PRONOUNS:
            return counts.antecedent(anchor) or anchor  # "3.3 million of them"
        return anchor
    for tok in (anchor, anchor.head):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of" and c.i > fig.last:
                obj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if obj is not None and obj.lower_ in ("all", "total", "whole"):
                    # "69% of all of Azerbaijan's acquisitions"
                    obj = next(
                        (p for q in obj.children if q.lower_ == "of" for p in q.children),
                        obj,
                    )
                if obj is not None and obj.pos_ != "NUM" and obj.ent_type_ != "DATE":
                    return obj  # not "the 44-day war of 2020": a date says when, not what
        if tok.i != anchor.i and tok.lower_ != "worth":
            break
    if anchor.dep_ in ("compound", "amod", "nmod", "nummod") and anchor.head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        return anchor.head  # "700-kilometer border", "the 44-day Patriotic War"
    if fig.unit == "ratio":
        return None
    verb = next((t for t in chain[1:] if t.pos_ in ("VERB", "AUX")), None)
    if fig.unit == "factor":
        verb = anchor if anchor.pos_ == "VERB" else verb
    if verb is None:
        return None
    children = list(verb.children)
    if anchor.dep_ == "dobj" and fig.unit != "factor":
        # "allocated $25 million to set up a camp": what the money is for, not who pays
        for c in children:
            if c.dep_ in ("xcomp", "advcl"):
                obj = next((d for d in c.children if d.dep_ == "dobj" and d.pos_ == "NOUN"), None)
                if obj is not None:
                    return obj
        return None
    # "5 million tonnes were grain": the copula's attribute names the thing
    order = (
        ("dobj", "attr", "nsubj", "nsubjpass") if fig.unit != "factor" else ("nsubj", "nsubjpass")
    )
    for dep in order:
        for c in children:
            if c.dep_ == dep and c.pos_ == "NOUN" and c.i not in range(fig.first, fig.last + 1):
                return c
    return None


_MEASURE_DEPS = {"compound", "amod", "nmod"}
_STATER_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
_ACTOR_LABELS = {"GPE", "NORP", "LOC", "DATE", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"}


def _noun_words(tok, actors_free: bool = True) -> str:
    """Lemmas of a noun and its compound/adjective modifiers, lowercased, without states."""
    statistic = tok.lower_ in lexicons.words("claims_roles", "statistic_heads")
    if tok.pos_ == "PROPN" and tok.ent_type_ and not statistic:
        return tok.lemma_.lower()  # "the Patriotic War" is a war: the name is no measure
    # a titled common name the tagger knows as no entity ("the Consumer Price Index") is
    # read like its lowercase spelling
    words = []
    for c in tok.lefts:
        if (
            c.dep_ in _MEASURE_DEPS
            and (statistic or c.ent_type_ not in _ACTOR_LABELS)
            and c.is_alpha
        ):
            # "consumer price index": a compound's own compounds belong to the name
            words += [
                g.lemma_.lower()
                for g in c.lefts
                if g.dep_ == "compound" and g.ent_type_ not in _ACTOR_LABELS and g.is_alpha
            ]
            words.append(c.lemma_.lower())
    words.append(tok.lemma_.lower())
    return " ".join(words)


def _measure(fig: Figure, measured, chain, level=None) -> str | None:
    """A short lowercase phrase for what the figure measures; `level` is the noun whose level
    it states when it quantifies none (`_level_of`)."""
    verb = next((t for t in chain[1:] if t.pos_ == "VERB"), None)
    if fig.unit == "count":
        if measured is not None and measured.pos_ == "NUM":
            return "total"  # "the total rose to 103"
        return _noun_words(measured) if measured is not None else None
    if (
        fig.unit == "ratio"
        and verb is not None
        and verb.lemma_.lower() in lexicons.words("claims_roles", "change_verbs")
        and (level is None or chain[1].lower_ not in ("to", "from"))
    ):
        # "output rose by 12%": a change of the verb's subject, not a share; "rose to 12%"
        # gives its new level
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
        if subj is not None:
            return f"change of {_noun_words(subj)}"
    if measured is None or measured.pos_ not in ("NOUN", "PROPN"):
        if fig.unit == "factor" and verb is not None:
            return None
        if level is not None:
            return f"{_aspect(fig.unit)} of {_noun_words(level)}"
        return f"{_aspect(fig.unit)} of {verb.lemma_.lower()}" if verb is not None else None
    words = _noun_words(measured)
    of = next(
        (
            p
            for c in measured.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj" and p.pos_ == "NOUN"
        ),
        None,
    )
    if of is not None and measured.lemma_.lower() in lexicons.words("claims_roles", "flow_nouns"):
        words = f"{words} of {_noun_words(of)}"
    if fig.unit == "ratio":
        trade = lexicons.load("claims_roles").get("trade_verbs") or {}
        # the base says itself which flow it is: "of Israel's arms exports", "of all the
        # arms that Israel sold" (exports, whoever bought the share); only a bare base
        # ("40% of its oil") takes the flow of the verb that takes the share
        noun = _base_flow(measured, trade)
        if noun is None and not _is_flow(measured):
            noun = trade.get(verb.lemma_.lower()) if verb is not None else None
        if noun and noun not in words:
            words = f"{words} {noun}"
        return f"share of {words}"
    return f"{_aspect(fig.unit)} of {words}"


def _level_of(fig: Figure, chain):
    """The noun whose level a figure states when it quantifies no noun itself: the subject
    of "X hit / reached / stood at / rose from M% to N%", the object of "put / estimated /
    raised X at / to N%"; "X was N%". A person or body as subject ("the bank expects 5%") states it,
    not is it. "The rate of change in X" is a level of X."""
    verb = next((t for t in chain[1:] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or len(chain) < 2 or fig.unit == "factor":
        return None
    anchor, via = chain[0], chain[1]
    if via.dep_ == "prep" and via.lower_ in ("at", "to", "from") and via.head.i == verb.i:
        deps = ("dobj", "nsubjpass", "nsubj")
    elif anchor.head.i == verb.i and (
        anchor.dep_ == "attr" or (anchor.dep_ == "dobj" and verb.lemma_.lower() in _level_verbs())
    ):
        deps = ("nsubj", "nsubjpass")
    else:
        return None
    # "inflation is expected to hit 65%": the subject of the verb that raises the clause
    holders = (verb, verb.head) if verb.dep_ == "xcomp" else (verb,)
    for holder in holders:
        for dep in deps:
            for c in holder.children:
                if c.dep_ == dep and c.pos_ == "NOUN" and c.ent_type_ not in _STATER_LABELS:
                    return _named_before(through_rate(c))
    return None


def _named_before(noun):
    """ "the annual rate", "the figure": a bare noun the text named in full shortly before
    ("the inflation rate") stands for that fuller mention."""
    if any(c.dep_ in ("compound", "nmod") for c in noun.lefts):
        return noun
    lemma = noun.lemma_.lower()
    start = max(noun.sent.start - 400, 0)
    for tok in reversed(noun.doc[start : noun.i]):
        if tok.lemma_.lower() == lemma and any(c.dep_ in ("compound", "nmod") for c in tok.lefts):
            return tok
    return noun


def _level_verbs() -> set[str]:
    return lexicons.words("claims_roles", "level_verbs") | lexicons.words(
        "claims_roles", "change_verbs"
    )


def _with_predicate(sdoc, fig: Figure, measure: str | None, frame: Frame) -> str | None:
    """A count's measure names what happened to the thing counted when that is a known event
    class: "miner killed" and "miner rescued" are two facts. A predicate outside the classes
    ("operated", "landed") stays in the claim's frame but out of the measure: ordinary verbs
    vary with the writer, not with the fact. A bare figure said of a noun ("the toll rose to
    41") measures that noun."""
    if fig.unit != "count":
        return measure
    if frame.subject_noun is not None and measure in (None, "total"):
        noun = through_rate(sdoc[frame.subject_noun])
        # "put the number at 2 million": a bare "number" or "total" is of the figure before
        bare = noun.lemma_.lower() in lexicons.words("claims_roles", "rate_nouns")
        measure = None if bare else _noun_words(noun)
    known = frame.predicate and event_class(frame.predicate) == frame.predicate
    if known and measure and frame.predicate not in measure.split():
        return f"{measure} {frame.predicate}"
    return measure


def _bound_by_verb(chain) -> str | None:
    """ "the toll exceeded 3,800": the object of a verb of exceeding is a floor."""
    if len(chain) < 2 or chain[0].dep_ != "dobj" or chain[0].head.i != chain[1].i:
        return None
    exceeding = chain[1].lemma_.lower() in lexicons.words("claims_roles", "exceeding_verbs")
    return "more_than" if exceeding else None


def _whose_people(subject, obj, predicate: str | None, measured, actors: Actors):
    """Actors of a count of people an event befell. Said of one actor and no doer, it is
    about that actor's people ("140 people were killed in Peru": subject Peru). A toll of
    people a state owns is that state's, its cause the other party ("52 Peruvian soldiers
    were killed by Bolivian fire": Peru, then Bolivia)."""
    if predicate not in lexicons.words("predicates", "befall_classes"):
        return subject, obj
    casualty = predicate in lexicons.words("predicates", "casualty_classes")
    owner = owner_state(measured, actors) if casualty and measured is not None else None
    if owner is not None and owner != subject:
        other = subject if subject is not None else obj
        return owner, (other if other != owner else None)
    return (obj, None) if subject is None and obj is not None else (subject, obj)


def _names_no_thing(fig: Figure, measured) -> bool:
    """The figure quantifies no noun ("received 28%"), so its measure would be a verb's."""
    return fig.unit != "count" and (measured is None or measured.pos_ not in ("NOUN", "PROPN"))


def _is_flow(noun) -> bool:
    """ "exports", "arms purchases": the noun or a word compounded with it names a flow."""
    flows = lexicons.words("claims_roles", "flow_nouns")
    return noun.lemma_.lower() in flows or any(
        c.dep_ in _MEASURE_DEPS and c.lemma_.lower() in flows for c in noun.lefts
    )


def _base_flow(noun, trade: dict) -> str | None:
    """The flow a relative clause on the base names: "the arms that X sold" -> "export",
    "the oil imported by X" -> "import"."""
    for c in noun.children:
        if c.dep_ in ("relcl", "acl"):
            flow = trade.get(c.lemma_.lower())
            if flow:
                return str(flow)
    return None


def _aspect(unit: str) -> str:
    """What a unit measures: "value" for money, "share" for ratios, "length" for km..."""
    if unit in _ASPECTS:
        return _ASPECTS[unit]
    return "value" if unit.isupper() and len(unit) == 3 else "quantity"


_ASPECTS = {
    "ratio": "share",
    "factor": "growth",
    "days": "duration",
    "weeks": "duration",
    "months": "duration",
    "years": "duration",
    "hours": "duration",
    "km": "length",
    "miles": "length",
    "m": "length",
    "count": "number",
}


def _choose_period(
    sdoc,
    fig: Figure,
    chain,
    period_cues: list[PeriodCue],
    last_period: Period | None,
    seg_start: int,
    seg_end: int,
    ref_year: str | None = None,
) -> Period | None:
    """The period expression attached nearest the figure on the parse; "during that
    period" takes the period named before it."""
    level = {tok.i: k for k, tok in enumerate(chain)}
    # relative times ("this year") date only the figure's own clause, not the sentence's
    own_clause = next((k for k, t in enumerate(chain) if t.pos_ in ("VERB", "AUX")), 0)
    while own_clause + 1 < len(chain) and chain[own_clause].dep_ == "conj":
        own_clause += 1  # "have damaged 150 facilities since July and destroyed 300,000 t"
    subtree = {t.i for t in sdoc[fig.anchor].subtree}
    best, best_key = None, None
    for cue in period_cues:
        if fig.start <= cue.start < fig.end:
            continue  # the figure itself ("for 30 years")
        span = sdoc.char_span(cue.start, cue.end, alignment_mode="expand")
        if span is None:
            continue
        tokens = {t.i for t in span}
        attach = next((t.head.i for t in span if t.head.i not in tokens), span.root.i)
        # "in the 2022-2023 season": climb from the noun the date modifies to the clause
        climb = attach
        for _ in range(4):
            if climb in level or sdoc[climb].pos_ in ("VERB", "AUX"):
                break
            climb = sdoc[climb].head.i
        if attach not in level and climb in level and not tokens & subtree:
            attach = climb
        elif sdoc[climb].lemma_.lower() in lexicons.words("reporting_verbs", "verbs"):
            attach = climb  # "At a meeting in December 2016, X said ...": the saying's date
        if attach in level:
            key = level[attach]
        elif sdoc[attach].lemma_.lower() in lexicons.words("reporting_verbs", "verbs"):
            continue  # "X claimed in 2016 that ...": the date of the claim, not of the figure
        elif attach in subtree or tokens & subtree:
            key = 0
        elif seg_start <= cue.start and cue.end <= seg_end:
            key = 50
        else:
            continue
        if cue.relative and key > own_clause:
            continue
        kind_rank = {"range": 0, "since": 1, "single": 2, "span": 3, "carry": 4}[cue.kind]
        distance = min(abs(cue.start - fig.end), abs(fig.start - cue.end))
        # "from 185% in May to 190% in June": of two cues as near, the one after the figure
        rank = (key, kind_rank, distance, cue.start < fig.start)
        if best_key is None or rank < best_key:
            best, best_key = cue, rank
    if best is None:
        return None
    if best.kind == "span":
        # "over the past seven years (from 2016 to 2023)": the explicit range right after wins
        for cue in period_cues:
            if cue.kind == "range" and 0 <= cue.start - best.end <= 3:
                return cue.period
        return best.period
    if best.kind == "single" and best.period is not None:
        # "Since they were launched in May 2022, ...": the date of a since-clause opens a period
        span = sdoc.char_span(best.start, best.end, alignment_mode="expand")
        head = span.root.head if span is not None else None
        while head is not None and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head is not None and any(
            c.dep_ == "mark" and c.lower_ == "since" for c in head.children
        ):
            return Period(start=best.period.start, end=ref_year or best.period.end)
    if best.kind == "carry":
        earlier = [c.period for c in period_cues if c.end <= best.start and c.period]
        return earlier[-1] if earlier else last_period
    return best.period


def _context(sdoc, sents, n: int, fig: Figure) -> list:
    """Tokens to search for a missing actor: the sentence, nearest to the figure first, then
    up to two sentences before, nearest first."""
    sent = sents[n]
    toks = sorted(sent, key=lambda t: abs(t.i - fig.anchor))
    for k in (n - 1, n - 2):
        if k >= 0:
            toks.extend(reversed(list(sents[k])))
    return toks


def _governing_cue(sdoc, fig: Figure, cues: list[Cue], n: int) -> Cue | None:
    """The citation a figure is reported under, decided by the parse (attribution.py)."""
    return attribution.governing_cue(sdoc, fig.anchor, cues, n)


def _hedge(sdoc, fig: Figure, chain, cue: Cue | None) -> str:
    lex = lexicons.load("hedges")
    estimate = lexicons.words("hedges", "estimate_words")
    left = " ".join(t.lower_ for t in sdoc[max(0, fig.first - 2) : fig.first])
    if any(w in estimate for w in re.findall(r"\w+", left)):
        return "estimated"
    modals = {str(w) for w in lex.get("speculative_modals") or ()}
    verb = next((t for t in chain if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None and any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children):
        return "speculative"
    if cue is None:
        return "asserted"
    if _in_first_person_quote(sdoc, fig):
        return "claimed"  # "Our reserves are sufficient for five months," he said
    claim_nouns = lexicons.words("hedges", "claim_nouns")
    if any(t.pos_ == "NOUN" and t.lemma_.lower() in claim_nouns for t in sdoc[fig.anchor].sent):
        return "claimed"  # "..., claims that could not be independently verified"
    return cue.hedge


_FIRST_PERSON = re.compile(r"\b(?:we|our|us|i|my|me)\b", re.I)


def _in_first_person_quote(sdoc, fig: Figure) -> bool:
    for start, end in quoted_spans(doc_text(sdoc)):
        if start <= fig.start and fig.end <= end:
            return bool(_FIRST_PERSON.search(doc_text(sdoc)[start:end]))
    return False
