"""Property: whatever bytes, JSON or HTML reach ingest, no exception escapes; every input
becomes Documents (valid UTF-8 text that `inspect` reads) or Skipped lines with a reason."""

from __future__ import annotations

import datetime as dt
import json
import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimledger.config import Settings
from claimledger.ingest import ingest, inspect
from claimledger.models import Document, Skipped

SETTINGS = Settings()
# Bounded so the suite stays fast; `--hypothesis-seed` reruns a failure.
PROPERTY = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

_PLAIN = ["The", "council", "said", "on", "Monday", "that", "1,200", "people", "40%"]
_ODD_WORDS = [
    "\u201cquoted\u201d",
    "Caf\u00e9",
    "\u0416\u0438\u0442\u0435\u043b\u0438",
    "\u0642\u0627\u0644",
    "\x00",
    "\ufeff",
]
_WORDS = st.sampled_from([*_PLAIN, *_ODD_WORDS])
_PROSE = st.lists(_WORDS, min_size=0, max_size=40).map(" ".join)
_DATES = st.sampled_from(
    ["2024-02-30", "9999-12", "0000", "2024-13-01", "2023-05-04", "", "May 4, 2023", "2023"]
)
_ODD = st.sampled_from(["\\ud800", "\\udfff", "\\u0000", "\\u001b[31m", "\\n"])
_JSON_LEAF = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _PROSE
_JSON = st.recursive(
    _JSON_LEAF,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_PROSE, inner, max_size=4),
    max_leaves=12,
)


@st.composite
def _records(draw) -> bytes:
    """A JSONL line: a plausible record, random JSON, escapes JSON cannot hold as text, a
    deep nest, a huge number or broken bytes."""
    kind = draw(st.sampled_from(["record", "json", "escape", "deep", "huge", "bytes"]))
    if kind == "record":
        record = {"text": draw(_PROSE), "published": draw(_DATES), "title": draw(_PROSE)}
        return json.dumps(record).encode()
    if kind == "json":
        return json.dumps(draw(_JSON)).encode()
    if kind == "escape":
        return ('{"text": "A ' + draw(_ODD) + ' b", "title": "' + draw(_ODD) + '"}').encode()
    if kind == "deep":
        depth = draw(st.integers(1, 50_000))
        return b"[" * depth + b"]" * draw(st.integers(0, depth))
    if kind == "huge":
        return b'{"text": "x", "n": ' + b"9" * draw(st.integers(1, 6000)) + b"}"
    return draw(st.binary(max_size=200))


_TAGS = st.sampled_from(["div", "p", "span", "article", "b", "table", "td", "script", "!--"])


@st.composite
def _html(draw) -> bytes:
    nodes = draw(
        st.recursive(
            _PROSE,
            lambda inner: st.tuples(_TAGS, st.lists(inner, max_size=3)).map(
                lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0]}>"
            ),
            max_leaves=10,
        )
    )
    head = draw(st.sampled_from(["", "<!DOCTYPE html>", '<meta charset="utf-8">', "<?xml?>"]))
    depth = draw(st.sampled_from([0, 0, 300]))
    page = f"{head}<html><body>{'<div>' * depth}{nodes}{'</div>' * depth}</body></html>"
    data = page.encode(draw(st.sampled_from(["utf-8", "utf-16", "latin-1"])), errors="replace")
    return data + draw(st.binary(max_size=8))


def _check(items: list) -> None:
    assert items
    for item in items:
        assert isinstance(item, Document | Skipped)
        if isinstance(item, Skipped):
            assert item.reason
            assert item.path.isprintable() and item.reason.isprintable()
            continue
        item.text.encode("utf-8")  # storable: no lone surrogate survives
        meta = inspect(item, SETTINGS)
        if meta.published:
            year, *rest = (int(p) for p in meta.published.split("-"))
            dt.date(year, *[*rest, 1, 1][:2])


def _ingest(tmp: Path, name: str, data: bytes) -> list:
    path = tmp / name
    path.write_bytes(data)
    try:
        return list(ingest([path], SETTINGS))
    finally:
        path.unlink()


@PROPERTY
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".md", "", ".html", ".x"]))
def test_property_arbitrary_bytes(tmp_path, data, suffix):
    _check(_ingest(tmp_path, f"input{suffix}", data))


@PROPERTY
@given(lines=st.lists(_records(), max_size=6), bom=st.booleans())
def test_property_arbitrary_jsonl(tmp_path, lines, bom):
    data = (b"\xef\xbb\xbf" if bom else b"") + b"\n".join(lines)
    _check(_ingest(tmp_path, "corpus.jsonl", data))


@PROPERTY
@given(data=_html(), suffix=st.sampled_from([".html", "", ".php"]))
def test_property_arbitrary_html(tmp_path, data, suffix):
    _check(_ingest(tmp_path, f"page{suffix}", data))


@PROPERTY
@given(text=st.text(alphabet=string.printable + "\u00e9\u201c\u201d\u0416", max_size=400))
def test_property_saved_page_text(tmp_path, text):
    data = f"URL: https://www.example.com/2024/0{len(text) % 9 + 1}/12/a\n date 2024-02-30 {text}"
    _check(_ingest(tmp_path, "saved.txt", data.encode()))
