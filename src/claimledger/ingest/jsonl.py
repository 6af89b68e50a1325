"""JSONL corpora: one article per line, every record checked at the boundary.

A record is a JSON object with a "text" string and optional "title", "author", "outlet",
"published" and "url" strings. Nothing a record holds may stop the run or cost another
record: a line that is not usable becomes one Skipped naming `FILE.jsonl:N` and why;
a usable record with a bad field loses only that field (logged):

    nested 100,000 deep, a 5,000-digit number, not UTF-8, not JSON  -> Skipped
    no "text" string, or a text that is empty                       -> Skipped
    "published": "2024-02-30" / "9999-12" / "0000"                   -> field dropped
    "\\ud800" (a lone surrogate) in any string                       -> U+FFFD in its place
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import InputError, NoArticleText, UnreadableInput
from ..models import Document, Hints, Skipped

log = logging.getLogger(__name__)

# Publication years outside this range are typing errors or placeholders ("0000", "9999").
MIN_YEAR = 1800
# Digits of the longest integer kept as a number; longer ones stay strings (Python refuses
# to convert more than 4,300 digits, and no field here needs a number at all).
MAX_INT_DIGITS = 100
_ISO_DATE = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?:[T ][\d:.+\-Z]*)?")
_SURROGATE = re.compile("[\ud800-\udfff]")
FIELDS = ("title", "author", "outlet", "published", "url")

MakeDocument = Callable[[str, str, str, str, Hints], Document]


def jsonl_documents(
    path: Path, name: str, max_bytes: int, make: MakeDocument
) -> Iterator[Document | Skipped]:
    """One Document per line, streamed: a JSONL corpus may be far larger than the size
    cap, which applies to each record instead. A bad line is one Skipped."""
    records = 0
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            where = f"{name}:{number}"
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if not raw.strip():
                continue
            records += 1
            try:
                yield _document(raw, where, max_bytes, make)
            except InputError as e:
                yield Skipped(path=e.path, reason=e.reason)
    if records == 0:
        yield Skipped(path=name, reason="empty JSONL file (no records in it)")


def _document(raw: bytes, where: str, max_bytes: int, make: MakeDocument) -> Document:
    if len(raw) > max_bytes:
        raise UnreadableInput(
            where,
            f"{len(raw):,} bytes, over the {max_bytes:,}-byte cap (raise it with --max-bytes)",
        )
    record = _parse(raw, where)
    text = record.get("text")
    if not isinstance(text, str):
        raise UnreadableInput(where, "no 'text' field holding the article as a string")
    fields = {f: _string(record.get(f), where, f) for f in FIELDS}
    fields["published"] = _published(fields["published"], where)
    text = _repaired(text, where, "text")
    if not text.strip():
        raise NoArticleText(where, "empty or whitespace-only text")
    return make(text, where, "jsonl", "utf-8", Hints(**fields))


def _parse(raw: bytes, where: str) -> dict:
    try:
        record = json.loads(raw.decode("utf-8"), parse_int=_int)
    except UnicodeDecodeError as e:
        raise UnreadableInput(where, f"not UTF-8 ({e.reason} at byte {e.start})") from e
    except json.JSONDecodeError as e:
        raise UnreadableInput(where, f"not valid JSON ({e.msg} at column {e.colno})") from e
    except RecursionError as e:
        raise UnreadableInput(where, "JSON nested too deeply to read") from e
    except ValueError as e:  # a float Python cannot hold, and the like
        raise UnreadableInput(where, f"not usable JSON ({e})") from e
    if not isinstance(record, dict):
        raise UnreadableInput(where, "expected a JSON object with a 'text' field")
    return record


def _int(digits: str) -> int | str:
    return int(digits) if len(digits.lstrip("-")) <= MAX_INT_DIGITS else digits


def _string(value: object, where: str, name: str) -> str | None:
    if not isinstance(value, str):
        return None
    value = _repaired(value, where, name).strip()
    return value or None


def _repaired(value: str, where: str, name: str) -> str:
    """A lone surrogate ("\\ud800" escaped in the JSON) is no character: it cannot be
    stored or hashed. It becomes U+FFFD, which keeps every offset in the text."""
    if not _SURROGATE.search(value):
        return value
    log.warning("%s: '%s' holds an unpaired surrogate escape; replaced with U+FFFD", where, name)
    return _SURROGATE.sub("\ufffd", value)


def _published(value: str | None, where: str) -> str | None:
    """The record's date when it is one that exists; a date that cannot be ("2024-02-30",
    "2024-13-01", year 0000 or 9999) is dropped, so the text's own evidence can speak."""
    if value is None:
        return None
    if valid_date(value):
        return value
    log.warning("%s: 'published' %r is not a real date; ignored", where, value)
    return None


def valid_date(value: str, today: dt.date | None = None) -> bool:
    """Whether an ISO-like date (YYYY, YYYY-MM, YYYY-MM-DD, a time after it) names a real
    day or month between MIN_YEAR and next year. Other spellings ("3 March 2024") pass:
    `inspect` parses them and drops what does not parse."""
    match = _ISO_DATE.fullmatch(value.strip())
    if not match:
        return not value.strip()[:4].isdigit()
    year, month, day = (int(match.group(g) or 1) for g in ("y", "m", "d"))
    latest = (today or dt.date.today()).year + 1
    if not MIN_YEAR <= year <= latest:
        return False
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True
