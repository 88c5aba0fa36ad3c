"""`make preview`'s server behaves like the deployed host: headers, 404s, no listings, and
bad or idle requests answered or closed instead of breaking it."""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request

import pytest

from kbsite.hosting import CONTENT_SECURITY_POLICY
from tools.dev.serve_site import IDLE_SECONDS, SiteServer


@pytest.fixture(scope="module")
def preview(built_site):
    with SiteServer(built_site.root) as server:
        yield server


def _get(url: str, encoding: str = "identity") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _raw(server: SiteServer, request: bytes) -> bytes:
    host, port = server.httpd.server_address[:2]
    with socket.create_connection((str(host), port), timeout=10) as sock:
        sock.sendall(request)
        return sock.recv(4096)


def test_a_path_with_a_nul_byte_is_a_400_not_a_dropped_connection(preview):
    assert _raw(preview, b"GET /index.html%00.txt HTTP/1.1\r\nHost: x\r\n\r\n").startswith(b"HTTP/1.1 400")


def test_folders_are_never_listed(preview):
    for path in ("pyodide/", "assets/", "assets/javascripts/"):
        status, _, body = _get(preview.url + path)
        assert status == 404 and b"Directory listing" not in body, path


def test_every_answer_carries_the_security_headers_and_missing_pages_their_languages_404(preview):
    for path in ("", "zh/no-such-page/", "no-such-page/"):
        status, headers, body = _get(preview.url + path)
        assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
        assert headers["X-Content-Type-Options"] == "nosniff"
    assert b'lang="zh"' in _get(preview.url + "zh/no-such-page/")[2]


def test_precompressed_webassembly_is_sent_when_accepted(preview):
    status, headers, _ = _get(preview.url + "pyodide/pyodide.asm.wasm", "br, gzip")
    assert (status, headers["Content-Encoding"], headers["Content-Type"]) == (200, "br", "application/wasm")


def test_a_half_sent_request_is_closed_after_the_idle_limit(preview):
    host, port = preview.httpd.server_address[:2]
    with socket.create_connection((str(host), port), timeout=IDLE_SECONDS + 10) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")  # never finished
        started = time.monotonic()
        assert sock.recv(4096) == b""  # the server closed it
        assert time.monotonic() - started < IDLE_SECONDS + 5
