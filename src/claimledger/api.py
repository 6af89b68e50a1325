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
from .models import Claim, Corpus, Event, Fact, Relation, Skipped


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

    def skipped(self) -> list[Skipped]:
        """Inputs that could not be read, each with its reason (the run went on without them)."""
        return list(self.corpus.skipped)

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
    inputs: str | Path | Sequence[str | Path],
    settings: Settings | None = None,
    *,
    db: str | Path | None = None,
    scheduler: str | None = None,
    **options: Any,
) -> Ledger:
    """Analyse articles into a Ledger; with `db`, also keep them in a SQLite store.

    `inputs` is one input or a list of them: files, folders, glob patterns, URLs, .jsonl
    files, or "-" for stdin. Inputs that cannot be read are left out and listed by
    `Ledger.skipped()`. Settings fields may be given as keywords instead of a Settings
    object: `analyze("articles/", model="en_core_web_md")`.
    Raises ModelNotInstalled, LexiconError or StoreError (all ClaimledgerError) when the
    run cannot start.
    """
    from dataclasses import replace

    from .pipeline import analyze as run

    # A lone string is one input, not a sequence of one-character paths.
    if isinstance(inputs, str | Path):
        inputs = [inputs]
    if options:
        settings = replace(settings or Settings(), **options)
    if db is None:
        return Ledger(run(inputs, settings, scheduler=scheduler))
    from .store import Store

    with Store.open(db) as store:
        return Ledger(run(inputs, settings, store=store, scheduler=scheduler))
