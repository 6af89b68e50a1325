"""The web UI under hostile or careless clients (issue 12): DNS rebinding, idle and slow
connections, methods it does not serve; searches answered without loading the corpus."""

from __future__ import annotations

import http.client
import socket
import threading
import urllib.parse

import pytest

import claimledger.serve as serve_module
from claimledger.serve import make_server
from claimledger.serve.hosts import HostCheck, split_host
from claimledger.store import Store


def _request(url: str, path: str, *, host: str | None = None, method: str = "GET"):
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.putrequest(method, path, skip_host=host is not None)
        if host is not None:
            conn.putheader("Host", host)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("header", "parsed"),
    [
        ("127.0.0.1:8765", ("127.0.0.1", 8765)),
        ("LOCALHOST.:80", ("localhost", 80)),
        ("[::1]:8765", ("::1", 8765)),
        ("[::1]", ("::1", None)),
        ("example.org", ("example.org", None)),
        ("a:b", None),
        (":8765", None),
        ("[::1", None),
        ("host:99999", None),
    ],
)
def test_hosts_split_host_header(header, parsed):
    assert split_host(header) == parsed


@pytest.mark.parametrize(
    ("bound", "header", "allowed"),
    [
        ("127.0.0.1", "127.0.0.1:8765", True),
        ("127.0.0.1", "localhost:8765", True),
        ("127.0.0.1", "[::1]:8765", True),
        ("127.0.0.1", "attacker.example:8765", False),  # DNS rebinding
        ("127.0.0.1", "127.0.0.1:9999", False),
        ("127.0.0.1", "127.0.0.1", False),  # port 80 implied
        ("127.0.0.1", None, False),
        ("0.0.0.0", "192.0.2.7:8765", True),
        ("0.0.0.0", "attacker.example:8765", False),
        ("192.0.2.7", "192.0.2.7:8765", True),
        ("192.0.2.7", "192.0.2.8:8765", False),
        ("localhost", "localhost:8765", True),
        ("localhost", "attacker.example:8765", False),
    ],
)
def test_hosts_check_answers_only_the_bound_address(bound, header, allowed):
    assert HostCheck(bound, 8765).allows(header) is allowed


def test_serve_refuses_a_rebound_host_name(sample_server_url):
    port = urllib.parse.urlsplit(sample_server_url).port
    status, body = _request(sample_server_url, "/ledger.json", host=f"attacker.example:{port}")
    assert status == 400 and b"documents" not in body
    status, _ = _request(sample_server_url, "/ledger.json", host=f"127.0.0.1:{port}")
    assert status == 200


def test_serve_refuses_methods_it_does_not_serve(sample_server_url):
    status, _ = _request(sample_server_url, "/search", method="POST")
    assert status == 405


def test_serve_ledger_json_is_strict_json(sample_server_url):
    import json

    _, body = _request(sample_server_url, "/ledger.json")

    def refuse(name):
        raise ValueError(name)

    assert json.loads(body, parse_constant=refuse)["claims"]


def test_serve_searches_do_not_load_the_corpus(sample_server_url, monkeypatch):
    def refuse(self):
        raise AssertionError("a search loaded the whole corpus")

    monkeypatch.setattr(Store, "load_corpus", refuse)
    for query in ("?q=arms", "?verdict=conflict", "?q=weapons&verdict=conflict&outlet=x"):
        status, _ = _request(sample_server_url, "/search" + query)
        assert status == 200, query


@pytest.fixture
def short_timeout_server(sample_store, monkeypatch):
    monkeypatch.setattr(serve_module, "CHANNEL_TIMEOUT", 1)
    server = make_server(sample_store, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_serve_idle_connections_hold_no_worker_and_are_closed(short_timeout_server):
    url = short_timeout_server.url
    host, port = "127.0.0.1", short_timeout_server.port
    idle = [
        socket.create_connection((host, port), timeout=30) for _ in range(3 * serve_module.THREADS)
    ]
    try:
        for sock in idle[: serve_module.THREADS]:
            sock.sendall(b"GET /search?q=arms HTTP/1.1\r\nHost: ")  # a request never finished
        # every worker would be taken if idle or slow clients held one
        status, _ = _request(url, "/search?q=arms")
        assert status == 200
        for sock in idle:
            assert sock.recv(1) == b""  # closed by the server's channel timeout
    finally:
        for sock in idle:
            sock.close()


def test_serve_settle_heap_hides_startup_objects_but_still_frees_later_garbage():
    import gc
    import weakref

    class Node:
        pass

    try:
        serve_module.settle_heap()
        assert gc.get_freeze_count() > 0  # what was alive at setup is out of the collector's walk
        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle: only the collector can free it
        gone = weakref.ref(a)
        del a, b
        gc.collect()
        assert gone() is None
    finally:
        gc.unfreeze()
