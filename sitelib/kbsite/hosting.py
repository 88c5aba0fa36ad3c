"""What any server of the built site must get right, in one place for every server we run.

`mkdocs serve` (overrides/hooks/setup/mime_types.py) and the preview server (tools/dev/
serve_site.py) both read this table. A `.wasm` file sent as anything but `application/wasm`
makes Pyodide's streaming compile fail, and a module worker (`.mjs`) needs a JavaScript type.
"""

from __future__ import annotations

MIME_TYPES: dict[str, str] = {
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

COMPRESSIBLE = frozenset({".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".wasm", ".whl"})
"""Worth sending compressed: text, and WebAssembly (about a third of its size gzipped)."""
