"""Direct quotes ("..." and “...”) of a few words or more, each with its speaker: the
source of the nearest citation cue around it, or the previous quote's when one runs on."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..models import Quote, content_id
from .sentences import doc_text, sentences

if TYPE_CHECKING:
    from .attribution import Cue

_QUOTE = re.compile(r"“([^”\n]{3,}?)”|\"([^\"\n]{3,}?)\"")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the direct quotes in `text`, quote marks included."""
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text)]


def find_quotes(sdoc, doc_id: str, cues: list[Cue], chrome=()) -> list[Quote]:
    """Direct quotes of a few words or more, each with the speaker of the nearest cue."""
    sents = sentences(sdoc)
    quotes: list[Quote] = []
    last_end, last_speaker = -10, None
    for m in _QUOTE.finditer(doc_text(sdoc)):
        body = m.group(1) or m.group(2) or ""
        if len(body.split()) < 4 or any(s < m.end() and m.start() < e for s, e in chrome):
            continue
        speaker = _speaker_for(m.start(), m.end(), cues, sents)
        if speaker is None and m.start() - last_end <= 3:
            speaker = last_speaker  # a quote running on from the previous one
        quotes.append(
            Quote(
                id=content_id("q", doc_id, m.start(), m.end()),
                doc_id=doc_id,
                start=m.start(),
                end=m.end(),
                text=m.group(0),
                speaker=speaker,
            )
        )
        last_end, last_speaker = m.end(), speaker
    return quotes


def _speaker_for(start: int, end: int, cues: list[Cue], sents) -> str | None:
    best, best_d = None, 10**9
    for cue in cues:
        if not cue.speaker:
            continue
        sent = sents[cue.sentence]
        if not (sent.start_char <= end + 2 and start <= sent.end_char + 2):
            continue
        if start <= cue.start and cue.end <= end:
            continue
        d = start - cue.end if cue.end <= start else cue.start - end
        if d < best_d:
            best, best_d = cue.source, d
    return best
