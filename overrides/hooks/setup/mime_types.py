"""Serve WebAssembly and JavaScript modules under `mkdocs serve` with the types browsers insist
on (the table: kbsite.hosting). mkdocs' dev server answers with whatever Python's `mimetypes`
guesses; registering the types when this hook loads fixes it."""

from __future__ import annotations

import mimetypes

from kbsite.hosting import MIME_TYPES

for suffix, mime in MIME_TYPES.items():
    mimetypes.add_type(mime, suffix)
