"""Time of `analyze` on pathological one-line inputs at two sizes: it must grow with the size
(issue 12: "40% " x 8,000 on one line took 17 s, a 500k-character token hung a regex).

    .venv/bin/python bench/pathological_bench.py [--scale 10]

Each input is one article holding one unbroken line, analysed in this process with the
pipeline loaded once. Prints seconds at the small and the large size and their ratio; for a
size ratio of 10 the target is a time ratio <= 12 (linear, with some noise).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# name -> (unit repeated on the line, repeats at the small size); a unit of "" means one
# token of that many characters.
CASES = {
    "percent figures": ("40% ", 5_000),
    "figures in clauses": ("exports rose 40% and ", 1_000),
    "one lower-case token": ("a", 50_000),
    "one capitalised token": ("A", 50_000),
    "initials and dots": ("A.", 25_000),
    "bracketed capitals": ("Aa (AB) ", 5_000),
}


def line(unit: str, repeats: int) -> str:
    return "Prices rose sharply this year.\n" + unit * repeats + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=int, default=10, help="large size / small size")
    ap.add_argument("--only", nargs="*", help="case names to run (default: all)")
    args = ap.parse_args()

    from claimledger.config import Settings
    from claimledger.pipeline import analyze

    settings = Settings()
    analyze([str(next((ROOT / "examples").glob("*.txt")))], settings)  # loads the pipeline
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, (unit, small) in CASES.items():
            if args.only and name not in args.only:
                continue
            seconds = []
            for k, repeats in enumerate((small, small * args.scale)):
                path = Path(tmp) / f"{len(seconds)}-{k}-{abs(hash(name))}.txt"
                path.write_text(line(unit, repeats), encoding="utf-8")
                t0 = time.perf_counter()
                analyze([str(path)], settings)
                seconds.append(time.perf_counter() - t0)
            ratio = seconds[1] / seconds[0]
            worst = max(worst, ratio)
            chars = len(unit) * small
            print(
                f"{name}: {chars:,} chars {seconds[0]:.2f} s, {chars * args.scale:,} chars"
                f" {seconds[1]:.2f} s, ratio {ratio:.1f}",
                flush=True,
            )
    print(f"worst ratio {worst:.1f} for {args.scale}x the size (target <= {1.2 * args.scale:g})")


if __name__ == "__main__":
    main()
