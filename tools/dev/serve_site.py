"""Serve a built site over http on 127.0.0.1, as a production web server would.

`file://` cannot load WebAssembly, so the built site is always served over http: by the test
fixtures (in a thread, on a free port), by `make preview` and by the audits. Like a real host it
sends `.wasm` as `application/wasm` (or Pyodide's streaming compile fails), gzips text and
WebAssembly for browsers that accept it, and answers missing pages with the 404 page of their
language.
"""

from __future__ import annotations

import argparse
import email.utils
import functools
import gzip
import http.server
import threading
from pathlib import Path
from typing import Any

from kbsite.hosting import COMPRESSIBLE, MIME_TYPES

_gzip_cache: dict[tuple[str, float], bytes] = {}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    # Keep-alive, as every real host does: with HTTP/1.0 each stylesheet and script costs a new
    # connection, which also makes Lighthouse's simulated load times pessimistic.
    protocol_version = "HTTP/1.1"
    extensions_map = {  # noqa: RUF012 - the stdlib's own class attribute, extended
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **MIME_TYPES,
    }

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # noqa: ANN201 - stdlib signature
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.suffix in COMPRESSIBLE and path.is_file()) or self.path.endswith("/.."):
            return super().send_head()
        if not self.path.split("?")[0].endswith("/") and Path(self.translate_path(self.path)).is_dir():
            return super().send_head()  # the redirect to the trailing slash
        stat = path.stat()
        body = _gzipped(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _BytesFile(body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # Serve the site's own 404 page (in the language of the path) like a real host would.
        if code == 404:
            root = Path(self.directory)
            lang_404 = root / "zh" / "404.html" if self.path.startswith("/zh/") else root / "404.html"
            if lang_404.is_file():
                body = lang_404.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)
                return
        super().send_error(code, message, explain)


def _gzipped(path: Path) -> bytes:
    key = (str(path), path.stat().st_mtime)
    if key not in _gzip_cache:
        _gzip_cache[key] = gzip.compress(path.read_bytes(), compresslevel=6)
    return _gzip_cache[key]


def precompress(root: Path, min_bytes: int = 100_000) -> None:
    """Compress the large files ahead of the first request, as hosts that serve precompressed
    files do: otherwise the first reader (or benchmark run) waits for 10 MB of WebAssembly to be
    compressed."""
    for path in root.rglob("*"):
        if path.suffix in COMPRESSIBLE and path.is_file() and path.stat().st_size >= min_bytes:
            _gzipped(path)


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

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that cancels a download resets the connection; that is not a server error.
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class SiteServer:
    """A threaded http server for one site directory; use as a context manager."""

    def __init__(
        self, root: Path, host: str = "127.0.0.1", port: int = 0, compress_first: bool = False
    ) -> None:
        self.root = root
        self.compress_first = compress_first  # reports: compress before serving, not during a run
        handler = functools.partial(SiteHandler, directory=str(root))
        self.httpd = QuietServer((host, port), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}/"

    def compress_large_files(self, wait: bool) -> None:
        if wait:
            precompress(Path(self.root))
        else:
            threading.Thread(target=precompress, args=(Path(self.root),), daemon=True).start()

    def __enter__(self) -> SiteServer:
        self.compress_large_files(wait=self.compress_first)
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
    server.compress_large_files(wait=False)
    try:
        server.httpd.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
