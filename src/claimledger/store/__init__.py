"""SQLite store: save analyses as they finish, resume runs, feed the web UI.

    with Store.open("ledger.db") as store:
        store.save_analysis(analysis)
        corpus = store.load_corpus()

The schema, one comment per table, is in `schema.sql` (see docs/SCHEMA.md).
"""

from __future__ import annotations

from .queries import SearchHit
from .sqlite import SCHEMA_VERSION, Store

__all__ = ["SCHEMA_VERSION", "SearchHit", "Store"]
