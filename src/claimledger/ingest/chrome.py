"""The page-chrome lexicon (data/chrome.yaml plus users' extensions) and line tests."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .. import lexicons
from ..errors import LexiconError

LEXICON = "chrome.yaml"
# Longer lines are prose, whatever they start with: phrases only match short lines, and
# patterns (each bounding its own length) lines up to MAX_PATTERN_LINE ("Read also: <a
# headline>" runs long).
MAX_CHROME_LINE = 80
MAX_PATTERN_LINE = 200
# Characters that frame a widget label without changing it: "- Advertisement -", "No comments:".
_FRAME = " \t\u00a0-–—•·|:>»«*_=#"


@dataclass(frozen=True, slots=True)
class ChromeLexicon:
    phrases: dict[str, str]  # normalised phrase -> kind
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern)
    not_authors: frozenset[str]

    def kind_of(self, line: str) -> str | None:
        """The chrome kind of one stripped line, or None when it is not furniture."""
        if not line or len(line) > MAX_PATTERN_LINE:
            return None
        kind = self.phrases.get(normalise(line)) if len(line) <= MAX_CHROME_LINE else None
        if kind:
            return kind
        for kind, pattern in self.patterns:
            if pattern.fullmatch(line):
                return kind
        return None


def normalise(line: str) -> str:
    return " ".join(line.strip(_FRAME).split()).casefold()


def load_lexicon(lexicon_dirs: tuple[Path, ...] = ()) -> ChromeLexicon:
    return _load(tuple(Path(d) for d in lexicon_dirs))


@functools.cache
def _load(lexicon_dirs: tuple[Path, ...]) -> ChromeLexicon:
    phrases: dict[str, str] = {}
    patterns: list[tuple[str, re.Pattern[str]]] = []
    not_authors: set[str] = set()
    expected = "a mapping with phrases / patterns / not_authors"
    for name, data in lexicons.sources(LEXICON, lexicon_dirs, expected):
        for kind, items in _section(name, data, "phrases").items():
            for item in _strings(name, f"phrases.{kind}", items):
                phrases[normalise(item)] = str(kind)
        for kind, items in _section(name, data, "patterns").items():
            for item in _strings(name, f"patterns.{kind}", items):
                try:
                    patterns.append((str(kind), re.compile(item)))
                except re.error as e:
                    raise LexiconError(
                        name, f"patterns.{kind}: bad regular expression {item!r} ({e})"
                    ) from e
        not_authors.update(
            normalise(a) for a in _strings(name, "not_authors", data.get("not_authors") or [])
        )
    return ChromeLexicon(
        phrases=phrases, patterns=tuple(patterns), not_authors=frozenset(not_authors)
    )


def _section(name: str, data: dict, key: str) -> dict:
    section = data.get(key) or {}
    if not isinstance(section, dict):
        raise LexiconError(name, f"{key}: expected a mapping of chrome kind to a list")
    return section


def _strings(name: str, key: str, items: object) -> list[str]:
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise LexiconError(name, f"{key}: expected a list of strings")
    return items
