"""The lexicons extract/ reads: units, reporting verbs, hedges (YAML files in claimledger/data).

Loaded once per process; the pipeline's spaCy components never see them, so a user who
extends a lexicon file only has to re-run extract.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from ..errors import LexiconError


@cache
def load(name: str) -> dict[str, Any]:
    """The bundled lexicon `name` (e.g. "units") as a dict."""
    resource = resources.files("claimledger") / "data" / f"{name}.yaml"
    try:
        data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise LexiconError(str(resource), f"cannot be read as YAML ({e})") from e
    if not isinstance(data, dict):
        raise LexiconError(str(resource), "must hold a mapping at the top level")
    return data


@cache
def words(name: str, key: str) -> frozenset[str]:
    """One list of a lexicon, lowercased, as a set."""
    return frozenset(str(w).lower() for w in load(name).get(key) or ())
