"""What any server of the built site must send, in one place for every server we write for.

`mkdocs serve` (overrides/hooks/setup/mime_types.py), the preview server (tools/dev/
serve_site.py), the nginx configuration (kbsite.nginx) and the `_headers` file for static hosts
(written into the site) all read these tables:

- MIME types: a `.wasm` file sent as anything but `application/wasm` makes Pyodide's streaming
  compile fail, and a module worker (`.mjs`) needs a JavaScript type;
- security headers, each for a reason (README, "Hosting");
- caching: files whose name carries a content hash never change (cache for a year); every
  other file is revalidated, so a new deploy is seen at once.
"""

from __future__ import annotations

import re

MIME_TYPES: dict[str, str] = {
    ".html": "text/html",
    ".css": "text/css",
    ".txt": "text/plain",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".map": "application/json",
    ".gz": "application/gzip",
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".xml": "application/xml",
    ".bin": "application/octet-stream",
}

COMPRESSIBLE = frozenset(
    {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".wasm", ".whl", ".zip", ".bin"}
)
"""Worth compressing on the fly when no precompressed copy fits the request: text, WebAssembly
(about a third of its size gzipped), our stored zips and wheels, and the start-up snapshot
(kbsite.precompress writes no gzip copy of files over 1 MB)."""

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        # Pyodide compiles WebAssembly: 'wasm-unsafe-eval' allows exactly that, not eval().
        "script-src 'self' 'wasm-unsafe-eval'",
        "worker-src 'self'",
        "connect-src 'self'",
        "img-src 'self'",
        "style-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    # A file is what its type says: an uploaded-looking text is never run as a script.
    "X-Content-Type-Options": "nosniff",
    # The reader's answers live in the query string: never hand the address to another site.
    "Referrer-Policy": "no-referrer",
    # Nothing here needs a camera, a microphone, a location, payments or USB.
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    # No other site may open us in a window it can script, or frame us (clickjacking).
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}

HASHED_NAME = re.compile(r"\.[0-9a-f]{8}(?:\.min)?\.(?:js|css)$")
"""Material's bundles and workers, and our joined stylesheet (kbsite.stylesheet): the name
changes whenever the content does."""
CACHE_FOREVER = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


def cache_control(path: str) -> str:
    """The Cache-Control of a site path ("assets/javascripts/bundle.a5f9d56c.min.js")."""
    return CACHE_FOREVER if HASHED_NAME.search(path) else REVALIDATE


def headers_for(path: str) -> dict[str, str]:
    """Every header a response for `path` carries, besides its type and length."""
    return {**SECURITY_HEADERS, "Cache-Control": cache_control(path)}


def headers_file(paths: list[str]) -> str:
    """The `_headers` file that static hosts and CDNs read (Netlify, Cloudflare Pages...), for a
    site holding `paths` (relative to its root): every header on every file, and a year of
    caching on each file with a hashed name, listed by name (a pattern would also catch
    unhashed files such as Material's lunr scripts)."""
    lines = ["/*"] + [f"  {name}: {value}" for name, value in SECURITY_HEADERS.items()]
    lines.append(f"  Cache-Control: {REVALIDATE}")
    for path in sorted(path for path in paths if HASHED_NAME.search(path)):
        lines += [f"/{path}", "  ! Cache-Control", f"  Cache-Control: {CACHE_FOREVER}"]
    return "\n".join(lines) + "\n"
