"""Serve WebAssembly and JavaScript modules with the MIME types browsers insist on.

`mkdocs serve` answers with whatever Python's `mimetypes` module guesses. A `.wasm` file sent as
anything but `application/wasm` makes Pyodide's streaming compile fail, and a failed wasm start
can hang silently; a `.mjs` module worker needs a JavaScript type. Registering the types when the
hook loads fixes it for the dev server; `tools/serve_site.py` and production servers set the
same types themselves.
"""

from __future__ import annotations

import mimetypes

MIME_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".svg": "image/svg+xml",
}

for suffix, mime in MIME_TYPES.items():
    mimetypes.add_type(mime, suffix)
