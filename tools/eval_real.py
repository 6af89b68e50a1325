#!/usr/bin/env python3
"""Score claimledger on the real stories whose gold is in tests/corpus/real/, story by story.

    .venv/bin/python tools/eval_real.py                      # every story with gold
    .venv/bin/python tools/eval_real.py --only 05_turkey     # stories whose name holds this
    .venv/bin/python tools/eval_real.py --json out.json -v   # keep the per-story figures, misses

Each story is analysed on its own into a fresh folder (pages: the story's folder; BASIL: the
story's JSONL), then scored by ../shared/eval/score.py against its gold. The table gives
each story's figures and the macro-average over the development stories and, apart, over
the held-out stories named in docs/EVALUATION.md (see HELD_OUT below), because only the
held-out ones say how the tool does on text nobody tuned it on.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "tests" / "corpus" / "real"
# chosen at random before any gold was written (docs/EVALUATION.md)
HELD_OUT = {
    "01_makiivka_strike",
    "02_iran_nov2019_protests",
    "03_derna_floods",
    "2012-10-12_b5eefefb",
    "2014-01-22_ccf19ab6",
    "2018-04-06_06ffda2d",
    "2019-01-25_1e41e98b",
    # gold written in the fourth round, after every change so far: never tuned on
    "2017-03-22_47a209b0",
    "2017-11-17_542cd22c",
    # gold written in the fifth round by annotators who never ran the tool on them
    "2010-05-17_85475456",
    "2012-04-23_f11c2566",
    "2018-12-20_01c59743",
    "2019-01-25_aab91277",
}
METRICS = (
    "claim_recall",
    "conflict_recall",
    "conflict_precision_on_gold_claims",
    "non_conflict_respected",
    "agree_recall",
    "claim_actors_acc",
    "claim_period_acc",
    "claim_source_acc",
    "claim_hedge_acc",
    "alias_resolution",
    "date_accuracy",
    "outlet_accuracy",
)
SHORT = {
    "claim_recall": "recall",
    "conflict_recall": "confl",
    "conflict_precision_on_gold_claims": "c.prec",
    "non_conflict_respected": "nonconf",
    "agree_recall": "agree",
    "claim_actors_acc": "actors",
    "claim_period_acc": "period",
    "claim_source_acc": "source",
    "claim_hedge_acc": "hedge",
    "alias_resolution": "alias",
    "date_accuracy": "date",
    "outlet_accuracy": "outlet",
}


def stories(only: str | None) -> list[tuple[str, Path, Path]]:
    """(name, gold json, corpus input) for every story with gold."""
    found = []
    for gold in sorted(GOLD.glob("*/*.json")):
        name, kind = gold.stem, gold.parent.name
        if only and only not in name:
            continue
        if kind == "pages":
            corpus = SHARED / "data" / "pages" / name
            found.append((name, gold, corpus, corpus))
        else:
            corpus = SHARED / "data" / "basil" / "stories"
            found.append((name, gold, corpus, corpus / f"{name}.jsonl"))
    return found


def run_story(
    name: str, gold: Path, corpus: Path, inputs: Path, verbose: bool, keep: Path | None = None
) -> dict:
    with tempfile.TemporaryDirectory(prefix=f"eval-{name}-") as tmp:
        out = str(keep / name) if keep else tmp
        if keep:
            shutil.rmtree(out, ignore_errors=True)
        env = dict(os.environ, OMP_NUM_THREADS="1")
        cli = ROOT / ".venv" / "bin" / "claimledger"
        done = subprocess.run(
            [str(cli), "analyze", str(inputs), "--out", out],
            capture_output=True,
            text=True,
            env=env,
        )
        ledger = Path(out) / "ledger.json"
        if not ledger.exists():
            print(f"{name}: analyze failed: {done.stderr.strip()[-400:]}", file=sys.stderr)
            return {}
        args = [sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(gold)]
        args += ["--corpus", str(corpus), "--ledger", str(ledger)] + (["-v"] if verbose else [])
        scored = subprocess.run(args, capture_output=True, text=True)
        text = scored.stdout
        figures = json.loads(text[: text.index("\n}") + 2])
        if verbose:
            misses = [line for line in text.splitlines() if line.startswith("  miss:")]
            figures["misses_list"] = misses
        return figures


def mean(rows: list[dict], key: str) -> float | None:
    values = [r[key] for r in rows if r.get(key) is not None]
    return round(sum(values) / len(values), 3) if values else None


def table(results: dict[str, dict]) -> str:
    head = f"{'story':34} " + " ".join(f"{SHORT[m]:>7}" for m in METRICS) + "   n.conf"
    lines = [head]

    def row(label: str, values: dict) -> str:
        cells = " ".join(
            f"{values.get(m):>7}" if values.get(m) is not None else f"{'-':>7}" for m in METRICS
        )
        return f"{label:34} {cells}   {values.get('conflicts_predicted', '')}"

    for name, r in results.items():
        lines.append(row(("* " if name in HELD_OUT else "  ") + name, r))
    for label, group in (
        ("MEAN development", [r for n, r in results.items() if n not in HELD_OUT]),
        ("MEAN held out (*)", [r for n, r in results.items() if n in HELD_OUT]),
    ):
        if group:
            lines.append(row(label, {m: mean(group, m) for m in METRICS}))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="score only stories whose name holds this text")
    ap.add_argument("--json", type=Path, help="write the per-story figures here")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    ap.add_argument("--keep", type=Path, help="keep each story's ledger in KEEP/STORY/")
    args = ap.parse_args(argv)
    results: dict[str, dict] = {}
    for name, gold, corpus, inputs in stories(args.only):
        results[name] = run_story(name, gold, corpus, inputs, args.verbose, args.keep)
        if args.verbose:
            for line in results[name].pop("misses_list", []):
                print(f"{name}: {line.strip()}")
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
