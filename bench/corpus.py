"""A benchmark corpus of any size from the real articles in ../shared: the BASIL stories
(JSONL, three outlets per story) and the PTC articles (plain text), replicated with a unique
suffix per copy so content hashing keeps every copy as its own document.

    from corpus import write_corpus
    path = write_corpus(Path("/tmp/bench"), 1000)   # -> /tmp/bench/articles-1000.jsonl

The texts stay outside the repository: they are read from ../shared at run time and
written to a temporary folder.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def real_records(shared: Path = SHARED) -> list[dict]:
    """Every real article as a JSONL record (text, and title/outlet/date when known)."""
    records: list[dict] = []
    for story in sorted((shared / "basil" / "stories").glob("*.jsonl")):
        for line in story.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                keep = ("text", "title", "outlet", "published")
                records.append({k: record[k] for k in keep if record.get(k)})
    for article in sorted((shared / "ptc" / "articles").glob("*.txt")):
        text = article.read_text(encoding="utf-8")
        records.append({"text": text, "title": text.split("\n", 1)[0].strip()})
    if not records:
        raise SystemExit(f"no articles under {shared}: the bench needs ../shared/data")
    return records


def replicated(records: list[dict], n: int) -> Iterator[dict]:
    """`n` records, cycling through `records`; copies after the first get a suffix line."""
    for i in range(n):
        record = dict(records[i % len(records)])
        copy = i // len(records)
        if copy:
            record["text"] = f"{record['text'].rstrip()}\n\nCopy {copy}.\n"
        yield record


def write_corpus(folder: Path, n: int, shared: Path = SHARED) -> Path:
    """Write (once) a JSONL file of `n` articles in `folder` and return its path."""
    path = folder / f"articles-{n}.jsonl"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as out:
            for record in replicated(real_records(shared), n):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        tmp.rename(path)
    return path


def texts(path: Path) -> list[str]:
    """The article texts of a corpus file, for bare nlp.pipe."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]
