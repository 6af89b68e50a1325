"""Measure phrases folded to canonical forms, so claims worded differently still meet.

The rules live in `data/measures.yaml` (stopwords, word synonyms, aspects, measures with
their synonyms and siblings); this module only applies them. No spaCy here: reconcile runs
on the extracted dataclasses, so lemmatising is a small plural rule plus the lexicon's
irregular forms, which is all short measure phrases need.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .. import lexicons
from ..errors import LexiconError

log = logging.getLogger(__name__)

_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?")
# unit names that all mean a share; currency codes stay unit families of their own
_PERCENT_UNITS = {"percent", "%", "pct", "percentage"}
_RATIO_UNITS = {"ratio", "share", "fraction"}
# (phrase, actor word) answers `MeasureLexicon.drops` keeps before starting afresh
_DROPS_KEPT = 1 << 18


@dataclass(frozen=True, slots=True)
class MeasureKey:
    """What blocking compares: the aspect ("share"), the base as a sorted bag of words and
    the readable canonical form of that base."""

    aspect: str
    base: tuple[str, ...]
    base_text: str
    known: bool = False  # the base is one of measures.yaml's measures

    @property
    def text(self) -> str:
        return f"{self.aspect} of {self.base_text}" if self.base_text else self.aspect


@dataclass(frozen=True, slots=True)
class MeasureLexicon:
    """measures.yaml, bundled and user files merged, ready to fold phrases (`key`)."""

    stopwords: frozenset[str]
    words: dict[str, str]
    lemmas: dict[str, str]
    aspects: dict[str, str]
    default_aspects: dict[str, str]
    canonical: dict[tuple[str, ...], str]  # bag of base words -> canonical base phrase
    siblings: dict[str, frozenset[str]] = field(default_factory=dict)  # canonical -> canonicals
    # aspects that say no more than the unit does ("value", "number"): the unit's default wins
    generic_aspects: frozenset[str] = frozenset()
    # "approximate" | "increment" | "part" -> words that mark a figure so
    markers: dict[str, frozenset[str]] = field(default_factory=dict)
    # (phrase, actor word) -> whether `key` drops a word of the phrase for it (`drops`)
    _drops: dict[tuple[str, str], bool] = field(default_factory=dict, compare=False, repr=False)

    def lemma(self, word: str) -> str:
        if word in self.lemmas:
            return self.lemmas[word]
        if len(word) > 4 and word.endswith("ies"):
            return word[:-3] + "y"
        if len(word) > 4 and word.endswith(("sses", "ches", "shes", "xes")):
            return word[:-2]
        if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return word[:-1]
        return word

    def tokens(self, phrase: str, drop: Iterable[str] = ()) -> list[str]:
        """Content words of a phrase, lemmatised and mapped; `drop` words (actor names)
        and words that begin like them ("Israeli" for "Israel") are left out."""
        return [word for word, _, _ in self._tokens(phrase, drop)]

    def drops(self, phrase: str, name_word: str) -> bool:
        """Whether `key(phrase, drop=[name_word])` leaves out a word of the phrase for it. An
        actor word that drops nothing does not change the key, so callers caching keys can
        leave it out of the cache key: keys then repeat per measure phrase, not per phrase
        and pair of actors, of which a large corpus has hundreds of thousands."""
        found = self._drops.get((phrase, name_word))
        if found is None:
            if len(self._drops) >= _DROPS_KEPT:  # a lexicon lives as long as its process
                self._drops.clear()
            found = self._drops[(phrase, name_word)] = bool(name_word) and any(
                _same_stem(word, name_word) for word in self._words(phrase)
            )
        return found

    def _words(self, phrase: str) -> Iterable[str]:
        """The words of a phrase that `_tokens` tests against actor names."""
        for match in _WORD.finditer(phrase.replace("’", "'")):
            word = match.group().lower().removesuffix("'s").removesuffix("'")
            if word not in self.stopwords and not word.isdigit():
                yield word

    def _tokens(self, phrase: str, drop: Iterable[str] = ()) -> list[tuple[str, bool, str]]:
        stems = [d for d in drop if d]
        out = []
        for match in _WORD.finditer(phrase.replace("’", "'")):
            raw = match.group()
            word = raw.lower().removesuffix("'s").removesuffix("'")
            if word in self.stopwords or word.isdigit():
                continue
            if any(_same_stem(word, stem) for stem in stems):
                continue
            word = self.words.get(word, word)
            word = self.words.get(self.lemma(word), self.lemma(word))
            if word not in self.stopwords:
                out.append((word, raw[0].isupper(), raw.lower()))
        return out

    def key(self, phrase: str, unit_family: str, drop: Iterable[str] = ()) -> MeasureKey:
        aspect = None
        rest: list[tuple[str, bool, str]] = []
        for token in self._tokens(phrase, drop):
            if token[0] in self.aspects:
                aspect = aspect or self.aspects[token[0]]
            else:
                rest.append(token)
        bag = tuple(sorted({w for w, _, _ in rest}))
        if bag not in self.canonical:
            # "arms imports of Azerbaijan": a name the caller did not know to drop
            common = tuple(sorted({w for w, proper, _ in rest if not proper}))
            if common in self.canonical:
                bag = common
        if unit_family and (aspect is None or aspect in self.generic_aspects):
            # the unit says what a bare or generic phrase measures: "value of grain" in
            # tonnes is a quantity, "number of ships" and "ships" are one count
            if unit_family in self.default_aspects:
                family = unit_family
            else:
                family = "currency" if unit_family.isupper() else "other"
            aspect = self.default_aspects.get(family, aspect)
        if bag in self.canonical:
            base_text = self.canonical[bag]
            return MeasureKey(
                aspect=aspect or "", base=self.bag(base_text), base_text=base_text, known=True
            )
        return MeasureKey(
            aspect=aspect or "", base=bag, base_text=" ".join(dict.fromkeys(r for _, _, r in rest))
        )

    def bag(self, phrase: str) -> tuple[str, ...]:
        return tuple(sorted({w for w in self.tokens(phrase) if w not in self.aspects}))


def _same_stem(word: str, name: str) -> bool:
    """ "israeli" ~ "israel", "turkish" ~ "turkey": a shared start of at least four letters
    that covers all but the last two letters of the name."""
    if len(name) < 4 or len(word) < 4:
        return word == name
    common = 0
    for x, y in zip(word, name, strict=False):
        if x != y:
            break
        common += 1
    return common >= max(4, len(name) - 2)


def unit_family(unit: str) -> str:
    """ratio and percent fold together; currency codes stay apart from each other."""
    u = (unit or "count").strip()
    low = u.lower()
    if low in _PERCENT_UNITS or low in _RATIO_UNITS:
        return "ratio"
    if low in {"", "number", "count"}:
        return "count"
    if low in {"kilometer", "kilometers", "kilometre", "kilometres"}:
        return "km"
    if low in {"t", "ton", "tons", "tonne", "tonnes", "metric ton", "metric tons"}:
        return "tonnes"
    if low in {"day"}:
        return "days"
    if low in {"year"}:
        return "years"
    if low in {"times", "fold", "x"}:
        return "factor"
    if low in {"$", "dollar", "dollars", "us$"}:
        return "USD"
    return u if u.isupper() else low


def load_lexicon(extra_dirs: Sequence[Path] = ()) -> MeasureLexicon:
    """The bundled measures.yaml, extended by `measures.yaml` in each of `extra_dirs`."""
    expected = "a mapping with keys stopwords, words, measures"
    docs = lexicons.sources("measures.yaml", extra_dirs, expected)
    for path, data in docs:
        _check(path, data)
    return _build(docs)


@cache
def default_lexicon() -> MeasureLexicon:
    return load_lexicon()


def canonical_measure(phrase: str, unit: str | None = None) -> str:
    """The canonical form of a measure phrase: "value of weapons bought" -> "value of arms
    imports". Without a unit, a phrase that names no aspect keeps none."""
    lex = default_lexicon()
    key = lex.key(phrase, unit_family(unit) if unit else "")
    return key.text if key.aspect else key.base_text


def _check(path: str, data: dict) -> None:
    measures = data.get("measures") or []
    if not isinstance(measures, list) or not all(
        isinstance(m, dict) and isinstance(m.get("canonical"), str) for m in measures
    ):
        raise LexiconError(path, "`measures` must be a list of mappings with a `canonical` phrase")
    for name in ("words", "lemmas", "aspects", "default_aspects"):
        if not isinstance(data.get(name) or {}, dict):
            raise LexiconError(path, f"`{name}` must be a mapping of word to word")
    if not isinstance(data.get("markers") or {}, dict):
        raise LexiconError(path, "`markers` must map a kind (approximate, ...) to a word list")


def _build(docs: list[tuple[str, dict]]) -> MeasureLexicon:
    stop: set[str] = set()
    words: dict[str, str] = {}
    lemmas: dict[str, str] = {}
    aspects: dict[str, str] = {}
    defaults: dict[str, str] = {}
    entries: dict[str, tuple[set[str], set[str]]] = {}
    markers: dict[str, set[str]] = {}
    generic: set[str] = set()
    for _, data in docs:
        generic.update(str(w) for w in data.get("generic_aspects") or ())
        for kind, listed in (data.get("markers") or {}).items():
            markers.setdefault(str(kind), set()).update(str(w).lower() for w in listed or ())
        stop.update(str(w).lower() for w in data.get("stopwords") or ())
        words.update({str(k).lower(): str(v).lower() for k, v in (data.get("words") or {}).items()})
        lemmas.update(
            {str(k).lower(): str(v).lower() for k, v in (data.get("lemmas") or {}).items()}
        )
        aspects.update({str(k).lower(): str(v) for k, v in (data.get("aspects") or {}).items()})
        defaults.update({str(k): str(v) for k, v in (data.get("default_aspects") or {}).items()})
        for m in data.get("measures") or ():
            syn, sib = entries.setdefault(m["canonical"], (set(), set()))
            syn.update(str(s) for s in m.get("synonyms") or ())
            sib.update(str(s) for s in m.get("siblings") or ())
    lex = MeasureLexicon(
        stopwords=frozenset(stop),
        words=words,
        lemmas=lemmas,
        aspects=aspects,
        default_aspects=defaults,
        canonical={},
        markers={kind: frozenset(listed) for kind, listed in markers.items()},
        generic_aspects=frozenset(generic),
    )
    for canonical, (synonyms, _) in entries.items():
        for phrase in (canonical, *sorted(synonyms)):
            bag = lex.bag(phrase)
            if bag and lex.canonical.setdefault(bag, canonical) != canonical:
                log.debug(
                    "measure phrase %r is listed under %r and %r",
                    phrase,
                    lex.canonical[bag],
                    canonical,
                )
    for canonical, (_, siblings) in entries.items():
        for sibling in siblings:
            target = lex.canonical.get(lex.bag(sibling), sibling)
            lex.siblings.setdefault(canonical, frozenset())
            lex.siblings[canonical] |= {target}
            lex.siblings[target] = lex.siblings.get(target, frozenset()) | {canonical}
    return lex
