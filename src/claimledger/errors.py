"""Errors claimledger raises, all under one base class so callers can catch them together.

    ClaimledgerError
    ├── InputError                 an input cannot be turned into a document
    │   ├── UnreadableInput        missing, binary, undecodable, too large, not a file
    │   ├── NoArticleText          readable but holds no article text (empty, boilerplate)
    │   └── FetchError             a URL could not be fetched
    ├── ModelNotInstalled          the spaCy pipeline named by --model is not installed
    ├── LexiconError               a user data file (YAML) is malformed
    └── StoreError                 the SQLite store cannot be opened or written

In a batch, an InputError becomes a `Skipped(path, reason)` and the run goes on.
"""

from __future__ import annotations


class ClaimledgerError(Exception):
    """Base class of every error claimledger raises on purpose."""


class InputError(ClaimledgerError):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnreadableInput(InputError):
    """The input is missing, binary, undecodable, too large or not a regular file."""


class NoArticleText(InputError):
    """The input was read but holds no article text."""


class FetchError(InputError):
    """A URL could not be fetched (network error, HTTP status, size cap, wrong type)."""

    @property
    def url(self) -> str:
        return self.path


class ModelNotInstalled(ClaimledgerError):
    def __init__(self, model: str) -> None:
        super().__init__(
            f"spaCy pipeline {model!r} is not installed; install it "
            f"(e.g. `python -m spacy download {model}`) or pass --model with an installed one"
        )
        self.model = model


class LexiconError(ClaimledgerError):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"lexicon {path}: {reason}")
        self.path = path
        self.reason = reason


class StoreError(ClaimledgerError):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"store {path}: {reason}")
        self.path = path
        self.reason = reason
