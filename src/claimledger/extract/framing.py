"""How a mention frames its actor: the label the ledger shows next to each mention.

    neutral     the actor's own name, official name or code ("Iran", "Republic of Azerbaijan")
    metonym     a capital, seat or organ of power for the state ("Tehran", "the Kremlin")
    pejorative  name-calling or delegitimising ("Zionist regime", scare-quoted “Israel”)
    epithet     a descriptive alternative name ("the Jewish state", "the Islamic Republic")

The decision is made by the pipeline's framing component (nlp/components/framing.py), which
sees the gazetteer entry and the text around it; this module reads it off a span and gives
mentions the NER found outside the gazetteer their default.
"""

from __future__ import annotations

from typing import get_args

from ..models import Framing

FRAMINGS: tuple[str, ...] = get_args(Framing)


def framing_of(span) -> Framing:
    """The framing of an actor span, "neutral" for spans no framing component has seen."""
    value = getattr(span._, "cl_framing", None) if span.has_extension("cl_framing") else None
    if value is None and span.has_extension("cl_alias_framing"):
        value = span._.cl_alias_framing
    return value if value in FRAMINGS else "neutral"
