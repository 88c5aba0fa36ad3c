"""Pyodide's standard library as the site ships it (kbsite.runtime.build).

Pyodide's python_stdlib.zip is deflated member by member (2.5 MB), which leaves nothing for
brotli to find. The site ships it repacked without compression (9.7 MB, the same members), which
the server sends brotli-compressed as 1.6 MB (kbsite.precompress); reading a member then costs
no inflating either.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path


def stored_stdlib(source: Path, cache: Path) -> Path:
    """Pyodide's standard library zip with the same members, stored instead of deflated (cached
    by the source's hash): brotli then compresses it to two thirds of the deflated zip's size."""
    target = cache / f"python_stdlib-{hashlib.sha256(source.read_bytes()).hexdigest()[:16]}.zip"
    if target.is_file():
        target.touch()
        return target
    temporary = target.with_suffix(".tmp")
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(temporary, "w", zipfile.ZIP_STORED) as out:
        for info in original.infolist():
            member = zipfile.ZipInfo(info.filename, info.date_time)
            member.external_attr = info.external_attr
            out.writestr(member, original.read(info), zipfile.ZIP_STORED)
    temporary.replace(target)
    return target
