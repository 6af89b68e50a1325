"""Sentence starts at line breaks, set before the parser runs.

The sm parser reads an article's header lines (title, "7 months ago", "Print", "Share") as one
sentence with the first paragraph, because nothing but a newline separates them. A blank line
always starts a sentence; a single line break does too, unless the next line starts in lower
case (a hard-wrapped sentence going on).
"""

from __future__ import annotations

from spacy.tokens import Doc


class LineBreaks:
    def __call__(self, doc: Doc) -> Doc:
        starts = []
        for i in range(1, len(doc)):
            prev, tok = doc[i - 1], doc[i]
            if tok.is_space or not prev.is_space or "\n" not in prev.text:
                continue
            blank_line = prev.text.count("\n") >= 2
            if blank_line or not tok.text[:1].islower():
                starts.append(i)
        if doc.has_annotation("DEP"):
            return doc  # already parsed (a re-run): spaCy forbids moving boundaries now
        for i in starts:
            doc[i].is_sent_start = True
        return doc
