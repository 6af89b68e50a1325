"""The line structure of a text: where the header ends, which lines form blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A line this long, or a shorter one that ends a sentence, is article prose. Tuned on the
# seed corpus: headlines ran to 16 words and end in "?" or nothing; first paragraphs ran
# from 17 words up.
PROSE_WORDS = 20
SENTENCE_WORDS = 10
_SENTENCE_END = re.compile(r"[.!][\"”’')\]]*$")
_PERIOD_END = re.compile(r"\.[\"”’')\]]*$")
# A line of mostly capitalised words is a headline even when long ("Black Death: It
# Spreads To The UK And ..."); small words stay lower case in title case.
MAX_HEADLINE_WORDS = 40
TITLE_CASE_SHARE = 0.8
MIN_TITLE_CASE_WORDS = 4
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "vs", "with"}
)
# The header never runs longer than this many non-blank lines, so a text made of short
# lines (a list, a transcript) is not read as one long header.
MAX_HEADER_LINES = 20


@dataclass(frozen=True, slots=True)
class Line:
    index: int  # position among the non-blank lines
    start: int  # offsets of the stripped line in the original text
    end: int
    text: str  # stripped of surrounding whitespace (NBSP included)
    block: int  # blank-line-separated paragraph number

    @property
    def words(self) -> int:
        return len(self.text.split())


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of a text with their offsets into it."""
    lines: list[Line] = []
    offset = 0
    block = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = offset + (len(raw) - len(raw.lstrip()))
            lines.append(Line(len(lines), start, start + len(stripped), stripped, block))
        else:
            block += 1
        offset += len(raw)
    return lines


def is_prose(line: Line, *, opening: bool = False) -> bool:
    """Whether a line is article prose rather than a headline, byline or widget.

    `opening` is for the text's first line when a blank line follows it: there a long
    line that does not end a sentence is still a headline (headlines of 20-40 words are
    common on opinion sites; measured on the PTC articles)."""
    words = line.words
    if words <= MAX_HEADLINE_WORDS and (
        _title_case(line.text)
        or (opening and not _PERIOD_END.search(line.text) and ". " not in line.text)
    ):
        return False
    return words >= PROSE_WORDS or (
        words >= SENTENCE_WORDS and bool(_SENTENCE_END.search(line.text))
    )


def _title_case(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha() or w[:1] in "‘'\"“"]
    if len(words) < MIN_TITLE_CASE_WORDS:
        return False
    capitalised = sum(w.lstrip("‘'\"“")[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)
    return capitalised >= TITLE_CASE_SHARE * len(words)


def body_start(lines: list[Line]) -> int:
    """Index of the first prose line; the lines before it are the article's header."""
    for line in lines[: MAX_HEADER_LINES + 1]:
        opening = line.index == 0 and (len(lines) == 1 or lines[1].block != line.block)
        if is_prose(line, opening=opening):
            return line.index
    return min(len(lines), MAX_HEADER_LINES)
