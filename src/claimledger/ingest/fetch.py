"""Fetch one article URL with a timeout and a size cap enforced while streaming."""

from __future__ import annotations

import httpx

from ..config import Settings
from ..errors import FetchError

_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_USER_AGENT = "claimledger (+https://github.com/claimledger/claimledger)"


def fetch(url: str, settings: Settings) -> tuple[bytes, str, str | None]:
    """Return (body, media type, charset from the Content-Type header or None)."""
    try:
        with (
            httpx.Client(
                timeout=settings.fetch_timeout,
                follow_redirects=True,
                headers={"User-Agent": _USER_AGENT},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise FetchError(
                    url, f"HTTP {response.status_code} {response.reason_phrase}".strip()
                )
            media, charset = _content_type(response.headers.get("content-type", ""))
            if media and media not in _TEXT_TYPES:
                raise FetchError(url, f"content type {media!r} is not an HTML or text page")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > settings.max_bytes:
                raise FetchError(url, _too_large(int(declared), settings.max_bytes))
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > settings.max_bytes:
                    raise FetchError(url, _too_large(len(body), settings.max_bytes, partial=True))
    except httpx.TimeoutException as e:
        raise FetchError(
            url, f"timed out after {settings.fetch_timeout:g} s (raise Settings.fetch_timeout)"
        ) from e
    except httpx.HTTPError as e:
        raise FetchError(url, f"fetch failed: {e or type(e).__name__}") from e
    return bytes(body), media or "text/html", charset


def _content_type(header: str) -> tuple[str, str | None]:
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset


def _too_large(size: int, cap: int, *, partial: bool = False) -> str:
    amount = f"more than {cap:,} bytes" if partial else f"{size:,} bytes"
    return (
        f"response is {amount}, over the {cap:,}-byte cap (raise Settings.max_bytes / --max-bytes)"
    )
