"""The Python API: `claimledger.analyze(...)` returns a `Ledger` to query.

>>> import claimledger
>>> ledger = claimledger.analyze(["articles/"])          # doctest: +SKIP
>>> for fact in ledger.conflicts():                       # doctest: +SKIP
...     print(fact.measure, [c.value_text for c in ledger.claims_of(fact)])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import Settings
from .models import Claim, Corpus, Event, Fact, Relation


@dataclass(frozen=True, slots=True)
class Ledger:
    """Read-only view over one analysed corpus."""

    corpus: Corpus

    def facts(self, *, verdict: str | None = None) -> list[Fact]:
        """Fact dossiers, conflicts first, then by measure."""
        order = {"conflict": 0, "different_scope": 1, "agree": 2, "single": 3}
        facts = [f for f in self.corpus.facts if verdict is None or f.verdict == verdict]
        return sorted(facts, key=lambda f: (order.get(f.verdict, 9), f.measure, f.id))

    def conflicts(self) -> list[Fact]:
        return self.facts(verdict="conflict")

    def claims(self) -> list[Claim]:
        return [c for a in self.corpus.analyses for c in a.claims]

    def claims_of(self, fact: Fact) -> list[Claim]:
        wanted = set(fact.claim_ids)
        return [c for c in self.claims() if c.id in wanted]

    def relations(self) -> list[Relation]:
        return list(self.corpus.relations)

    def events(self) -> list[Event]:
        events = [e for a in self.corpus.analyses for e in a.events]
        return sorted(events, key=lambda e: (e.date, e.doc_id, e.start))

    def to_dict(self) -> dict[str, Any]:
        from .report.ledger import ledger_dict

        return ledger_dict(self.corpus)

    def write(self, out_dir: str | Path) -> dict[str, Path]:
        """Write ledger.json, CSV/graph exports and report.html into `out_dir`."""
        from .report import render

        return render(self.corpus, Path(out_dir))


def analyze(
    inputs: Sequence[str | Path],
    settings: Settings | None = None,
    *,
    db: str | Path | None = None,
    scheduler: str | None = None,
) -> Ledger:
    """Analyse articles into a Ledger; with `db`, also keep them in a SQLite store."""
    from .pipeline import analyze as run

    if db is None:
        return Ledger(run(inputs, settings, scheduler=scheduler))
    from .store import Store

    with Store.open(db) as store:
        return Ledger(run(inputs, settings, store=store, scheduler=scheduler))
