"""Score `ingest` + `inspect` outlets, wires and dates against the hand-checked list in
pages_meta.yaml (the real saved pages, the seeds and a PTC sample in ../shared).

    .venv/bin/python tests/ingest/score_pages.py [--shared ../shared] [--show]

Prints one row per group (held-out stories first, then the development pages, the seeds and
the PTC sample): outlet accuracy, date accuracy, dates wrong (a wrong date, worse than none),
dates missed, and wire recall. test_pages_meta.py holds the floors.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from claimledger.config import Settings
from claimledger.ingest import ingest, inspect
from claimledger.models import Document

HERE = Path(__file__).parent
DEFAULT_SHARED = HERE.parents[1].parent / "shared"
FOLDERS = {"pages": "data/pages", "seeds": "seeds", "ptc": "data/ptc/articles"}


def squash(name: str | None) -> str | None:
    """Names compared by their letters and digits only: "RFE/RL" == "rferl"."""
    return re.sub(r"[\W_]+", "", name.casefold()) if name else None


@dataclass
class Score:
    group: str
    n: int = 0
    outlet_ok: int = 0
    date_ok: int = 0
    date_wrong: int = 0
    date_missed: int = 0
    wires: int = 0
    wire_ok: int = 0
    misses: list[str] = field(default_factory=list)

    def row(self) -> str:
        wire = f"{self.wire_ok}/{self.wires}" if self.wires else "-"
        return (
            f"{self.group:<10} {self.n:>4} {self.outlet_ok / self.n:>7.2f} "
            f"{self.date_ok / self.n:>6.2f} {self.date_wrong:>6} {self.date_missed:>7} {wire:>6}"
        )

    @property
    def outlet_accuracy(self) -> float:
        return self.outlet_ok / self.n

    @property
    def date_accuracy(self) -> float:
        return self.date_ok / self.n


def load_gold() -> dict:
    return yaml.safe_load((HERE / "pages_meta.yaml").read_text(encoding="utf-8"))


def _read(path: Path) -> Document:
    (document,) = ingest([path], Settings())
    assert isinstance(document, Document), document
    return document


def score(shared: Path) -> list[Score]:
    gold = load_gold()
    heldout = set(gold["heldout"])
    scores = {g: Score(g) for g in ("heldout", "pages", "seeds", "ptc")}
    for kind, folder in FOLDERS.items():
        for name, want in gold[kind].items():
            group = "heldout" if kind == "pages" and name.split("/")[0] in heldout else kind
            _score_one(scores[group], name, want, _read(shared / folder / name))
    return list(scores.values())


def _score_one(s: Score, name: str, want: dict, document: Document) -> None:
    meta = inspect(document, Settings())
    s.n += 1
    outlets = {squash(o) for o in [want.get("outlet"), *want.get("accept", [])]}
    if squash(meta.outlet) in outlets:
        s.outlet_ok += 1
    else:
        s.misses.append(f"{name}: outlet {meta.outlet!r}, want {want.get('outlet')!r}")
    dates = {want.get("date"), *want.get("also", [])}
    if meta.published in dates:
        s.date_ok += 1
    elif meta.published is None:
        s.date_missed += 1
        s.misses.append(f"{name}: no date, want {want.get('date')}")
    else:
        s.date_wrong += 1
        s.misses.append(
            f"{name}: date {meta.published} ({meta.published_evidence!r}), want {want.get('date')}"
        )
    if want.get("wire"):
        s.wires += 1
        wire = getattr(meta, "wire", None)
        if squash(wire) == squash(want["wire"]):
            s.wire_ok += 1
        else:
            s.misses.append(f"{name}: wire {wire!r}, want {want['wire']!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--show", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    scores = score(args.shared)
    print(
        f"{'group':<10} {'n':>4} {'outlet':>7} {'date':>6} {'wrong':>6} {'missed':>7} {'wire':>6}"
    )
    for s in scores:
        print(s.row())
        if args.show:
            for miss in s.misses:
                print("   ", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
