"""claimledger: turn news articles about one story into a ledger of who claims what, citing
whom, where sources agree and where their numbers conflict.

The package imports nothing heavy: spaCy and friends load when a stage first needs them.
"""

from .api import Ledger, analyze
from .config import Settings
from .errors import ClaimledgerError
from .models import Analysis, Claim, Corpus, Document, Entity, Event, Fact, Mention, Relation

__all__ = [
    "Analysis",
    "Claim",
    "ClaimledgerError",
    "Corpus",
    "Document",
    "Entity",
    "Event",
    "Fact",
    "Ledger",
    "Mention",
    "Relation",
    "Settings",
    "analyze",
]
__version__ = "0.1.0"
