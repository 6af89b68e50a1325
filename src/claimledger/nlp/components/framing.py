"""The framing of each actor mention: the gazetteer's label, revised by context.

A state's plain name in scare quotes (“Israel”, ‘Israel,’ "Israel") is a delegitimising
label, so it is pejorative. Scare quotes around a capital or seat of government (“Tel Aviv”)
do not change what it is: a metonym. The gazetteer framing stands otherwise.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

OPENERS = "“‘\"«'"
CLOSERS = "”’\"»'"


def scare_quoted(text: str, start_char: int, end_char: int) -> bool:
    """True when quote marks sit right around the name, an optional , or . inside."""
    if start_char == 0 or text[start_char - 1] not in OPENERS:
        return False
    after = end_char
    if after < len(text) and text[after] in ",.":
        after += 1
    return after < len(text) and text[after] in CLOSERS and not _letter_after(text, after)


def _letter_after(text: str, i: int) -> bool:
    # "Israel’s" is a possessive apostrophe, not a closing quote.
    return i + 1 < len(text) and text[i + 1].isalpha()


def frame(span: Span, text: str) -> str:
    """`text` is the doc's text, passed in because `Doc.text` is rebuilt on every access."""
    base = span._.cl_alias_framing or "neutral"
    if span._.cl_alias_kind == "name" and scare_quoted(text, span.start_char, span.end_char):
        return "pejorative"
    return base


class Framer:
    def __init__(self, *, span_key: str):
        self.span_key = span_key

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get(self.span_key, []))
        text = doc.text
        framings = [frame(span, text) for span in spans]  # compute first, then assign
        for span, framing in zip(spans, framings, strict=True):
            span._.cl_framing = framing
        return doc
