#!/usr/bin/env python3
"""Convert a gold annotation YAML file to its JSON twin (what `score.py` reads).

    python tools/gold_to_json.py examples/gold.yaml            # writes examples/gold.json
    python tools/gold_to_json.py tests/corpus/grain/gold.yaml -o /tmp/grain.json
    python tools/gold_to_json.py examples/gold.yaml --check     # is gold.json up to date?

The JSON twin exists so the scorer needs only the standard library. Before writing, every
`quote` is checked against its file, because the scorer stops at the first quote it cannot
find and a typo is cheaper to catch here. Exit status 0 on success, 1 on a bad gold file
or, with --check, a stale JSON twin.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

NBSP = "\u00a0"


def load(path: Path) -> dict:
    try:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SystemExit(f"gold_to_json: cannot read {path}: {exc}") from exc
    if not isinstance(gold, dict) or "documents" not in gold:
        raise SystemExit(f"gold_to_json: {path} has no `documents` list; is it a gold file?")
    return gold


def problems(gold: dict, corpus: Path) -> list[str]:
    """Quotes that are not exact substrings of their file, unknown file prefixes, bad ids."""
    found: list[str] = []
    texts: dict[str, str] = {}
    for doc in gold["documents"]:
        file = corpus / doc["file"]
        if not file.exists():
            found.append(f"document file missing: {file}")
            continue
        texts[doc["file"][:3]] = file.read_text(encoding="utf-8").replace(NBSP, " ")
    ids = set()
    for kind in ("claims", "events"):
        for item in gold.get(kind) or []:
            short = item["file"]
            label = item.get("id") or item.get("date")
            if short not in texts:
                found.append(f"{kind[:-1]} {label}: no document with prefix {short!r}")
            elif item["quote"].replace(NBSP, " ") not in texts[short]:
                found.append(f"{kind[:-1]} {label}: quote not in {short}: {item['quote']!r}")
            if kind == "claims":
                if label in ids:
                    found.append(f"claim id {label} used twice")
                ids.add(label)
    for rel in gold.get("relations") or []:
        for end in (rel["a"], rel["b"]):
            if end not in ids:
                found.append(f"relation {rel['a']} ~ {rel['b']}: unknown claim id {end}")
    for canon, forms in (gold.get("aliases") or {}).items():
        for form in forms:
            for short in form["files"]:
                if short not in texts:
                    found.append(f"alias {form['surface']!r} of {canon}: no document {short!r}")
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path, help="the gold YAML file")
    ap.add_argument("-o", "--out", type=Path, help="JSON path (default: beside it, .json)")
    ap.add_argument(
        "--corpus", type=Path, help="folder holding the gold's files (default: the gold's folder)"
    )
    ap.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if the JSON twin is stale"
    )
    args = ap.parse_args(argv)
    gold = load(args.gold)
    found = problems(gold, args.corpus or args.gold.parent)
    for line in found:
        print(f"gold_to_json: {line}", file=sys.stderr)
    if found:
        return 1
    out = args.out or args.gold.with_suffix(".json")
    text = json.dumps(gold, indent=2, ensure_ascii=False) + "\n"
    if args.check:
        if not out.exists() or out.read_text(encoding="utf-8") != text:
            print(
                f"gold_to_json: {out} is stale; run: python tools/gold_to_json.py {args.gold}",
                file=sys.stderr,
            )
            return 1
        return 0
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
