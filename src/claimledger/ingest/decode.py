"""Bytes to text: BOMs first, then strict UTF-8, then charset-normalizer as a last resort.

The decoded text is kept exactly as decoded (only a BOM is dropped): every offset the
later stages report points into it, so nothing here may normalise whitespace or quotes.
"""

from __future__ import annotations

import codecs
import re

from ..errors import UnreadableInput

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# The legacy encoding of English-language news pages, preferred when guesses tie.
_PREFERRED = "cp1252"
# Control characters that never occur in prose; a text full of them is a binary file that
# happened to decode (charset-normalizer will "decode" almost anything).
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f", "\v"}


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding name) or raise UnreadableInput for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding.removesuffix("-sig")), encoding
            except UnicodeDecodeError as e:
                raise UnreadableInput(
                    path,
                    f"starts with a {encoding} byte-order mark but does not decode as it ({e})",
                ) from e
    if b"\x00" in data:
        raise UnreadableInput(path, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace"), "utf-8"
    return _guess(data, path)


# UTF-8 with at most this many bad bytes per this many good multi-byte characters is UTF-8
# with damage (a file cut inside a character, one stray byte), not another encoding: a
# legacy 8-bit text read as UTF-8 fails on nearly every non-ASCII byte.
MAX_BAD_SHARE = 0.02


def _mostly_utf8(data: bytes) -> bool:
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    wide = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    # A cut at the very end is the one damage a plain ASCII text can show.
    cut_end = data[-4:].decode("utf-8", errors="replace").endswith("\ufffd") and bad <= 1
    return bad > 0 and (cut_end or (wide > 0 and bad <= MAX_BAD_SHARE * wide))


def _guess(data: bytes, path: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise UnreadableInput(path, "binary or undecodable file (no text encoding fits it)")
    # On short texts charset-normalizer ties cp1252 with cp1250, cp775 ... and may pick any
    # of them (measured: "Café “quoted”" came out as cp1250). Among the least chaotic
    # candidates prefer cp1252, the usual legacy encoding of English-language news.
    calm = min(m.chaos for m in matches) + 0.05
    best = next(
        (m for m in matches if m.chaos <= calm and _PREFERRED in m.could_be_from_charset),
        matches[0],
    )
    encoding = _PREFERRED if _PREFERRED in best.could_be_from_charset else best.encoding
    text = data.decode(encoding, errors="replace")
    controls = sum(ch in _CONTROL for ch in text)
    if controls > max(2, len(text) // 1000):
        raise UnreadableInput(path, "binary file (control characters throughout), not text")
    return text, _encoding_name(encoding)


def _encoding_name(name: str) -> str:
    # charset-normalizer says "cp1252"; Python and users know it as that, keep it readable.
    return codecs.lookup(name).name if name else "unknown"


# <meta charset="utf-8">, <meta http-equiv="Content-Type" content="text/html; charset=...">,
# <?xml version="1.0" encoding="..."?>: looked for in the first bytes only, as browsers do.
_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{2,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([a-zA-Z0-9_.:-]{2,40})""",
    re.IGNORECASE,
)
DECLARED_WINDOW = 4096


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares for itself, when Python knows it."""
    match = _DECLARED.search(data[:DECLARED_WINDOW])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
