#!/usr/bin/env python3
"""All BASIL stories in one batch: do facts and relations stay within one story?

    .venv/bin/claimledger analyze ../shared/data/basil/stories --out /tmp/b77
    python3 tools/basil_batch.py /tmp/b77/ledger.json

Each JSONL file of ../shared/data/basil is one story told by three outlets, so a fact (or a
relation) joining claims of two files joins two stories. Prints those counts, how the batch
was grouped into stories, and the ten largest facts with their verdicts and labels.
"""

from __future__ import annotations

import collections
import json
import sys


def main(path: str) -> int:
    with open(path, encoding="utf-8") as fh:
        ledger = json.load(fh)
    story = {d["id"]: str(d.get("path", "")).rsplit(":", 1)[0] for d in ledger["documents"]}
    doc = {c["id"]: c["doc"] for c in ledger["claims"]}
    facts = ledger.get("facts", [])
    mixed = [f for f in facts if len({story[doc[i]] for i in f["claim_ids"] if i in doc}) > 1]
    cross = [r for r in ledger["relations"] if story[doc[r["a"]]] != story[doc[r["b"]]]]
    types = collections.Counter(r["type"] for r in ledger["relations"])
    files = len(set(story.values()))
    print(
        f"{len(ledger['documents'])} documents from {files} story files -> "
        f"{len(ledger.get('stories', []))} stories found"
    )
    print(f"{len(ledger['claims'])} claims, {len(facts)} facts, relations {dict(types)}")
    print(f"facts joining two story files: {len(mixed)}; relations across files: {len(cross)}")
    print("ten largest facts:")
    for f in sorted(facts, key=lambda f: -len(f["claim_ids"]))[:10]:
        files_of = {story[doc[i]].rsplit("/", 1)[-1][:19] for i in f["claim_ids"] if i in doc}
        print(
            f"  {len(f['claim_ids']):3} claims  {f['verdict']:15} {f.get('label') or f['measure']!s:45}"
            f" {sorted(files_of)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
