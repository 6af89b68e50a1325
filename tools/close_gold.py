#!/usr/bin/env python3
"""Write out the relations a gold file's own relations imply, so the scorer counts them.

    python tools/close_gold.py tests/corpus/real/pages/02_iran_nov2019_protests.yaml
    python tools/close_gold.py tests/corpus/real/*/*.yaml --check   # all written out?

Gold names the pairs an annotator compared; it often leaves out pairs its own relations
settle. Two claims that agree on one figure are one fact, so every claim of that fact
agrees with every other, and a conflict between two facts holds between each claim of one
and each claim of the other (CONVENTIONS: agree = the same fact, equal within the stated
precision; conflict = the same fact, values that differ). Agreement within qualifiers
("over 100" and 103) does not chain: "over 100" also agrees with 110, which 103 does not.
The scorer counts any predicted conflict on a pair gold does not call a conflict as false,
so a gold that leaves implied conflicts out scores a tool that finds them as wrong. Only
pairs of claims in different articles are added (CONVENTIONS: relations are between
articles), never one gold already relates; each added relation says which two it follows
from, and an implied conflict keeps the `accept` list of the conflict it follows from.
Appended to the YAML as text (comments kept) and written to its JSON twin. Exit 1 with
--check when a file lacks implied relations.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml


def implied(gold: dict) -> list[dict]:
    """Relations implied by the gold's agree and conflict relations, not yet in it."""
    file_of = {c["id"]: c.get("file") for c in gold.get("claims", [])}
    relations = gold.get("relations") or []
    parent = {cid: cid for cid in file_of}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    value = {c["id"]: (c.get("value"), c.get("value_high")) for c in gold.get("claims", [])}
    for r in relations:
        # only one figure given twice is one fact for certain: "over 100" agrees with 103
        # and with 110, which do not agree with each other
        known_pair = r["a"] in parent and r["b"] in parent
        if r["type"] == "agree" and known_pair and value[r["a"]] == value[r["b"]]:
            parent[root(r["a"])] = root(r["b"])
    groups: dict[str, list[str]] = {}
    for cid in file_of:
        groups.setdefault(root(cid), []).append(cid)
    known = {frozenset((r["a"], r["b"])) for r in relations}
    added: list[dict] = []

    def add(a: str, b: str, kind: str, why: str, accept=None) -> None:
        pair = frozenset((a, b))
        if a != b and file_of[a] != file_of[b] and pair not in known:
            known.add(pair)
            found = {"a": a, "b": b, "type": kind, "note": why}
            added.append(found | ({"accept": list(accept)} if accept else {}))

    for members in groups.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                add(a, b, "agree", "implied: one fact by the agree relations")
    for r in relations:
        if r["type"] != "conflict" or r["a"] not in parent or r["b"] not in parent:
            continue
        for a in groups[root(r["a"])]:
            for b in groups[root(r["b"])]:
                add(a, b, "conflict", f"implied by {r['a']} ~ {r['b']}", r.get("accept"))
    return added


def as_yaml(relations: list[dict]) -> str:
    lines = ["# implied by the relations above (tools/close_gold.py)"]
    for r in relations:
        lines += [f"- a: {r['a']}", f"  b: {r['b']}", f"  type: {r['type']}"]
        lines += [f"  accept: [{', '.join(r['accept'])}]"] if "accept" in r else []
        lines += [f"  note: {json.dumps(r['note'])}"]
    return "\n".join(lines) + "\n"


def close(path: Path) -> int:
    """Append the implied relations to `path`; returns how many."""
    text = path.read_text(encoding="utf-8")
    added = implied(yaml.safe_load(text))
    if not added:
        return 0
    lines = text.splitlines(keepends=True)
    keys = [i for i, line in enumerate(lines) if line[:1].isalpha() and ":" in line]
    start = next(i for i in keys if lines[i].startswith("relations:"))
    end = next((i for i in keys if i > start), len(lines))
    if lines[end - 1 : end] and not lines[end - 1].endswith("\n"):
        lines[end - 1] += "\n"
    lines.insert(end, as_yaml(added))
    text = "".join(lines)
    path.write_text(text, encoding="utf-8")
    twin = path.with_suffix(".json")
    if twin.exists():  # the JSON the scorer reads, written as gold_spans.py writes it
        gold = yaml.safe_load(text)
        twin.write_text(json.dumps(gold, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(added)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path, nargs="+", help="gold YAML files")
    ap.add_argument("--check", action="store_true", help="only report files that lack some")
    args = ap.parse_args(argv)
    missing = 0
    for path in args.gold:
        if args.check:
            n = len(implied(yaml.safe_load(path.read_text(encoding="utf-8"))))
            missing += n
        else:
            n = close(path)
        if n:
            print(f"{path}: {n} implied relation(s) {'missing' if args.check else 'added'}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
