"""Who the text cites: sources ("according to X", "X said that", "told the Jerusalem Post",
"reports indicate") and direct quotes with their speakers.

Cues are read off the dependency parse with the reporting-verb lexicon
(data/reporting_verbs.yaml): the subject of a reporting verb, the object of "according to",
the author of a report noun ("research by X", "an investigation conducted by X"). Pronouns
and bare titles ("he", "the spokesman") are resolved to the last named person or speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..models import Citation, Claim, Quote, content_id
from . import cues as lexicons
from .quotes import find_quotes, quoted_spans
from .sentences import doc_text, sentences
from .sources import (
    clean,
    expand_abbreviation,
    is_definite_title,
    is_named,
    is_person_title,
    last_person,
    person_context,
    phrase,
    span_text,
)

_PRONOUNS = {"he", "she", "him", "her"}
_CONTENT_DEPS = {"ccomp", "dobj", "dative", "parataxis", "xcomp", "advcl", "prt", "attr"}


@dataclass(frozen=True, slots=True)
class Cue:
    """A citation as extract/ uses it, before it becomes a Citation."""

    start: int  # character span of the citing words (source and verb)
    end: int
    source: str
    named: bool
    verb: str | None  # lemma of the reporting verb, or the cue phrase ("according to")
    hedge: str  # reported | claimed | estimated
    sentence: int  # index into sentences(sdoc)
    governs: int  # token index of the verb or the word the cue attaches to
    speaker: bool = True  # a person or body speaking, as opposed to a medium told
    noun: str = ""  # the report noun a source was found through ("investigation")


def find_cues(sdoc, chrome: tuple[tuple[int, int], ...] = ()) -> list[Cue]:
    """Every citation cue in the text, in text order."""
    sents = sentences(sdoc)
    quoted = quoted_spans(doc_text(sdoc))
    out: list[Cue] = []
    for n, sent in enumerate(sents):
        if any(s < sent.end_char and sent.start_char < e for s, e in chrome):
            continue
        for tok in sent:
            if any(s <= tok.idx < e for s, e in quoted):
                continue  # words inside a quote are what is cited, not a citation
            out.extend(_cues_at(sdoc, tok, n, out))
    return out


def _cues_at(sdoc, tok, n: int, earlier: list[Cue]) -> list[Cue]:
    verbs = lexicons.words("reporting_verbs", "verbs")
    lemma = tok.lemma_.lower()
    found: list[Cue] = []
    if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
        to = next(c for c in tok.children if c.lower_ == "to")
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is not None:
            cue = _source_cue(sdoc, obj, tok, "according to", n, earlier, tok.head.i)
            if cue:
                found.append(cue)
    elif lemma == "interview" and tok.pos_ == "NOUN":
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("with", "to"):
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    cue = _source_cue(sdoc, obj, tok, "interview", n, earlier, tok.head.i)
                    if cue and cue.named:
                        found.append(replace(cue, speaker=False))
    elif lemma in verbs and tok.pos_ in ("VERB", "AUX"):
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        # a garbled parse can give two subjects ("..., estimates by analysts suggest"):
        # the one that can be a source wins
        subj = next((c for c in subjects if _is_document(c) or c.pos_ == "PROPN"), None)
        subj = subj or (subjects[0] if subjects else None)
        if subj is None and tok.dep_ == "xcomp":
            # "officials like to say that ...": the subject of the verb it completes
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if agent is not None:
            subj = next((c for c in agent.children if c.dep_ == "pobj"), subj)
        if subj is None and tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
            subj = None  # "a document published by X" is handled through the agent
        deps = {c.dep_ for c in tok.children}
        if lemma in lexicons.words("reporting_verbs", "told_verbs"):
            deps -= {"dobj", "xcomp", "advcl", "prt", "attr"}  # "time will tell the extent"
        has_content = (
            bool(deps & _CONTENT_DEPS)
            or _before_colon(tok)
            or tok.dep_ == "parataxis"  # "In reality, X said, only 3% ..."
            or _after_comma(tok, subj)  # "..., traders said."
        )
        if subj is not None and has_content:
            if subj.lower_ == "it" and any(c.dep_ == "auxpass" for c in tok.children):
                found.append(_unnamed(sdoc, subj, tok, n, lemma))
            elif subj.dep_ == "nsubjpass":
                pass  # "wheat was quoted at $235": what is reported, not who reports
            elif lemma not in lexicons.words("reporting_verbs", "document_verbs") or (
                _is_document(subj)
            ):
                cue = _source_cue(sdoc, subj, tok, lemma, n, earlier, tok.i)
                if cue:
                    found.append(cue)
        if lemma in lexicons.words("reporting_verbs", "told_verbs"):
            for c in tok.children:
                if c.dep_ in ("dative", "dobj") and c.ent_type_ in ("ORG", "WORK_OF_ART"):
                    cue = _source_cue(sdoc, c, tok, "told", n, earlier, tok.i)
                    if cue and cue.named:
                        found.append(replace(cue, speaker=False))
    elif _is_report_noun(tok) and tok.pos_ == "NOUN" and tok.dep_ not in ("nsubj", "pobj"):
        author = _report_author(tok)
        if author is not None:
            cue = _source_cue(sdoc, author, tok, lemma, n, earlier, tok.head.i)
            if cue and cue.named:
                found.append(cue)
    return found


def _is_report_noun(tok) -> bool:
    """ "report", "study", "data": a noun that passes a citation on to its author."""
    nouns = lexicons.words("reporting_verbs", "report_nouns")
    return tok.lemma_.lower() in nouns or tok.lower_ in nouns


def _is_unnamed_source(tok) -> bool:
    words = lexicons.words("reporting_verbs", "unnamed_sources")
    return tok.lemma_.lower() in words or tok.lower_ in words


def _is_document(tok) -> bool:
    """A report, a data set, an unnamed source or an outlet: what "found"/"indicate" cite."""
    return (
        _is_report_noun(tok) or _is_unnamed_source(tok) or tok.ent_type_ in ("ORG", "WORK_OF_ART")
    )


def _after_comma(verb, subj) -> bool:
    """ ", the spokesman added." / ", said X": a reporting clause tacked on after a comma."""
    if subj is None:
        return False
    doc = verb.doc
    first = min(verb.i, *(t.i for t in subj.subtree))
    return first > 0 and doc[first - 1].text in (",", "”", '"')


def _before_colon(tok) -> bool:
    doc = tok.doc
    return (
        tok.i + 1 < len(doc)
        and doc[tok.i + 1].text in (":", ",")
        and tok.i + 2 < len(doc)
        and (doc[tok.i + 2].text in ("“", '"'))
    )


def _report_author(noun):
    """X in "a report by X", "research by X", "an investigation conducted by X", "X's report"."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ == "PROPN":
            return c
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            return next((p for p in c.children if p.dep_ == "pobj"), None)
        if c.dep_ == "acl":
            for a in c.children:
                if a.dep_ == "agent":
                    return next((p for p in a.children if p.dep_ == "pobj"), None)
    return None


def _unnamed(sdoc, subj, verb, n: int, lemma: str) -> Cue:
    first = min(subj.i, verb.i)
    last = max(subj.i, verb.i)
    span = sdoc[first : last + 1]
    return Cue(
        start=span.start_char,
        end=span.end_char,
        source=span.text,
        named=False,
        verb=lemma,
        hedge=_hedge(lemma, span.text, span.text),
        sentence=n,
        governs=verb.i,
    )


def _source_cue(sdoc, head, verb, label: str, n: int, earlier: list[Cue], governs: int):
    """The cue whose source is the noun phrase headed by `head`."""
    noun = ""
    if head.pos_ == "NOUN" and _is_report_noun(head):
        author = _report_author(head)
        if author is not None:
            noun, head = head.lemma_.lower(), author
    tokens = phrase(head)
    text = clean(span_text(sdoc, tokens))
    named = is_named(tokens)
    lower = head.lower_
    title_text = span_text(sdoc, tokens)
    if lower in _PRONOUNS:
        found = last_person(sdoc, head.i)
        if found is None:
            return None
        (text, title_text), named = found, True
    elif not named:
        resolved = _resolve_title(head, earlier, n)
        person = last_person(sdoc, head.i, 60) if is_definite_title(head) else None
        if resolved is not None:
            text, named = resolved.source, True
        elif person is not None:
            # "the head of state said": the person named just before
            text, named = person[0], True
            title_text = f"{title_text} {person[1]}"
        elif not _is_unnamed_source(head) and not _is_report_noun(head):
            if is_person_title(head):
                named = True
            elif head.tag_ != "NNS" or label in lexicons.words("reporting_verbs", "document_verbs"):
                return None  # "the facts suggest": not a source
            # else a group of people: "traders said", "according to diplomats"
    text = expand_abbreviation(text, sdoc)
    if head.ent_type_ == "PERSON":
        title_text = f"{title_text} {person_context(sdoc, clean(head.text))}"
    if not text:
        return None
    first = min(tokens[0].i, verb.i)
    last = max(tokens[-1].i, verb.i)
    if label == "according to":
        first, last = verb.i, tokens[-1].i
    span = sdoc[first : last + 1]
    return Cue(
        start=span.start_char,
        end=span.end_char,
        source=text,
        named=named,
        verb=label,
        hedge=_hedge(label, text, f"{title_text} {noun}"),
        sentence=n,
        governs=governs,
        noun=noun,
    )


def _resolve_title(head, earlier: list[Cue], n: int):
    """ "the spokesman", "the report", "the investigation": the last cue with that word."""
    word = head.lemma_.lower()
    if head.tag_ not in ("NN",) or not any(c.lower_ == "the" for c in head.lefts):
        return None
    for cue in reversed(earlier):
        if n - cue.sentence > 8:
            break
        if cue.named and word in cue.source.lower():
            return cue
        if cue.named and word in (cue.verb or "", cue.noun):
            return cue
    return None


def _hedge(verb: str | None, source: str, phrase: str) -> str:
    hedges = lexicons.load("hedges")
    words = {w.lower() for w in re.findall(r"[\w-]+", phrase)}
    if words & lexicons.words("hedges", "estimate_words") or (verb or "") in {
        "estimate",
        "calculate",
    }:
        return "estimated"
    if (verb or "") in lexicons.words("hedges", "claim_verbs"):
        return "claimed"
    titles = {str(t).lower() for t in hedges.get("spokesperson_titles") or ()}
    titles |= {str(t).lower() for t in hedges.get("leader_titles") or ()}
    said_by = f" {source} {phrase} "
    if any(re.search(rf"\b{re.escape(t)}\b", said_by.lower()) for t in titles):
        return "claimed"
    capitalised = [str(t) for t in hedges.get("leader_titles_capitalised") or ()]
    if any(re.search(rf"\b{re.escape(t)}\b", said_by) for t in capitalised):
        return "claimed"
    return "reported"


def find_attributions(
    sdoc,
    doc_id: str,
    cues: list[Cue] | None = None,
    claims: tuple[Claim, ...] | list[Claim] = (),
    chrome: tuple[tuple[int, int], ...] = (),
) -> tuple[list[Citation], list[Quote]]:
    """Citations (each with the ids of the claims it backs) and direct quotes."""
    if cues is None:
        cues = find_cues(sdoc, chrome)
    sents = sentences(sdoc)
    citations: list[Citation] = []
    for cue in cues:
        sent = sents[cue.sentence]
        backed = tuple(
            c.id
            for c in claims
            if sent.start_char <= c.start < sent.end_char
            and c.hedge != "asserted"
            and (c.source == cue.source or (c.source is None and not cue.named))
        )
        citations.append(
            Citation(
                id=content_id("s", doc_id, cue.start, cue.end, cue.source),
                doc_id=doc_id,
                start=cue.start,
                end=cue.end,
                text=doc_text(sdoc)[cue.start : cue.end],
                source=cue.source,
                verb=cue.verb,
                named=cue.named,
                claim_ids=backed,
            )
        )
    return citations, find_quotes(sdoc, doc_id, cues, chrome)
