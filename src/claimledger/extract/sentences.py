"""Sentences as extract/ reads them: spaCy's, cut again at line breaks.

The small English pipeline merges an article's header lines (title, date, byline) into one
sentence (notes/dependencies.md); a line break in a news text always ends a sentence.
"""

from __future__ import annotations


def sentences(sdoc) -> list:
    """spaCy Spans, in order, none crossing a line break, none empty or blank."""
    # six stages ask for the same document's sentences in turn: the last one's are kept
    # (one tuple, read at once, so a thread never pairs one doc with another's sentences)
    doc, sents = _SENTENCES[0]
    if doc is not sdoc:
        sents = _split(sdoc)
        _SENTENCES[0] = (sdoc, sents)
    return list(sents)


def _split(sdoc) -> tuple:
    out = []
    for sent in sdoc.sents:
        start = sent.start
        for tok in sent:
            if "\n" in tok.text:
                if tok.i > start:
                    out.append(sdoc[start : tok.i])
                start = tok.i + 1
            elif "\n" in tok.whitespace_:
                out.append(sdoc[start : tok.i + 1])
                start = tok.i + 1
        if start < sent.end:
            out.append(sdoc[start : sent.end])
    return tuple(s for s in out if s.text.strip())


_SENTENCES: list = [(None, ())]


def index_by_token(sents: list) -> dict[int, int]:
    """Token index -> index of the sentence holding it."""
    return {tok.i: n for n, sent in enumerate(sents) for tok in sent}


# Doc.text and Doc.ents are rebuilt on every access (O(length)); extract reads them many
# times per document, one document at a time, so the last document's are kept.
_LAST: list = [None, "", ()]


def doc_text(sdoc) -> str:
    """`sdoc.text`, computed once per document."""
    _remember(sdoc)
    return _LAST[1]


def doc_ents(sdoc) -> tuple:
    """`sdoc.ents`, computed once per document."""
    _remember(sdoc)
    return _LAST[2]


def _remember(sdoc) -> None:
    if _LAST[0] is not sdoc:
        _LAST[:] = [sdoc, sdoc.text, tuple(sdoc.ents)]
