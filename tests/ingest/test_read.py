"""ingest(): files, folders, stdin, JSONL; every bad input becomes one Skipped."""

from __future__ import annotations

import io
import json
import os
import sys
from dataclasses import replace

import pytest

from claimledger.ingest import ingest
from claimledger.models import Document, Skipped

ARTICLE = (
    "Harbour reopens after storm\n\n"
    "The harbour at Port Ellis reopened on Tuesday after a storm closed it for nine days, "
    "the port authority said.\n"
)


def run(inputs, settings):
    return list(ingest([str(i) for i in inputs], settings))


def test_read_text_file_keeps_text_and_offsets(tmp_path, settings):
    text = "Prices rose\u00a0by 4%  in May.\r\nSecond line.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    [doc] = run([path], settings)
    assert isinstance(doc, Document)
    assert doc.text == text  # no normalisation: NBSP, double spaces and CRLF stay
    assert doc.id == Document.make_id(text)
    assert doc.path == str(path)
    assert doc.format == "text"
    assert doc.encoding == "utf-8"


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (b"\xef\xbb\xbf" + "Caf\u00e9 \u201copen\u201d".encode(), "utf-8-sig"),
        ("\ufeffCaf\u00e9 \u201copen\u201d".encode("utf-16-le"), "utf-16-le"),
        ("\ufeffCaf\u00e9 \u201copen\u201d".encode("utf-16-be"), "utf-16-be"),
        ("Caf\u00e9 \u201copen\u201d".encode("cp1252"), "cp1252"),
    ],
)
def test_read_decodes_bom_utf16_and_cp1252(tmp_path, settings, encoded, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(encoded)
    [doc] = run([path], settings)
    assert doc.text == "Caf\u00e9 \u201copen\u201d"  # the BOM is gone, curly quotes and é kept
    assert doc.encoding == encoding


def test_read_folder_recursive_sorted_without_hidden_files(tmp_path, settings):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second article text.")
    (tmp_path / "a.md").write_text("First article text.")
    (tmp_path / ".hidden.txt").write_text("Never read.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Never read either.")
    docs = run([tmp_path], settings)
    assert [d.text for d in docs] == ["First article text.", "Second article text."]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n\xc2\xa0\n", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("noise.txt", bytes(range(1, 256)) * 64, "binary"),
        ("paper.pdf", b"%PDF-1.4 something", "unsupported file type '.pdf'"),
        ("photo.png", b"\x89PNG", "unsupported file type '.png'"),
    ],
)
def test_read_bad_file_is_skipped_with_reason(tmp_path, settings, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    [item] = run([path], settings)
    assert isinstance(item, Skipped)
    assert item.path == str(path)
    assert reason in item.reason


def test_read_missing_path_is_skipped(tmp_path, settings):
    missing = tmp_path / "nope.txt"
    items = run([missing], settings)
    assert items == [Skipped(path=str(missing), reason="no such file or folder")]


def test_read_special_file_is_skipped(tmp_path, settings):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    [item] = run([fifo], settings)
    assert item == Skipped(path=str(fifo), reason="not a regular file")


def test_read_oversized_file_names_size_and_cap(tmp_path, settings):
    path = tmp_path / "big.txt"
    path.write_text("word " * 40)
    [item] = run([path], replace(settings, max_bytes=100))
    assert isinstance(item, Skipped)
    assert "200 bytes" in item.reason and "100-byte cap" in item.reason
    assert "--max-bytes" in item.reason


def test_read_20_mb_file_is_skipped_under_the_default_cap(tmp_path, settings):
    # spaCy refuses texts over 1M characters: the default cap turns them away up front.
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(20_000_000)  # sparse: no 20 MB written, the size is what counts
    [item] = run([path], settings)
    assert isinstance(item, Skipped)
    assert item.reason.startswith("20,000,000 bytes, over the 2,000,000-byte cap")


def test_read_one_bad_input_does_not_stop_the_batch(tmp_path, settings):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    items = run([tmp_path / "missing.txt", good], settings)
    assert isinstance(items[0], Skipped)
    assert isinstance(items[1], Document) and items[1].text == ARTICLE


def test_read_duplicate_content_gets_the_same_id(tmp_path, settings):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "copy.txt").write_text(ARTICLE)
    a, b = run([tmp_path], settings)
    assert a.id == b.id and a.path != b.path


def test_read_jsonl_one_bad_line_is_one_skip(tmp_path, settings):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(
            {
                "text": ARTICLE,
                "url": "https://example.org/harbour",
                "title": "Harbour reopens",
                "outlet": "Coast Gazette",
                "published": "2024-02-03",
            }
        ),
        "{not json",
        json.dumps({"title": "no text field"}),
        "",
        json.dumps({"text": "Another article about the ferry timetable."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = run([path], settings)
    assert [type(i).__name__ for i in items] == ["Document", "Skipped", "Skipped", "Document"]
    first, bad_json, no_text, last = items
    assert first.path == f"{path}:1" and first.format == "jsonl"
    assert first.hints.outlet == "Coast Gazette"
    assert first.hints.published == "2024-02-03"
    assert first.hints.url == "https://example.org/harbour"
    assert bad_json.path == f"{path}:2" and "not valid JSON" in bad_json.reason
    assert no_text.path == f"{path}:3" and "'text'" in no_text.reason
    assert last.path == f"{path}:5"


def test_read_jsonl_cap_applies_per_article(tmp_path, settings):
    path = tmp_path / "batch.jsonl"
    small = json.dumps({"text": "Short piece."})
    big = json.dumps({"text": "long " * 100})
    path.write_text(f"{small}\n{big}\n{small}\n")
    items = run([path], replace(settings, max_bytes=200))
    assert [type(i).__name__ for i in items] == ["Document", "Skipped", "Document"]
    assert "200-byte cap" in items[1].reason


def test_read_stdin(monkeypatch, settings):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))
    [doc] = list(ingest(["-"], settings))
    assert doc.path == "-" and doc.format == "stdin" and doc.text == ARTICLE


def test_read_empty_stdin_is_skipped(monkeypatch, settings):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    [item] = list(ingest(["-"], settings))
    assert isinstance(item, Skipped) and item.path == "-"
