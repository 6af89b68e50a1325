#!/usr/bin/env python3
"""How well story grouping (reconcile/stories.py) splits a batch that mixes real stories.

    .venv/bin/python tools/eval_stories.py

Clusters, in one batch, the 77 BASIL stories (three outlets each, dated by their records)
and the 8 stories of ../shared/data/pages (undated excerpts), and prints pairwise precision
(two documents put together are of one story) and recall (two documents of one story are
put together), and the stories split or merged.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections import Counter
from pathlib import Path

from claimledger.reconcile.stories import StoryDoc, group_stories

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def batch() -> tuple[list[StoryDoc], dict[str, str]]:
    docs, truth = [], {}
    for path in sorted((SHARED / "pages").glob("*/*.txt")):
        doc_id = f"{path.parent.name}/{path.name}"
        docs.append(StoryDoc(doc_id=doc_id, text=path.read_text(encoding="utf-8")))
        truth[doc_id] = path.parent.name
    for path in sorted((SHARED / "basil" / "stories").glob("*.jsonl")):
        lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        for n, line in enumerate(lines, 1):
            record = json.loads(line)
            doc_id = f"{path.name}:{n}"
            text = f"{record.get('title') or ''}\n\n{record['text']}"
            docs.append(StoryDoc(doc_id=doc_id, text=text, published=record.get("published")))
            truth[doc_id] = path.name
    return docs, truth


def main() -> int:
    docs, truth = batch()
    found = group_stories(docs).story_of
    pairs = list(itertools.combinations(truth, 2))
    same = {(a, b) for a, b in pairs if truth[a] == truth[b]}
    together = {(a, b) for a, b in pairs if found[a] == found[b]}
    hit = len(same & together)
    stories = len(set(truth.values()))
    merged = sum(1 for n in Counter(found.values()).values() if n > 0) - stories
    split = sum(
        1 for s in set(truth.values()) if len({found[d] for d in truth if truth[d] == s}) > 1
    )
    print(f"{len(docs)} documents, {stories} stories -> {len(set(found.values()))} groups")
    print(f"pairwise precision {hit / max(1, len(together)):.3f}, recall {hit / len(same):.3f}")
    print(f"stories split: {split}; groups minus stories: {merged}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
