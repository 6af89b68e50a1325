"""URL input against a local HTTP server on 127.0.0.1 (never the network)."""

from __future__ import annotations

import contextlib
import threading
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from claimledger.ingest import ingest, inspect
from claimledger.models import Document, Skipped

ARTICLE_PAGE = b"""<html><head><title>Bridge closes | River Post</title>
<meta property="og:site_name" content="River Post"></head><body><article>
<h1>Bridge closes for repairs</h1>
<p>The old bridge over the Alder will close for six weeks from Monday while engineers
replace two cracked beams, the city council said on Wednesday.</p>
<p>Drivers face a detour of about 12 kilometres, according to the council's estimate.</p>
</article></body></html>"""

ROUTES = {
    "/article": (200, "text/html; charset=utf-8", ARTICLE_PAGE),
    "/plain": (200, "text/plain; charset=utf-8", b"A plain text article about the bridge."),
    "/missing": (404, "text/html", b"<html><body>Not found</body></html>"),
    "/image": (200, "image/png", b"\x89PNG\r\n\x1a\n"),
    "/big": (200, "text/html", b"<html><body><p>" + b"x" * 5000 + b"</p></body></html>"),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        status, content_type, body = ROUTES.get(self.path, ROUTES["/missing"])
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if self.path != "/big":  # /big streams without a length, so the cap acts mid-stream
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # keep test output quiet
        pass


@contextlib.contextmanager
def serve():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_fetch_article_page(settings):
    with serve() as base:
        [doc] = list(ingest([f"{base}/article"], settings))
    assert isinstance(doc, Document) and doc.format == "url"
    assert doc.path == f"{base}/article"
    assert "cracked beams" in doc.text
    assert doc.hints.url == f"{base}/article"
    assert inspect(doc, settings).outlet == "River Post"


def test_fetch_plain_text(settings):
    with serve() as base:
        [doc] = list(ingest([f"{base}/plain"], settings))
    assert doc.text == "A plain text article about the bridge."


def test_fetch_failures_are_skipped_with_reason(settings):
    with serve() as base:
        items = list(ingest([f"{base}/missing", f"{base}/image"], settings))
    assert all(isinstance(i, Skipped) for i in items)
    assert "HTTP 404" in items[0].reason
    assert "image/png" in items[1].reason


def test_fetch_size_cap_enforced_while_streaming(settings):
    with serve() as base:
        [item] = list(ingest([f"{base}/big"], replace(settings, max_bytes=1000)))
    assert isinstance(item, Skipped)
    assert "1,000-byte cap" in item.reason


def test_fetch_unreachable_host_is_skipped(settings):
    with serve() as base:
        pass  # the server is gone: its port now refuses connections
    [item] = list(ingest([f"{base}/article"], replace(settings, fetch_timeout=2.0)))
    assert isinstance(item, Skipped)
    assert "fetch failed" in item.reason
