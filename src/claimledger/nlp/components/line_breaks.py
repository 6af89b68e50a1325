"""Sentence starts at line breaks, set before the parser runs.

The sm parser reads an article's header lines (title, "7 months ago", "Print", "Share") as one
sentence with the first paragraph, because nothing but a newline separates them. A blank line
always starts a sentence. A single line break does too, unless the next line starts in lower
case, or the text is hard-wrapped (many long lines that stop mid-sentence) and the line before
neither ends a sentence nor is short enough to be a heading or a widget.
"""

from __future__ import annotations

from spacy.tokens import Doc

# A line this short is a heading, byline or widget, never the middle of a wrapped paragraph.
SHORT_LINE = 40
# Hard-wrapped prose: lines of 55-100 characters, at least this share ending mid-sentence.
WRAP_MIN_LEN, WRAP_MAX_LEN, WRAP_SHARE, WRAP_MIN_LINES = 55, 100, 0.3, 3
SENTENCE_END = '.!?:;"”’)]'
# No sentence runs longer than this many tokens: extract/ reads a figure's whole sentence
# for each figure in it, so one unbroken line of thousands of figures ("40% 40% ...") would
# cost time quadratic in its length (issue 12). News sentences run well under 100 tokens.
MAX_SENTENCE_TOKENS = 200


def hard_wrapped(text: str) -> bool:
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    long_lines = [line for line in lines if WRAP_MIN_LEN <= len(line) <= WRAP_MAX_LEN]
    open_ended = [line for line in long_lines if line[-1] not in SENTENCE_END]
    return len(open_ended) >= WRAP_MIN_LINES and len(open_ended) >= WRAP_SHARE * len(lines)


class LineBreaks:
    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # rebuilt from tokens on every access: read once
        wrapped = hard_wrapped(text)
        starts = []
        for i in range(1, len(doc)):
            prev, tok = doc[i - 1], doc[i]
            if tok.is_space or not prev.is_space or "\n" not in prev.text:
                continue
            if prev.text.count("\n") >= 2:  # a blank line
                starts.append(i)
                continue
            if tok.text[:1].islower():
                continue
            if wrapped and not _line_closed(text, prev.idx):
                continue
            starts.append(i)
        if doc.has_annotation("DEP"):
            return doc  # already parsed (a re-run): spaCy forbids moving boundaries now
        for i in _capped(starts, len(doc)):
            doc[i].is_sent_start = True
        return doc


def _capped(starts: list[int], n_tokens: int) -> list[int]:
    """`starts` plus a start every MAX_SENTENCE_TOKENS tokens in any longer stretch."""
    out: list[int] = []
    last = 0
    for i in [*starts, n_tokens]:
        out.extend(range(last + MAX_SENTENCE_TOKENS, i, MAX_SENTENCE_TOKENS))
        if i < n_tokens:
            out.append(i)
        last = i
    return out


def _line_closed(text: str, newline_at: int) -> bool:
    """Whether the line ending at `newline_at` ends a sentence or is heading-short."""
    line_start = text.rfind("\n", 0, newline_at) + 1
    line = text[line_start:newline_at].rstrip()
    return not line or line[-1] in SENTENCE_END or len(line) <= SHORT_LINE
