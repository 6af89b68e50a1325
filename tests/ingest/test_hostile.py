"""Hostile inputs at the ingest boundary: no record or file stops the batch or costs another.

Each case is a reproducer of a failure seen on real runs, written anew.
"""

from __future__ import annotations

import json
import os
import sys

import pytest

from claimledger.config import Settings
from claimledger.ingest import ingest, inspect
from claimledger.models import Document, Skipped

GOOD = "The harbour at Port Ellis reopened on Tuesday after a storm closed it for nine days."


def run(inputs, settings):
    return list(ingest([str(i) if not isinstance(i, bytes) else i for i in inputs], settings))


def write_jsonl(path, lines):
    path.write_bytes(
        b"\n".join(line if isinstance(line, bytes) else line.encode() for line in lines)
    )


@pytest.mark.parametrize("published", ["2024-02-30", "9999-12", "0000", "2024-13-01", "0000-00-00"])
def test_hostile_impossible_published_date_is_dropped_not_passed_on(tmp_path, settings, published):
    path = tmp_path / "c.jsonl"
    write_jsonl(path, [json.dumps({"text": GOOD, "published": published})])
    [doc] = run([path], settings)
    assert isinstance(doc, Document)
    assert doc.hints.published is None
    assert inspect(doc, settings).published is None


def test_hostile_real_published_dates_are_kept(tmp_path, settings):
    path = tmp_path / "c.jsonl"
    dates = ["2024-02-29", "2023-07", "2021", "2022-03-04T10:00:00Z", "4 March 2022"]
    write_jsonl(path, [json.dumps({"text": GOOD, "published": d}) for d in dates])
    assert [d.hints.published for d in run([path], settings)] == dates


@pytest.mark.parametrize("field", ["text", "title", "author", "outlet"])
def test_hostile_lone_surrogate_is_replaced_and_the_record_kept(tmp_path, settings, field):
    record = {"text": GOOD, field: "Port \\ud800 Ellis " + GOOD}
    path = tmp_path / "c.jsonl"
    write_jsonl(path, [json.dumps(record).replace("\\\\ud800", "\\ud800")])
    [doc] = run([path], settings)
    value = doc.text if field == "text" else getattr(doc.hints, field)
    assert "\ufffd" in value
    value.encode("utf-8")  # storable and hashable
    assert doc.id == Document.make_id(doc.text)


def test_hostile_deep_nesting_and_huge_integer_cost_only_their_line(tmp_path, settings):
    path = tmp_path / "c.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    huge = '{"text": "' + GOOD + '", "count": ' + "7" * 5000 + "}"
    write_jsonl(path, [json.dumps({"text": GOOD}), deep, huge, json.dumps({"text": GOOD + " 2"})])
    items = run([path], settings)
    assert [type(i).__name__ for i in items] == ["Document", "Skipped", "Document", "Document"]
    assert items[1].path.endswith("c.jsonl:2")
    assert "nested too deeply" in items[1].reason


def test_hostile_empty_jsonl_is_named_as_skipped(tmp_path, settings):
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_bytes(b"\n  \n")
    items = run([tmp_path / "empty.jsonl", tmp_path / "blank.jsonl"], settings)
    assert all(isinstance(i, Skipped) and "empty JSONL" in i.reason for i in items)
    assert len(items) == 2


def test_hostile_bad_lines_never_cost_the_good_ones(tmp_path, settings):
    path = tmp_path / "c.jsonl"
    lines = [
        json.dumps({"text": GOOD}),
        b"\xff\xfe not utf-8",
        b"{not json",
        b"[1, 2, 3]",
        json.dumps({"title": "no text"}).encode(),
        json.dumps({"text": "   "}).encode(),
        json.dumps({"text": GOOD, "published": 20240101, "title": ["a"]}).encode(),
    ]
    write_jsonl(path, lines)
    items = run([path], settings)
    assert [isinstance(i, Document) for i in items] == [True, *[False] * 5, True]
    assert [i.path.rsplit(":", 1)[1] for i in items if isinstance(i, Skipped)] == list("23456")


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names not in UTF-8")
def test_hostile_file_name_not_utf8_is_read_under_an_escaped_name(tmp_path, settings):
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as handle:
        handle.write(GOOD.encode())
    [doc] = run([tmp_path], settings)
    assert doc.path.endswith("caf\\xe9.txt")
    doc.path.encode("utf-8")


def test_hostile_control_characters_in_names_are_escaped_in_skip_lines(tmp_path, settings):
    path = tmp_path / "bad\nname\x1b[31m.txt"
    path.write_bytes(b"")
    [item] = run([path], settings)
    assert isinstance(item, Skipped)
    assert "\n" not in item.path and "\x1b" not in item.path
    assert item.path.endswith("bad\\nname\\x1b[31m.txt")


@pytest.mark.parametrize(
    "text",
    [
        "Жители сообщили о наводнении в понедельник, заявили власти города",
        "قال المسؤولون إن الفيضانات دمرت الجسر الرئيسي في المدينة",
        "The \u201carmy\u201d said on Monday that its units had moved \u201cnorth\u201d",
    ],
)
def test_hostile_utf8_cut_inside_its_last_character_stays_utf8(tmp_path, settings, text):
    path = tmp_path / "cut.txt"
    path.write_bytes(text.encode("utf-8")[:-1])
    [doc] = run([path], settings)
    assert doc.encoding == "utf-8"
    assert doc.text[:-1] == text[:-1]
    assert doc.text.endswith("\ufffd")


def test_hostile_legacy_8bit_text_is_still_guessed(tmp_path, settings):
    path = tmp_path / "old.txt"
    path.write_bytes("Caf\u00e9 owners said the \u201cnew\u201d rules hurt trade.".encode("cp1252"))
    [doc] = run([path], settings)
    assert doc.encoding == "cp1252"


PAGE = (
    "<!DOCTYPE html><html><head><title>Bridge to reopen</title></head><body><article>"
    "<h1>Bridge to reopen</h1><p>The mayor said on Monday that the old bridge would reopen "
    "in May after repairs that cost the city far more than planned, and that traffic would "
    "be limited to one lane until the summer.</p></article></body></html>"
)


def test_hostile_html_with_nul_bytes_is_read(tmp_path, settings):
    path = tmp_path / "nul.html"
    path.write_bytes(PAGE.replace("<p>", "<p>\x00\x00").encode())
    [doc] = run([path], settings)
    assert isinstance(doc, Document)
    assert "\x00" not in doc.text and "old bridge" in doc.text


@pytest.mark.parametrize("name", ["story", "story.net", "index.php", "article.aspx"])
def test_hostile_html_without_html_suffix_is_sniffed(tmp_path, settings, name):
    path = tmp_path / name
    path.write_text(PAGE, encoding="utf-8")
    [doc] = run([path], settings)
    assert isinstance(doc, Document)
    assert doc.format == "html"
    assert "old bridge" in doc.text


def test_hostile_declared_utf8_wins_over_a_stray_byte(tmp_path, settings):
    page = PAGE.replace("<head>", '<head><meta charset="utf-8">').replace(
        "old bridge", "alte Br\u00fccke f\u00fcr die Ausf\u00fchrung"
    )
    data = page.encode("utf-8").replace(b"</article>", b"\x81</article>")
    path = tmp_path / "p.html"
    path.write_bytes(data)
    [doc] = run([path], settings)
    assert "Ausf\u00fchrung" in doc.text
    assert "Ã" not in doc.text


def test_hostile_html_nested_too_deep_is_reported_not_read_as_its_title(tmp_path, settings):
    body = "<div>" * 10_000 + "<p>" + GOOD * 3 + "</p>" + "</div>" * 10_000
    path = tmp_path / "deep.html"
    path.write_text(f"<html><head><title>Deep</title></head><body>{body}</body></html>")
    [item] = run([path], settings)
    assert isinstance(item, Skipped)
    assert "nested" in item.reason


def test_hostile_ordinary_nesting_is_read(tmp_path, settings):
    body = "<div>" * 40 + PAGE.split("<body>")[1].split("</body>")[0] + "</div>" * 40
    path = tmp_path / "nested.html"
    path.write_text(f"<html><head><title>T</title></head><body>{body}</body></html>")
    [doc] = run([path], settings)
    assert isinstance(doc, Document)


def test_hostile_batch_runs_to_its_end(tmp_path):
    (tmp_path / "a.jsonl").write_text("[" * 50_000 + "\n" + json.dumps({"text": GOOD}) + "\n")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "c.txt").write_text(GOOD)
    items = list(ingest([tmp_path], Settings()))
    assert sum(isinstance(i, Document) for i in items) == 2
    assert sum(isinstance(i, Skipped) for i in items) == 2


@pytest.mark.parametrize("published", ["2024-02-30", "0000", "9999-12", "2024-13"])
def test_hostile_impossible_hint_never_leaves_inspect(make_document, settings, published):
    # a Document built by a library user, not read by ingest
    meta = inspect(make_document(GOOD, published=published), settings)
    assert meta.published is None


@pytest.mark.parametrize(
    ("declared", "encoding"),
    [("iso-8859-1", "utf-8"), ("windows-1252", "utf-8")],
)
def test_hostile_utf8_page_declared_as_latin1_reads_as_utf8(tmp_path, settings, declared, encoding):
    page = PAGE.replace("<head>", f'<head><meta charset="{declared}">').replace(
        "old bridge", "alte Br\u00fccke"
    )
    path = tmp_path / "p.html"
    path.write_bytes(page.encode(encoding))
    [doc] = run([path], settings)
    assert "alte Br\u00fccke" in doc.text


def test_hostile_cp1252_page_declared_as_such_keeps_its_charset(tmp_path, settings):
    page = PAGE.replace("<head>", '<head><meta charset="windows-1252">').replace(
        "old bridge", "\u201cold\u201d bridge caf\u00e9"
    )
    path = tmp_path / "p.html"
    path.write_bytes(page.encode("cp1252"))
    [doc] = run([path], settings)
    assert "\u201cold\u201d bridge caf\u00e9" in doc.text
    assert doc.encoding == "cp1252"
