"""HTML pages: claimledger against htmldate and trafilatura, each in its best settings, on the
peers' own evaluation pages (../shared/data/html, README there).

    .venv/bin/python bench/html_bench.py [--shared ../shared] [--limit N] [--show] [--halves]

Prints one table: exact-day date accuracy over the pages with a gold date (and how many got
a date at all, and how many a wrong one), main-text precision/recall/F1 over trafilatura's
`with`/`without` snippets (as its tests/eval_common.py counts them), pages refused (no text
or no answer at all), and for claimledger the share of pages whose outlet is wrong: neither
the page title, a social handle, the owner company, a date or a dateline (issue 9's
kinds), with the share that its domain does not spell and the pages with none.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SHARED = HERE.parents[1] / "shared"
_SPACE = re.compile(r"\s+")


@dataclass
class Tally:
    tool: str
    dated: int = 0  # pages with a gold date
    date_ok: int = 0
    date_given: int = 0
    date_wrong: int = 0
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    pages: int = 0
    refused: int = 0
    outlets: int = 0
    outlet_wrong: int = 0  # of the kinds issue 9 lists: a title, handle, owner, date, dateline
    outlet_unrelated: int = 0  # a name the domain does not spell (often right: "Mail Online")
    outlet_missing: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)
    halves: dict[int, list[int]] = field(default_factory=lambda: {0: [0, 0], 1: [0, 0]})

    def halves_row(self) -> str:
        """Date accuracy on each half of the pages (split by a hash of the file name): rules
        developed on one half are checked on the other."""
        return "  ".join(
            f"half {h}: {ok / n:.4f} ({ok}/{n})" for h, (n, ok) in self.halves.items() if n
        )

    def row(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.date_ok / self.dated if self.dated else 0.0
        text = (
            f"{p:6.3f} {r:6.3f} {f1:6.4f}" if self.tp + self.fn else f"{'-':>6} {'-':>6} {'-':>6}"
        )
        outlet = f"{self.outlet_wrong / self.outlets:8.1%}" if self.outlets else f"{'-':>8}"
        if self.outlets:
            outlet += (
                f" (unrelated to the domain {self.outlet_unrelated / self.outlets:.1%}, "
                f"none {self.outlet_missing})"
            )
        return (
            f"{self.tool:<12} {acc:6.4f} {self.date_given:>5}/{self.dated:<4} {self.date_wrong:>5} "
            f"{text} {self.refused:>4}/{self.pages:<4} {self.seconds:7.1f} {outlet}"
        )


def gold_date(value: str | None) -> str | None:
    """A gold date as YYYY-MM-DD; four in trafilatura's set are malformed ("2022-11-1",
    "2022-01.26", "2022-29-11"): read as the day they mean."""
    if not value:
        return None
    parts = [int(p) for p in re.split(r"[-.]", value.strip()[:10])]
    if len(parts) != 3:
        return None
    year, a, b = parts
    month, day = (b, a) if a > 12 else (a, b)
    return f"{year:04d}-{month:02d}-{day:02d}"


def load(shared: Path, limit: int | None) -> list[dict]:
    pages = []
    for kind in ("htmldate", "trafilatura"):
        folder = shared / "data" / "html" / kind
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        for url, item in sorted(gold.items(), key=lambda kv: kv[1]["file"]):
            path = folder / "pages" / item["file"]
            if path.is_file():
                pages.append({"set": kind, "url": url, "path": path, **item})
    return pages[:limit] if limit else pages


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def score_text(t: Tally, page: dict, text: str | None) -> None:
    if page["set"] != "trafilatura":
        return
    found = _normal(text or "")
    for snippet in page.get("with") or []:
        if _normal(snippet) in found:
            t.tp += 1
        else:
            t.fn += 1
    for snippet in page.get("without") or []:
        if _normal(snippet) in found:
            t.fp += 1
        else:
            t.tn += 1


def page_half(name: str) -> int:
    """0 or 1, by a hash of the page's file name (the same file in both sets, same half)."""
    return hashlib.sha256(name.encode()).digest()[0] % 2


def score_date(t: Tally, page: dict, date: str | None) -> None:
    want = gold_date(page.get("date"))
    if want is None:
        return
    t.dated += 1
    half = t.halves[page_half(page["path"].name)]
    half[0] += 1
    date = (date or "")[:10] or None
    if date:
        t.date_given += 1
    if date == want:
        t.date_ok += 1
        half[1] += 1
    elif date:
        t.date_wrong += 1
        t.misses.append(f"{page['path'].name}: date {date}, gold {want}")


def squash(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.casefold())


def outlet_right(outlet: str, page: dict) -> bool:
    """Right when it is the gold site name, or a name the page's domain spells: the
    domain's name part holds the name's letters (or the other way round), or its initials."""
    from claimledger.ingest.outlets import site_of

    name = squash(outlet)
    if page.get("sitename") and name == squash(page["sitename"]):
        return True
    site = site_of(page["url"])
    if site is None or not name:
        return False
    label = squash(site.label)
    host = squash(site.host)
    initials = "".join(w[0] for w in re.findall(r"\w+", outlet.casefold()))
    return (
        name in host
        or label in name
        or (len(initials) >= 2 and initials in label)
        or squash(site.domain) == name
    )


_OWNER = re.compile(r"\b(?:SA|AG|GmbH|Ltd|LLC|Inc|e\.\s?V|S\.p\.A|plc|Verlag)\b\.?")
_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\b(?:19|20)\d{2}\b")
_HANDLE = re.compile(r"@\w+|[A-Za-z][a-z0-9]+(?:[A-Z][a-z0-9]*)+")


def outlet_bad(outlet: str, page: dict) -> bool:
    """An outlet of one of the wrong kinds: the page title (or a sentence), a social handle,
    the owner company, a date, a dateline, a name with its tagline ("Name | Tagline")."""
    title = page.get("title") or ""
    return bool(
        (title and squash(outlet) == squash(title))
        or len(outlet.split()) > 6
        or re.search(r"[.!?](?:\s|$)", outlet)
        or _HANDLE.fullmatch(outlet)
        or _OWNER.search(outlet)
        or _DATE.search(outlet)
        or re.search(r"[|()]|\s[-–—]\s|[-–—]$", outlet)
    )


def run_claimledger(pages: list[dict], t: Tally) -> None:
    from claimledger.config import Settings
    from claimledger.ingest import ingest, inspect
    from claimledger.models import Document
    from claimledger.pipeline import analysis_text

    settings = Settings()
    for page in pages:
        [item] = list(ingest([page["path"]], settings))
        t.pages += 1
        if not isinstance(item, Document):
            t.refused += 1
            t.misses.append(f"{page['path'].name}: refused ({item.reason})")
            score_text(t, page, None)
            score_date(t, page, None)
            continue
        meta = inspect(item, settings)
        # the main text is what the analysis reads: the extracted text, page chrome blanked
        score_text(t, page, analysis_text(item, meta))
        score_date(t, page, meta.published)
        t.outlets += 1
        if not meta.outlet:
            t.outlet_missing += 1
        elif not outlet_right(meta.outlet, page):
            t.outlet_unrelated += 1
            if outlet_bad(meta.outlet, page):
                t.outlet_wrong += 1
                t.misses.append(f"{page['path'].name}: outlet {meta.outlet!r} ({page['url']})")


def run_htmldate(pages: list[dict], t: Tally) -> None:
    from htmldate import find_date

    for page in pages:
        html = page["path"].read_bytes()
        t.pages += 1
        try:
            date = find_date(html, original_date=True, extensive_search=True)
        except Exception:  # a refusal, whatever the library raises
            date = None
        score_date(t, page, date)


def run_trafilatura(pages: list[dict], t: Tally) -> None:
    import trafilatura

    for page in pages:
        html = page["path"].read_bytes()
        t.pages += 1
        try:
            # trafilatura's own benchmark setting: comments out, the fallback extractors on
            text = trafilatura.extract(html, include_comments=False)
            meta = trafilatura.extract_metadata(html)
        except Exception:
            text, meta = None, None
        if not text:
            t.refused += 1
        score_text(t, page, text)
        score_date(t, page, getattr(meta, "date", None))


TOOLS: dict[str, Callable[[list[dict], Tally], None]] = {
    "claimledger": run_claimledger,
    "htmldate": run_htmldate,
    "trafilatura": run_trafilatura,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--limit", type=int, help="only the first N pages (a quick look)")
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated")
    parser.add_argument("--show", action="store_true", help="list claimledger's misses")
    parser.add_argument(
        "--halves", action="store_true", help="date accuracy on each hash half of the pages"
    )
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)  # the libraries warn about every odd page
    pages = load(args.shared, args.limit)
    print(f"{len(pages)} pages from {args.shared / 'data' / 'html'}")
    print(
        f"{'tool':<12} {'date':>6} {'given':>10} {'wrong':>5} {'prec':>6} {'recall':>6} "
        f"{'F1':>6} {'refused':>9} {'seconds':>7} {'outlet wrong':>8}"
    )
    for name in args.tools.split(","):
        tally = Tally(name)
        start = time.perf_counter()
        TOOLS[name](pages, tally)
        tally.seconds = time.perf_counter() - start
        print(tally.row(), flush=True)
        if args.halves:
            print(f"{'':<12} {tally.halves_row()}", flush=True)
        if args.show and name == "claimledger":
            for miss in tally.misses:
                print("   ", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
