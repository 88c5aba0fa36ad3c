"""Serve a built site over http on 127.0.0.1 as the deployed host does: `make preview`, the
benchmarks and the audits (the browser tests use nginx itself, tools/dev/nginx_server.py).

Like the nginx configuration (kbsite.nginx) it sends the types, security and caching headers of
kbsite.hosting on every response, the precompressed `.br`/`.gz` copy the build wrote when the
browser accepts it (other text gzipped on the fly), a 304 for a revalidation of an unchanged
file (the ETag nginx sends: every file but the hashed ones is "no-cache", so without it each
revalidation downloads the file again), the 404 page of the address's language, a 404 for a
folder without an index page (never a listing), a 400 for a request it cannot read, and it
closes connections that stay idle or half-sent.

`SiteServer.sent` counts the bytes written to the network per path (status line, headers and
body): what `make bench` reports as transferred, whatever the browser counts as a cache hit.
"""

from __future__ import annotations

import argparse
import collections
import email.utils
import functools
import gzip
import http.server
import sys
import threading
import urllib.parse
from pathlib import Path
from typing import Any

from kbsite.hosting import COMPRESSIBLE, MIME_TYPES, headers_for

IDLE_SECONDS = 15
_gzip_cache: dict[tuple[str, float], bytes] = {}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    # Keep-alive, as every real host does: with HTTP/1.0 each stylesheet and script costs a new
    # connection, which also makes Lighthouse's simulated load times pessimistic.
    protocol_version = "HTTP/1.1"
    timeout = IDLE_SECONDS  # an idle or half-sent request is closed, not kept forever
    extensions_map = {  # noqa: RUF012 - the stdlib's own class attribute, extended
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **MIME_TYPES,
    }

    def log_message(self, format: str, *args: object) -> None:
        pass

    def setup(self) -> None:
        super().setup()
        self.wfile = _CountingWriter(self.wfile, self)  # type: ignore[assignment]

    def end_headers(self) -> None:
        for name, value in headers_for(self.path.split("?")[0].lstrip("/")).items():
            self.send_header(name, value)
        super().end_headers()

    def send_head(self) -> Any:
        try:
            return self._send_head()
        except (ValueError, OSError):  # a NUL in the path, a name the file system refuses
            self.send_error(400)
            return None

    def _send_head(self) -> Any:
        if any(ord(char) < 32 for char in urllib.parse.unquote(self.path)):
            raise ValueError("a control character in the path")
        target = Path(self.translate_path(self.path))
        if target.is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # the redirect to the trailing slash
        path = target / "index.html" if target.is_dir() else target
        if not path.is_file():
            self.send_error(404)
            return None
        etag = _etag(path)
        if etag in {tag.strip() for tag in self.headers.get("If-None-Match", "").split(",")}:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        accepts = self.headers.get("Accept-Encoding", "")
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            packed = path.with_name(path.name + suffix)
            if encoding in accepts and packed.is_file():
                return self._send(path, packed.read_bytes(), encoding)
        if "gzip" in accepts and path.suffix in COMPRESSIBLE:
            return self._send(path, _gzipped(path), "gzip")
        return self._send(path, path.read_bytes(), None)

    def _send(self, path: Path, body: bytes, encoding: str | None) -> _BytesFile:
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", email.utils.formatdate(path.stat().st_mtime, usegmt=True))
        self.send_header("ETag", _etag(path))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _BytesFile(body)

    def list_directory(self, _path: Any) -> None:
        self.send_error(404)  # never a listing

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # Serve the site's own 404 page, in the language of the path, like a real host would.
        if code == 404:
            root = Path(self.directory)
            folder = self.path.lstrip("/").split("/")[0]
            page = root / folder / "404.html"
            page = page if folder and page.is_file() else root / "404.html"
            if page.is_file():
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)
                return
        super().send_error(code, message, explain)


def _etag(path: Path) -> str:
    """nginx's ETag: modification time and size in hex (the same for every encoding it sends)."""
    stat = path.stat()
    return f'"{int(stat.st_mtime):x}-{stat.st_size:x}"'


class _CountingWriter:
    """The connection's writer, adding what it writes to the server's per-path count."""

    def __init__(self, inner: Any, handler: SiteHandler) -> None:
        self.inner = inner
        self.handler = handler

    def write(self, data: bytes) -> int:
        path = getattr(self.handler, "path", "?").split("?")[0]
        sent = getattr(self.handler.server, "sent", None)
        if sent is not None:
            sent[path] += len(data)
        return self.inner.write(data)

    def flush(self) -> None:
        self.inner.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def _gzipped(path: Path) -> bytes:
    key = (str(path), path.stat().st_mtime)
    if key not in _gzip_cache:
        _gzip_cache[key] = gzip.compress(path.read_bytes(), compresslevel=6)
    return _gzip_cache[key]


class _BytesFile:
    """What SimpleHTTPRequestHandler expects back from send_head: something to copy and close."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    def read(self, _size: int = -1) -> bytes:
        body, self.body = self.body, b""
        return body

    def close(self) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    sent: collections.Counter[str]

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that cancels a download resets the connection; an idle one times out.
        if not isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            super().handle_error(request, client_address)


class SiteServer:
    """A threaded http server for one site directory; use as a context manager."""

    def __init__(self, root: Path, host: str = "127.0.0.1", port: int = 0) -> None:
        self.root = root
        handler = functools.partial(SiteHandler, directory=str(root))
        self.httpd = QuietServer((host, port), handler)
        self.httpd.sent = collections.Counter()
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def sent(self) -> collections.Counter[str]:
        """Bytes written to the network per path since the start (or the last `.clear()`)."""
        return self.httpd.sent

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}/"

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path, help="the built site directory, e.g. site")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    server = SiteServer(args.root, args.host, args.port)
    print(f"Serving {args.root} at {server.url} (Ctrl+C to stop)", flush=True)
    try:
        server.httpd.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
