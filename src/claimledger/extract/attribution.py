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
    seat_name,
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
    triggers = _cue_words()
    for n, sent in enumerate(sents):
        if any(s < sent.end_char and sent.start_char < e for s, e in chrome):
            continue
        for tok in sent:
            if tok.lower_ not in triggers and tok.lemma_.lower() not in triggers:
                continue  # no branch of _cues_at can fire: most tokens, checked cheaply
            if any(s <= tok.idx < e for s, e in quoted):
                continue  # words inside a quote are what is cited, not a citation
            out.extend(_cues_at(sdoc, tok, n, out))
    return out


def _cue_words() -> frozenset[str]:
    """Every word (form or lemma) one of `_cues_at`'s branches starts from."""
    keys = ("verbs", "figure_verbs", "naming_verbs", "reported_adverbs", "report_nouns")
    found = {"according", "interview"}
    for key in keys:
        found.update(lexicons.words("reporting_verbs", key))
    return frozenset(found)


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
    elif lemma in lexicons.words("reporting_verbs", "figure_verbs") and _sets_a_figure(tok):
        # "X puts the losses at 460,000": the subject sets the figure in the "at" phrase
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            cue = _source_cue(sdoc, subj, tok, lemma, n, earlier, tok.i)
            if cue:
                found.append(cue)
    elif lemma in lexicons.words("reporting_verbs", "naming_verbs") and tok.pos_ == "VERB":
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        deps = {c.dep_ for c in tok.children}
        if subj is not None and ("oprd" in deps or (tok.dep_ == "relcl" and "dobj" in deps)):
            cue = _source_cue(sdoc, subj, tok, lemma, n, earlier, tok.i)
            if cue and cue.named:
                found.append(replace(cue, speaker=False))  # a view, not a figure's source
    elif tok.lower_ in lexicons.words("reporting_verbs", "reported_adverbs"):
        # "a package reportedly worth $1 billion": unnamed others report it
        found.append(
            Cue(
                start=tok.idx,
                end=tok.idx + len(tok.text),
                source=tok.text,
                named=False,
                verb=tok.lower_,
                hedge="reported",
                sentence=n,
                governs=tok.head.i,
            )
        )
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


def _sets_a_figure(verb) -> bool:
    """ "puts ... at 460,000": an "at" phrase after the verb that holds a number."""
    if verb.pos_ != "VERB":
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ == "at"
        and c.i > verb.i
        and any(t.like_num or t.ent_type_ in _FIGURE_LABELS for t in c.subtree)
        for c in verb.children
    )


_FIGURE_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}


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
        if c.dep_ == "acl" and c.lemma_.lower() in lexicons.words(
            "reporting_verbs", "authoring_verbs"
        ):
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
    seat = seat_name(head) if _is_party_noun(head) else None
    if seat is not None:
        text, named, title_text = seat, True, f"{title_text} {seat}"
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
    hedge = _hedge(label, text, f"{title_text} {noun}")
    if hedge == "reported" and (
        _is_leader(text) or _party_claim(sdoc, head, tokens, text, title_text, verb, governs)
    ):
        hedge = "claimed"
    return Cue(
        start=span.start_char,
        end=span.end_char,
        source=text,
        named=named,
        verb=label,
        hedge=hedge,
        sentence=n,
        governs=governs,
        noun=noun,
    )


def _party_claim(sdoc, head, tokens, source: str, title_text: str, verb, governs: int) -> bool:
    """A side speaking for itself: "Russian officials say ...", or a state's body or
    official on the fighting ("the Defence Ministry says its air defences shot down ...")."""
    nationality = any(_nationality(t) for t in tokens) or any(
        _nationality(t) for t in _words_of(title_text)
    )
    groups = lexicons.words("hedges", "party_groups")
    if nationality and (head.lemma_.lower() in groups or head.lower_ in groups):
        return True  # an unnamed group of one side's officials
    own = re.split(r"\s+(?:of|for|at)\s+", source.lower())[0]
    own = re.sub(r"[’']s\b", "", own)
    body = any(own == b or own.endswith(f" {b}") for b in lexicons.words("hedges", "party_bodies"))
    titles = lexicons.words("hedges", "party_titles")
    official = head.ent_type_ == "PERSON" or head.pos_ == "PROPN"
    title = official and any(w.lower() in titles for w in _words_of(title_text))
    if not (body or title):
        return False
    return _about_fighting(sdoc, verb, governs, {t.i for t in tokens})


def _is_leader(source: str) -> bool:
    """A head of state or government by name ("Putin", "he" resolved to him): the leaders
    listed in the gazetteer (actors.yaml), whose figures speak for their state."""
    from .roles import leaders

    words = source.split()
    return bool(words) and words[-1].lower() in leaders()


def _is_party_noun(head) -> bool:
    """ "government", "officials", "ministry": a noun that can speak for a state."""
    words = lexicons.words("hedges", "party_bodies") | lexicons.words("hedges", "party_groups")
    return head.lemma_.lower() in words or head.lower_ in words


def _words_of(text: str) -> list[str]:
    return re.findall(r"[\w-]+", text)


def _nationality(tok) -> bool:
    """ "Russian", "Ukraine's", "Kyiv's": a word naming a state or its people."""
    from .roles import demonyms

    word = tok if isinstance(tok, str) else tok.text
    word = re.sub(r"[’']s$", "", word).lower()
    return word in demonyms()


def _about_fighting(sdoc, verb, governs: int, source: set[int]) -> bool:
    """The cited clause speaks of losses, strikes or defence (hedges.yaml conflict_words)."""
    words = lexicons.words("hedges", "conflict_words")
    root = sdoc[governs]
    if not any(c.dep_ in ("ccomp", "parataxis", "dobj", "prep") for c in root.children):
        root = root.head  # ", Finance Minister X has said": the clause it is tacked onto
    return any(
        t.i not in source and t.i != verb.i and t.lemma_.lower() in words for t in root.subtree
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


def governing_cue(sdoc, anchor: int, cues: list[Cue], n: int) -> Cue | None:
    """The citation a figure (its head token `anchor`, in sentence `n`) is reported under.

    A cue governs a figure when its verb is on the figure's path to the clause root
    ("X said that ... 40%"), or when it is tacked onto a clause on that path (", X said.",
    "according to X" hanging from the figure's verb). A cue in a coordinated clause ("...
    signed the $61 billion package, and the Pentagon announced that ..."), a relative clause
    ("a fight that commanders say cost them ground") or another clause of the sentence
    scopes only its own words: the figure is then the outlet's. A cue set off by a comma
    after the figure (", according to traders.", ", analysts estimate,") covers the text
    before it back to the last colon or semicolon, whatever the parse made of it."""
    here = [c for c in cues if c.sentence == n and c.speaker]
    if not here:
        return None
    chain = []
    tok = sdoc[anchor]
    while True:
        chain.append(tok.i)
        if tok.head.i == tok.i or tok.head.i in chain:
            break
        tok = tok.head
    text = doc_text(sdoc)
    start = sdoc[anchor].idx
    # "The pledge fell short: only 52% had arrived, according to X": a cue after a colon
    # or semicolon speaks for the words after it, not for a figure before it
    here = [c for c in here if c.start <= start or not re.search(r"[:;]", text[start : c.start])]
    # "..., traders said, though prices stayed below the record of $13": a clause set
    # against the cited one after it is the outlet's own
    contrast = lexicons.words("reporting_verbs", "contrast_marks")
    here = [
        c
        for c in here
        if not any(
            sdoc[i].head.i == c.governs
            and sdoc[i].dep_ == "advcl"
            and sdoc[i].idx > c.end
            and any(m.dep_ == "mark" and m.lower_ in contrast for m in sdoc[i].children)
            for i in chain
        )
    ]
    on_path = [c for c in here if c.governs in chain]
    if not on_path:
        on_path = [
            c
            for c in here
            if sdoc[c.governs].head.i in chain
            and sdoc[c.governs].dep_ not in ("conj", "relcl", "acl", "advcl", "csubj")
        ]
    if not on_path:
        on_path = [c for c in here if _tacked_on_after(sdoc, c, start)]
    if not on_path:
        return None

    def distance(c: Cue) -> int:
        return abs(start - c.end if c.end <= start else c.start - start)

    return min(on_path, key=distance)


def _tacked_on_after(sdoc, cue: Cue, start: int) -> bool:
    """ "..., taking 3 million tonnes, and it imports ..., according to traders": a cue
    after a comma, with no colon or semicolon between the figure and it."""
    first = cue.start
    verb = sdoc[cue.governs]
    if cue.start <= verb.idx < cue.end:
        # "estimates by energy analysts suggest": the cue's words start with its subject
        # (the subject nearest the verb: a garbled parse can give it two)
        subjects = [c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            first = min(first, subjects[-1].left_edge.idx)
    if first <= start:
        return False
    text = doc_text(sdoc)
    before = text[start:first].rstrip()
    return before.endswith((",", "”", '"')) and not re.search(r"[:;]", before)
