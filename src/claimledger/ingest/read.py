"""Inputs to Documents: files, folders, stdin, JSONL, URLs.

Every failure is an InputError carrying the input's path and a one-line reason; `ingest`
turns it into a `Skipped` so one bad input never stops the batch.
"""

from __future__ import annotations

import codecs
import glob
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

from ..config import Settings
from ..errors import InputError, NoArticleText, UnreadableInput
from ..models import Document, Hints, Skipped
from .decode import decode
from .html import extract_html

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def expand(raw: str | Path) -> list[str | Path]:
    """One input as the user gave it -> the inputs to read: a folder becomes its files
    (recursive, sorted, hidden files and folders left out); a glob pattern that names no
    existing path becomes the files it matches (`**` recurses). A pattern reaches us
    unexpanded when it was quoted, or on shells that do not expand globs (Windows cmd).
    Raises an InputError for a folder or pattern that yields no file at all, so the user
    hears about it instead of getting nothing."""
    if isinstance(raw, str) and (raw == "-" or _is_url(raw)):
        return [raw]
    path = Path(raw)
    if not path.exists() and glob.has_magic(str(raw)):
        matches = sorted(Path(m) for m in glob.glob(str(raw), recursive=True))
        files = [m for m in matches if not m.is_dir()]
        if not files:
            raise UnreadableInput(str(raw), "no file matches this pattern")
        return files
    if not path.is_dir():
        return [path]
    files: list[str | Path] = []
    for child in sorted(path.rglob("*")):
        relative = child.relative_to(path)
        if any(part.startswith(".") for part in relative.parts) or child.is_dir():
            continue
        # Unsupported files are passed on too: each becomes a Skipped the user can see,
        # rather than a PDF that silently went unread.
        files.append(child)
    if not files:
        raise NoArticleText(str(path), "empty folder (no files in it, hidden ones left out)")
    return files


def read(item: str | Path, settings: Settings) -> Iterator[Document | Skipped]:
    """Read one expanded input; several Documents for a JSONL file."""
    if isinstance(item, str) and item == "-":
        yield _from_bytes(sys.stdin.buffer.read(), "-", "stdin", settings)
    elif isinstance(item, str) and _is_url(item):
        yield _from_url(item, settings)
    else:
        path = Path(item)
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            _check_file(path)
            yield from _from_jsonl(path, settings)
            return
        data = _read_file(path, settings)
        if suffix in HTML_SUFFIXES:
            yield _from_html(data, str(path), "html", None)
        else:
            yield _from_bytes(data, str(path), "text", settings)


def _is_url(raw: str) -> bool:
    return raw.lower().startswith(("http://", "https://"))


def _check_file(path: Path) -> None:
    name = str(path)
    if not path.exists():
        raise UnreadableInput(name, "no such file or folder")
    if not path.is_file():
        raise UnreadableInput(name, "not a regular file")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UnreadableInput(
            name, f"unsupported file type {suffix!r} (read: .txt, .md, .html, .htm, .jsonl)"
        )


def _read_file(path: Path, settings: Settings) -> bytes:
    _check_file(path)
    name = str(path)
    size = path.stat().st_size
    if size > settings.max_bytes:
        raise UnreadableInput(name, _too_large(size, settings.max_bytes))
    try:
        return path.read_bytes()
    except OSError as e:
        raise UnreadableInput(name, f"cannot be read ({e.strerror or e})") from e


def _too_large(size: int, cap: int) -> str:
    return f"{size:,} bytes, over the {cap:,}-byte cap (raise it with --max-bytes / Settings.max_bytes)"


def _document(text: str, path: str, fmt: str, encoding: str, hints: Hints) -> Document:
    if not text.strip():
        raise NoArticleText(path, "empty or whitespace-only text")
    return Document(
        id=Document.make_id(text), path=path, text=text, format=fmt, encoding=encoding, hints=hints
    )


def _from_bytes(data: bytes, path: str, fmt: str, settings: Settings) -> Document:
    if len(data) > settings.max_bytes:
        raise UnreadableInput(path, _too_large(len(data), settings.max_bytes))
    if not data.strip():
        raise NoArticleText(path, "empty or whitespace-only text")
    text, encoding = decode(data, path)
    if fmt == "stdin" and _looks_like_html(text):
        html_text, hints = extract_html(text, path)
        return _document(html_text, path, "stdin", encoding, hints)
    return _document(text, path, fmt, encoding, Hints())


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def _from_html(
    data: bytes, path: str, fmt: str, url: str | None, charset: str | None = None
) -> Document:
    if not data.strip():
        raise NoArticleText(path, "empty HTML file")
    text, encoding = _decode_html(data, path, charset)
    article, hints = extract_html(text, path, url)
    return _document(article, path, fmt, encoding, hints)


def _decode_html(data: bytes, path: str, charset: str | None) -> tuple[str, str]:
    if charset:
        try:
            return data.decode(charset), charset.lower()
        except (LookupError, UnicodeDecodeError):
            log.info("%s: declared charset %r does not fit; guessing", path, charset)
    return decode(data, path)


def _from_url(url: str, settings: Settings) -> Document:
    from .fetch import fetch

    body, media, charset = fetch(url, settings)
    if media == "text/plain":
        text, encoding = _decode_html(body, url, charset)
        return _document(text, url, "url", encoding, Hints(url=url))
    return _from_html(body, url, "url", url, charset)


def _from_jsonl(path: Path, settings: Settings) -> Iterator[Document | Skipped]:
    """One Document per line, streamed: a JSONL corpus may be far larger than the size
    cap, which applies to each article instead. A bad line is one Skipped."""
    try:
        with path.open("rb") as lines:
            for number, raw in enumerate(lines, start=1):
                where = f"{path}:{number}"
                if number == 1:
                    raw = raw.removeprefix(codecs.BOM_UTF8)
                if not raw.strip():
                    continue
                try:
                    yield _jsonl_document(raw, where, settings)
                except InputError as e:
                    yield Skipped(path=e.path, reason=e.reason)
    except OSError as e:
        raise UnreadableInput(str(path), f"cannot be read ({e.strerror or e})") from e


def _jsonl_document(raw: bytes, where: str, settings: Settings) -> Document:
    if len(raw) > settings.max_bytes:
        raise UnreadableInput(where, _too_large(len(raw), settings.max_bytes))
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise UnreadableInput(where, f"not UTF-8 ({e.reason} at byte {e.start})") from e
    except json.JSONDecodeError as e:
        raise UnreadableInput(where, f"not valid JSON ({e.msg} at column {e.colno})") from e
    if not isinstance(record, dict):
        raise UnreadableInput(where, "expected a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str):
        raise UnreadableInput(where, "no 'text' field holding the article as a string")

    def field(name: str) -> str | None:
        value = record.get(name)
        return value.strip() or None if isinstance(value, str) else None

    hints = Hints(
        title=field("title"),
        author=field("author"),
        outlet=field("outlet"),
        published=field("published"),
        url=field("url"),
    )
    return _document(text, where, "jsonl", "utf-8", hints)
