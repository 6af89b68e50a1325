"""Read every quantity in a JSONL of sentences with claimledger's quantity layer
(extract/kinds.py find_quantities) and write them in the ledger's shape, so
../shared/eval/quantities/score_quantities.py scores them as it scores claims.

    .venv/bin/python bench/quantities_read.py input.jsonl out/quantities.json

The quantity layer reads every figure a sentence holds; the claim layer (what `analyze`
writes) keeps only those a claim can be made of, so ages, time references and the like
are scored here and not in the ledger. Units are written as the ledger writes them (a
currency by its ISO 4217 code), an age as "year of age"; a range gives both ends.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(inputs: Path, out: Path) -> None:
    from claimledger.config import Settings
    from claimledger.extract import find_quantities
    from claimledger.extract.kinds import AGE
    from claimledger.nlp import annotate, build_nlp

    settings = Settings()
    nlp = build_nlp(settings)
    rows = [json.loads(line) for line in inputs.read_text(encoding="utf-8").splitlines()]
    documents, claims = [], []
    texts = (row["text"] for row in rows)
    for n, sdoc in enumerate(annotate(nlp, texts, settings), start=1):
        documents.append({"id": str(n), "path": f"{inputs}:{n}"})
        for fig in find_quantities(sdoc):
            # an age is a length of time said of someone: "year of age", as the set names it
            unit = f"{fig.unit.rstrip('s')} of age" if fig.kind == AGE else fig.unit
            for value in (fig.value, fig.value_high):
                if value is None:
                    continue
                claims.append(
                    {
                        "doc": str(n),
                        "start": fig.start,
                        "value": value,
                        "unit": unit,
                        "counted": fig.counted,
                        "value_text": fig.text,
                        "kind": fig.kind,
                    }
                )
    out.write_text(json.dumps({"documents": documents, "claims": claims}), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
