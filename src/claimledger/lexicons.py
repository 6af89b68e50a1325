"""Reading the YAML lexicons in claimledger/data and users' --lexicon-dir folders.

Every stage keeps its knowledge (chrome phrases, actors, reporting verbs, measures) in YAML
files that users extend; this module is the one place that finds and parses them, so a
broken user file fails the same way wherever it is read: a LexiconError naming the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import yaml

from .errors import LexiconError

# libyaml's loader when PyYAML was built with it: the same documents, parsed ~10x faster
# (the bundled lexicons are read in every worker process; pure-Python parsing of them was
# seconds of each run). Its errors carry the same marks for the messages users see.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_mapping(label: str, text: str, expected: str = "a mapping at the top level") -> dict:
    """Parse one YAML document that must be a mapping (an empty file is an empty one)."""
    try:
        data = yaml.load(text, Loader=_LOADER) or {}
    except yaml.YAMLError as e:
        raise LexiconError(label, f"not valid YAML ({e})") from e
    if not isinstance(data, dict):
        raise LexiconError(label, f"expected {expected}")
    return data


def read_mapping(path: Path, expected: str = "a mapping at the top level") -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise LexiconError(str(path), f"cannot be read ({e})") from e
    return parse_mapping(str(path), text, expected)


def bundled(name: str, expected: str = "a mapping at the top level") -> tuple[str, dict]:
    """(label, data) of a lexicon shipped in claimledger/data."""
    res = resources.files("claimledger") / "data" / name
    return str(res), parse_mapping(str(res), res.read_text(encoding="utf-8"), expected)


def sources(
    name: str, dirs: Iterable[Path] = (), expected: str = "a mapping at the top level"
) -> list[tuple[str, dict]]:
    """The bundled `name`, then the same file name in each user folder that has one."""
    found = [bundled(name, expected)]
    for folder in dirs:
        path = Path(folder) / name
        if path.is_file():
            found.append((str(path), read_mapping(path, expected)))
    return found
