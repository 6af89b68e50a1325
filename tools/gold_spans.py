#!/usr/bin/env python3
"""Turn a quote-based gold draft for real text into span-based gold the project may commit.

    python tools/gold_spans.py DRAFT.yaml --corpus ../shared/data/pages/03_derna_floods \\
        --out tests/corpus/real/pages/03_derna_floods.yaml

Real articles (../shared/data) may not be copied into the project, so their gold cites text
by character offsets (`span: [start, end]`) instead of `quote`, and a JSONL record by
`file: STORY.jsonl:N` with a `short` id (the form `../shared/eval/score.py` reads). An
annotator writes the draft with quotes, which is easier to check by eye, and keeps it outside
the repository; this tool finds every quote in its document, replaces it by its span and
writes the YAML and its JSON twin. A quote that occurs more than once needs `occurrence: K`
(1-based). Any mapping in the draft with a `quote` key is converted: claims, events,
distractors. Exit status 0 on success, 1 when a quote is missing or ambiguous.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

NBSP = "\u00a0"


def read_document(corpus: Path, name: str) -> str:
    """The text the tool analyses: a file's content, or the `text` of record N of a JSONL."""
    m = re.fullmatch(r"(.+\.jsonl):(\d+)", name)
    path = corpus / (m.group(1) if m else name)
    if not m:
        return path.read_text(encoding="utf-8")
    records = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return json.loads(records[int(m.group(2)) - 1])["text"]


def short_id(doc: dict) -> str:
    return doc.get("short") or doc["file"][:3]


def to_span(item: dict, texts: dict[str, str], problems: list[str]) -> dict:
    """The item with its `quote` replaced by the `span` it occupies in its document."""
    label = item.get("id") or item.get("date") or item["quote"][:40]
    text = texts.get(item.get("file"))
    if text is None:
        problems.append(f"{label}: no document with short id {item.get('file')!r}")
        return item
    plain, quote = text.replace(NBSP, " "), item["quote"].replace(NBSP, " ")
    starts = [m.start() for m in re.finditer(re.escape(quote), plain)]
    which = item.get("occurrence")
    if not starts:
        problems.append(f"{label}: quote not in {item['file']}: {item['quote']!r}")
        return item
    if len(starts) > 1 and which is None:
        problems.append(f"{label}: quote occurs {len(starts)} times; add occurrence: K")
        return item
    start = starts[(which or 1) - 1]
    out = {k: v for k, v in item.items() if k not in ("quote", "occurrence")}
    out["span"] = [start, start + len(quote)]
    return out


def convert(node, texts: dict[str, str], problems: list[str]):
    if isinstance(node, dict):
        node = {k: convert(v, texts, problems) for k, v in node.items()}
        return to_span(node, texts, problems) if "quote" in node else node
    if isinstance(node, list):
        return [convert(v, texts, problems) for v in node]
    return node


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("draft", type=Path, help="the quote-based draft (kept outside the repo)")
    ap.add_argument("--corpus", type=Path, required=True, help="folder holding the documents")
    ap.add_argument("--out", type=Path, required=True, help="gold YAML to write (+ .json twin)")
    args = ap.parse_args(argv)
    draft = yaml.safe_load(args.draft.read_text(encoding="utf-8"))
    texts = {short_id(d): read_document(args.corpus, d["file"]) for d in draft["documents"]}
    problems: list[str] = []
    gold = {k: convert(v, texts, problems) if k != "documents" else v for k, v in draft.items()}
    ids = [c["id"] for c in gold.get("claims") or []]
    problems += [f"claim id {i} used twice" for i in {i for i in ids if ids.count(i) > 1}]
    for rel in gold.get("relations") or []:
        problems += [
            f"relation names unknown claim {e}" for e in (rel["a"], rel["b"]) if e not in ids
        ]
    for line in problems:
        print(f"gold_spans: {line}", file=sys.stderr)
    if problems:
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    header = "".join(
        line + "\n"
        for line in args.draft.read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    )
    body = yaml.safe_dump(gold, sort_keys=False, allow_unicode=True, width=100)
    args.out.write_text(header + body, encoding="utf-8")
    args.out.with_suffix(".json").write_text(
        json.dumps(gold, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {args.out} and its .json twin ({len(ids)} claims)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
