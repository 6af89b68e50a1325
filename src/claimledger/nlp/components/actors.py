"""Gazetteer matching of state actors, run after the NER.

The sm NER misses or mislabels state names (Azerbaijan as ORG, Yerevan as PERSON) and knows
nothing of loaded names ("Zionist regime", "the Islamic Republic"), so every alias in the
gazetteer is matched with a case-sensitive PhraseMatcher. On top of the listed aliases:

- "<actor word> regime|junta|Occupation" is a pejorative name for the state, and
  "<actor word> government|administration|..." a metonym, where the actor word is a name,
  capital, demonym ("Israeli") or leader's surname ("Aliyev");
- a match inside a longer organisation, outlet or title ("Times of Israel", "Israel Defense
  Forces", a quoted “Tel Aviv to Baku”) is not a mention of the state;
- a country's name written in lower case ("russia") belittles the state: a pejorative mention,
  unless the lower-case name is an ordinary word (`common_word_names`: "turkey", "china");
- a demonym + "state" in scare quotes (“Ukrainian state”) denies that the state is one;
- a descriptive label (`state_labels`: "the aggressor state") is resolved only when the text
  says which state it is (see `_resolve_label`), otherwise it is left out.

Each kept match becomes a span in `doc.spans[span_key]` with `label_` the entity id and
`_.cl_alias_framing` / `_.cl_alias_kind` from the gazetteer; the framing component turns
those into the final `_.cl_framing`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..gazetteer import Alias, Gazetteer, StateLabel, load_gazetteer
from .framing import scare_quoted

POSSESSIVE = {"'s", "’s", "'", "’"}
# "<state> regime change" is a policy towards the state, not a name for it.
REGIME_CHANGE = {"change", "changes"}
# Characters glued to a lower-case name in a URL, handle, hashtag or compound ("#russia").
GLUED = set("#@/._-")
# A lower-case name must be this long to be told from a word ("iran" yes, "us" no).
MIN_LOWER_NAME = 4
# Function words allowed between the capitalised words of a quoted title.
TITLE_GLUE = {"of", "in", "to", "the", "and", "for", "a", "an", "on", "at", "from", "with", "vs"}
QUOTED = re.compile(r"“([^”\n]{1,120})”|\"([^\"\n]{1,120})\"|‘([^’\n]{1,120})’")


def _variants(alias: Alias) -> set[str]:
    """The alias as listed, in Title Case ("Jewish State"), and for names of four letters or
    more in capitals, as headlines write them ("IRAN"; shorter ones are words: "US", "TO")."""
    surface = alias.surface
    out = {surface, " ".join(w[:1].upper() + w[1:] for w in surface.split(" "))}
    if alias.kind in ("name", "place") and sum(c.isalpha() for c in surface) >= 4:
        out.add(surface.upper())
    return out


class ActorMatcher:
    def __init__(
        self,
        tokenizer: Tokenizer,
        *,
        lexicon_dirs: Iterable[str] = (),
        span_key: str,
    ):
        self.tokenizer = tokenizer
        self.span_key = span_key
        self.gazetteer: Gazetteer = load_gazetteer(tuple(Path(d) for d in lexicon_dirs))
        g = self.gazetteer
        self.by_surface: dict[str, list[Alias]] = {}
        for alias in g.aliases:
            for surface in _variants(alias):
                self.by_surface.setdefault(surface, []).append(alias)
        self.aliases = self._matcher(self.by_surface)
        # Words that can stand for a state before "regime"/"government": names, capitals,
        # demonyms and leaders' surnames (the last two only in that construction).
        self.words: dict[str, str] = {**g.demonyms, **g.leaders}
        self.words_matcher = self._matcher(self.words)
        self.orgs = self._matcher({n: None for n in g.org_names})
        self.org_prefixed = self._matcher({f"The {n}": None for n in g.org_names})
        self.regime = {
            framing: frozenset(words) for framing, words in g.regime_words.items() if words
        }
        self.lower_names = _lower_names(g)
        self.lower_matcher = self._matcher(self.lower_names)
        self.labels: dict[str, StateLabel] = {lab.label: lab for lab in g.state_labels}
        self.labels_matcher = PhraseMatcher(self.tokenizer.vocab, attr="LOWER")
        for surface in self.labels:
            self.labels_matcher.add(surface, [self.tokenizer(surface)])

    def _matcher(self, surfaces: Iterable[str]) -> PhraseMatcher:
        matcher = PhraseMatcher(self.tokenizer.vocab, attr="ORTH")
        for surface in surfaces:
            matcher.add(surface, [self.tokenizer(surface)])
        return matcher

    def __call__(self, doc: Doc) -> Doc:
        found = self._find(doc)  # compute everything first, then assign
        spans = []
        for start, end, alias in found:
            span = Span(doc, start, end, label=alias.entity_id)
            spans.append((span, alias))
        doc.spans[self.span_key] = [s for s, _ in spans]
        for span, alias in spans:
            span._.cl_alias_framing = alias.framing
            span._.cl_alias_kind = alias.kind
        doc._.cl_actor_info = {
            eid: (a.name, a.type, a.iso3, a.wikidata)
            for eid in sorted({alias.entity_id for _, _, alias in found})
            for a in [self.gazetteer.actors[eid]]
        }
        return doc

    def _find(self, doc: Doc) -> list[tuple[int, int, Alias]]:
        vocab = doc.vocab.strings
        candidates: list[tuple[int, int, Alias]] = []
        for match_id, start, end in self.aliases(doc):
            alias = self._pick(self.by_surface[vocab[match_id]], vocab[match_id])
            if alias is not None:
                candidates.append((start, end, alias))
        # "<actor word> regime": names and capitals from the aliases, plus demonyms/leaders.
        heads = [(s, e, a) for s, e, a in candidates if a.kind in ("name", "place")]
        text = doc.text
        for match_id, start, end in self.lower_matcher(doc):
            if not _glued(doc, text, start, end):
                alias = Alias(surface=vocab[match_id], entity_id=self.lower_names[vocab[match_id]],
                              framing="pejorative", kind="label")  # fmt: skip
                candidates.append((start, end, alias))
        for match_id, start, end in self.words_matcher(doc):
            eid = self.words[vocab[match_id]]
            heads.append((start, end, Alias(surface="", entity_id=eid, framing="", kind="word")))
            if end < len(doc) and doc[end].lower_ == "state":
                s0, s1 = doc[start].idx, doc[end].idx + len(doc[end])
                if scare_quoted(text, s0, s1):  # the so-called “Ukrainian state”
                    alias = Alias(surface=text[s0:s1], entity_id=eid, framing="pejorative",
                                  kind="label")  # fmt: skip
                    candidates.append((start, end + 1, alias))
        for start, end, alias in heads:
            composed = self._compose(doc, start, end, alias.entity_id)
            if composed is not None:
                candidates.append(composed)
        blocked = self._blocked(doc, text)
        matched = {i for s, e, _ in candidates for i in range(s, e)}
        ent_at = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        kept = [
            c
            for c in candidates
            if not any(b0 <= c[0] and c[1] <= b1 and (b0, b1) != c[:2] for b0, b1 in blocked)
            and not self._inside_org(doc, c[0], c[1], matched, ent_at.get(c[0]))
        ]
        kept += self._labels(doc, kept)
        kept += self._agent_anaphora(doc, kept)
        by_span = {(s, e): a for s, e, a in kept}
        longest = filter_spans([Span(doc, s, e) for s, e in by_span])
        return sorted((s.start, s.end, by_span[(s.start, s.end)]) for s in longest)

    def _labels(self, doc: Doc, kept: list[tuple[int, int, Alias]]):
        if not self.labels:
            return []
        vocab = doc.vocab.strings
        eid_at = {i: a.entity_id for s, e, a in kept for i in range(s, e)}
        named = {a.entity_id for _, _, a in kept}
        belittled = {a.entity_id for _, _, a in kept if a.framing == "pejorative"}
        out = []
        for match_id, start, end in self.labels_matcher(doc):
            label = self.labels[vocab[match_id]]
            eid = _resolve_label(doc[start:end], label, eid_at, named, belittled)
            if eid is not None:
                alias = Alias(surface=doc[start:end].text, entity_id=eid, framing=label.framing,
                              kind="label")  # fmt: skip
                out.append((start, end, alias))
        return out

    def _agent_anaphora(self, doc: Doc, kept: list[tuple[int, int, Alias]]):
        """Later "the occupation" acting as an agent: the one state so named before."""
        agent = self.gazetteer.agent_words
        named: dict[str, tuple[int, str]] = {}  # noun -> (first token, entity id)
        for s, e, a in kept:
            noun = doc[e - 1].lower_
            if a.kind == "label" and noun in agent and e - s > 1:
                first, eid = named.get(noun, (s, a.entity_id))
                named[noun] = (min(first, s), eid if eid == a.entity_id else "")
        taken = {i for s, e, _ in kept for i in range(s, e)}
        out = []
        for noun, (first, eid) in named.items():
            for tok in doc[first + 1 :]:
                if (
                    eid
                    and tok.lower_ == noun
                    and tok.i not in taken
                    and doc[tok.i - 1].lower_ == "the"
                    and _acts(tok)
                ):
                    alias = Alias(surface=f"the {tok.text}", entity_id=eid, framing=agent[noun],
                                  kind="label")  # fmt: skip
                    out.append((tok.i - 1, tok.i + 1, alias))
        return out

    @staticmethod
    def _pick(aliases: list[Alias], surface: str) -> Alias | None:
        ids = {a.entity_id for a in aliases}
        if len(ids) == 1:  # the alias written exactly so wins over a case variant of another
            return next((a for a in aliases if a.surface == surface), aliases[0])
        # Two states share the surface ("Congo"): keep it only if it is one's own name.
        exact = [a for a in aliases if a.kind == "name" and a.surface == surface]
        return exact[0] if len(exact) == 1 else None

    def _compose(self, doc: Doc, start: int, end: int, eid: str):
        j = end
        if j < len(doc) and doc[j].text in POSSESSIVE:
            j += 1
        if j >= len(doc):
            return None
        word = doc[j]
        nxt = doc[j + 1] if j + 1 < len(doc) else None
        agent = self.gazetteer.agent_words.get(word.lower_)
        if agent is not None and _acts(word):  # "the Israeli occupation has spent..."
            alias = Alias(surface=doc[start : j + 1].text, entity_id=eid, framing=agent,
                          kind="label")  # fmt: skip
            return (start, j + 1, alias)
        if nxt is not None and (
            (nxt.text == "-" and not word.whitespace_) or nxt.lower_ in REGIME_CHANGE
        ):
            return None  # "U.S. regime-change operation", "Iran regime change": not a name
        for framing, nouns in self.regime.items():
            # "regime" as written or in a Title Case headline; "Occupation" only capitalised.
            if word.text in nouns or (word.lower_ in nouns and not word.is_upper):
                alias = Alias(surface=doc[start : j + 1].text, entity_id=eid, framing=framing,
                              kind="label")  # fmt: skip
                return (start, j + 1, alias)
        return None

    def _blocked(self, doc: Doc, text: str) -> list[tuple[int, int]]:
        """Token ranges of organisation names and quoted titles."""
        out = [(s, e) for _, s, e in self.orgs(doc)]
        out += [(s, e) for _, s, e in self.org_prefixed(doc)]
        for m in QUOTED.finditer(text):
            group = next(i for i, g in enumerate(m.groups(), 1) if g is not None)
            inner = m.group(group).rstrip(",. ")  # “Tel Aviv,” quotes a name, not a title
            if _is_title(inner):
                start = m.start(group)
                span = doc.char_span(start, start + len(inner), alignment_mode="expand")
                if span is not None:
                    out.append((span.start, span.end))
        return out

    def _inside_org(self, doc: Doc, start: int, end: int, matched: set[int], ent) -> bool:
        g = self.gazetteer
        nxt = doc[end] if end < len(doc) else None
        if nxt is not None and nxt.text in POSSESSIVE:
            return False  # "Iran's Revolutionary Guard": the state as possessor
        if nxt is not None and nxt.text in g.heads_after:
            return True
        if (
            start >= 2
            and doc[start - 1].lower_ == "of"
            and doc[start - 2].text in g.heads_before_of
        ):
            return True
        # The NER span holding the match, when it is longer than the match.
        if ent is None or ent.end < end or (ent.start, ent.end) == (start, end):
            return False
        if ent.label_ not in g.org_labels:
            return False
        rest = [t for t in ent if (t.i < start or t.i >= end) and not t.is_punct]
        if ent.label_ == "PERSON":
            # "George Washington" is a person; "Baku-Tel Aviv" (tagged PERSON) is two actors.
            return bool(rest) and all(
                t.text[:1].isupper() and t.is_alpha and t.i not in matched for t in rest
            )
        return any(t.text in g.heads_after or t.text in g.heads_before_of for t in rest)


def _resolve_label(span: Span, label: StateLabel, eid_at, named, belittled) -> str | None:
    """The state a label stands for, in order of evidence:
    1. the text equates them: "Russia, the aggressor state", "the terrorist state, Iran",
       "Iran is a terrorist state";
    2. the one state the text names pejoratively elsewhere (the outlet's adversary);
    3. the label's conventional referent, when the text names it and the other party."""
    root = span.root
    linked = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        linked.append(root.head)
    if root.dep_ == "attr":
        linked += [c for c in root.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    equated = {eid_at[t.i] for t in linked if t.i in eid_at}
    if len(equated) == 1:
        return equated.pop()
    if len(belittled) == 1:
        return next(iter(belittled))
    if label.usual and {label.usual, *label.when} <= named:
        return label.usual
    return None


def _acts(noun) -> bool:
    """The noun is the subject of a verb or the agent after "by", and no "of" follows it."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return False
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ == "by" and noun.head.dep_ == "agent"


def _lower_names(g: Gazetteer) -> dict[str, str]:
    """Lower-case form -> entity id of country names written in Title Case ("Russia",
    "South Africa"), leaving out codes ("US"), short names and ordinary words ("turkey")."""
    out: dict[str, str] = {}
    shared: set[str] = set()
    for alias in g.aliases:
        words = alias.surface.split(" ")
        if alias.kind != "name" or not all(w[:1].isupper() and w[1:].islower() for w in words):
            continue
        lower = alias.surface.lower()
        if lower in g.common_words or sum(c.isalpha() for c in lower) < MIN_LOWER_NAME:
            continue
        if out.get(lower, alias.entity_id) != alias.entity_id:
            shared.add(lower)
        out[lower] = alias.entity_id
    return {k: v for k, v in out.items() if k not in shared}


def _glued(doc: Doc, text: str, start: int, end: int) -> bool:
    """True when the match is part of a URL, handle, hashtag or hyphenated compound."""
    s0 = doc[start].idx
    s1 = doc[end - 1].idx + len(doc[end - 1])
    before = s0 > 0 and text[s0 - 1] in GLUED
    after = s1 + 1 < len(text) and text[s1] in GLUED and text[s1 + 1].isalnum()
    return before or after


def _is_title(text: str) -> bool:
    words = text.split()
    if len(words) < 2:
        return False
    capitalised = [w for w in words if w[:1].isupper()]
    return len(capitalised) >= 2 and all(w[:1].isupper() or w in TITLE_GLUE for w in words)
