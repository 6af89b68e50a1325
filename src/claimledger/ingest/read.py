"""Inputs to Documents: files, folders, stdin, JSONL, URLs.

Every failure is an InputError carrying the input's path and a one-line reason; `ingest`
turns it into a `Skipped` so one bad input never stops the batch.
"""

from __future__ import annotations

import codecs
import glob
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from ..config import Settings
from ..errors import NoArticleText, UnreadableInput
from ..models import Document, Hints, Skipped
from .decode import declared_charset, decode
from .html import extract_html
from .jsonl import jsonl_documents
from .source import source_url

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
        name = display_name(path)
        # Suffixes lie ("page.php", "story.net", none at all): a file that opens like an HTML
        # page is read as one, whatever its name says.
        if suffix in HTML_SUFFIXES or sniff_html(data):
            yield _from_html(data, name, "html", None)
        else:
            yield _from_bytes(data, name, "text", settings)


def _is_url(raw: str) -> bool:
    return raw.lower().startswith(("http://", "https://"))


def display_name(path: str | Path) -> str:
    """A path as one printable line: a name that is not valid UTF-8 shows its bytes
    escaped ("caf\\xe9.txt"), control characters show as escapes ("a\\nb.txt")."""
    raw = (
        os.fsencode(path)
        if isinstance(path, Path)
        else str(path).encode("utf-8", "surrogateescape")
    )
    return printable(raw.decode("utf-8", "backslashreplace"))


def printable(text: str) -> str:
    """`text` with control characters and lone surrogates escaped, for one log line."""
    return "".join(_escape(ch) for ch in text)


def _escape(ch: str) -> str:
    if ch.isprintable() or ch == " ":
        return ch
    return ch.encode("unicode_escape", "backslashreplace").decode("ascii")


def sniff_html(data: bytes) -> bool:
    """Whether bytes hold an HTML page: they open with a tag (after a BOM, whitespace or
    NULs; PHP warnings in "<br />" lines come first on some pages) and an <html>, <head>
    or <body> tag follows early."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf\x00 \t\r\n").lower()
    early = data[:16384].lower()
    return head.startswith(b"<") and any(t in early for t in (b"<html", b"<head", b"<body"))


def _check_file(path: Path) -> None:
    name = display_name(path)
    if not path.exists():
        raise UnreadableInput(name, "no such file or folder")
    if not path.is_file():
        raise UnreadableInput(name, "not a regular file")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES and not _sniffs_html(path):
        raise UnreadableInput(
            name, f"unsupported file type {suffix!r} (read: .txt, .md, .html, .htm, .jsonl)"
        )


def _sniffs_html(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return sniff_html(handle.read(16384))
    except OSError:
        return False


def _read_file(path: Path, settings: Settings) -> bytes:
    _check_file(path)
    name = display_name(path)
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
    # A saved page's "URL: https://..." first line is its address (source.py).
    return _document(text, path, fmt, encoding, Hints(url=source_url(text)))


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
    """HTML text: NUL bytes (never valid in HTML, dropped by browsers and by the parsers)
    removed; the charset the server or the page declares wins over a guess, a stray byte
    that does not fit it replaced rather than the whole page decoded as something else."""
    data = data.replace(b"\x00", b"")
    charset = charset or declared_charset(data)
    if data.startswith(BOMS) or (charset and _utf8_beats(data, charset)):
        return decode(data, path)  # a BOM wins, as in browsers; so does text that is UTF-8
    if charset:
        try:
            codecs.lookup(charset)
        except LookupError:
            log.info("%s: declared charset %r is unknown; guessing", path, charset)
        else:
            return data.decode(charset, errors="replace"), codecs.lookup(charset).name
    return decode(data, path)


BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _utf8_beats(data: bytes, charset: str) -> bool:
    """Whether a page declared in a single-byte charset ("iso-8859-1", "windows-1252") is
    UTF-8 all the same: legacy 8-bit text almost never forms valid multi-byte UTF-8, so
    bytes that decode as UTF-8 and hold non-ASCII were written in it."""
    try:
        single_byte = codecs.lookup(charset).name in _SINGLE_BYTE
        return single_byte and not data.isascii() and bool(data.decode("utf-8"))
    except (LookupError, UnicodeDecodeError):
        return False


_SINGLE_BYTE = frozenset(
    codecs.lookup(n).name
    for n in ("latin-1", "iso-8859-2", "iso-8859-15", "cp1250", "cp1251", "cp1252", "ascii")
)


def _from_url(url: str, settings: Settings) -> Document:
    from .fetch import fetch

    body, media, charset = fetch(url, settings)
    if media == "text/plain":
        text, encoding = _decode_html(body, url, charset)
        return _document(text, url, "url", encoding, Hints(url=url))
    return _from_html(body, url, "url", url, charset)


def _from_jsonl(path: Path, settings: Settings) -> Iterator[Document | Skipped]:
    try:
        yield from jsonl_documents(path, display_name(path), settings.max_bytes, _document)
    except OSError as e:
        raise UnreadableInput(display_name(path), f"cannot be read ({e.strerror or e})") from e
