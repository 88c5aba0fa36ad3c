"""Precompressed copies of the site's large static files: `x.wasm.br` and `x.wasm.gz` beside
`x.wasm`, for servers that send them as they are (nginx's brotli_static and gzip_static, most
CDNs) instead of compressing on every request.

Brotli at its best setting makes Pyodide's WebAssembly about a fifth smaller than gzip does,
but takes seconds per file, so results are kept in a cache folder by the content's hash: a
rebuild with the same runtime compresses nothing. Files over 16 MB get quality 10 with a 16 MB
window (the start-up snapshot, when it was 31 MB: 4.76 MB in 22 s, where quality 11 took 114 s
for 4.8 MB, its default 4 MB window seeing less); the 12 MB snapshot gets quality 11.
Pages (.html) are left to the server's own compression: there are thousands of them and they
change on every build.

Files over 1 MB get only the brotli copy. The gzip copy is for the few readers whose browser
takes gzip but not brotli (browsers send brotli only over HTTPS and to localhost) or behind an
nginx without the brotli module; for the runtime's four large files it was 8.6 MB of every
build (the WebAssembly, the start-up snapshot, the standard library and Pyodide's script), and
the server gzips them on the fly for such a reader instead (kbsite.nginx, `gzip_types`; the
service worker keeps them, so once per reader): a few hundred milliseconds of the server's CPU
and a copy 10-20 % larger than the gzip -9 one would have been.
"""

from __future__ import annotations

import gzip
import hashlib
import shutil
import time
from pathlib import Path

import brotli

# .bin: the start-up snapshot; .zip and .whl: the standard library and the wheels, our own stored
# uncompressed for this (kbsite.runtime.zips).
SUFFIXES = frozenset(
    {".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".xml", ".txt", ".bin", ".zip", ".whl"}
)
LARGE = 16 * 1024 * 1024
MIN_BYTES = 1024  # below this the header costs more than the saving
# A copy must be at least a tenth smaller: a file that is compressed already (Pyodide's deflated
# standard library, the fallback of kbsite.runtime.stdlib) would only take disk space twice.
WORTH = 0.9
GZIP_COPY_MAX = 1024 * 1024  # larger files: brotli copy only (above)
KEEP_DAYS = 14  # cached results nobody used for this long are deleted


def candidates(site: Path) -> list[Path]:
    return sorted(
        path
        for path in site.rglob("*")
        if path.suffix in SUFFIXES and path.is_file() and path.stat().st_size >= MIN_BYTES
    )


def _compressed(data: bytes, kind: str) -> bytes:
    if kind == "br" and len(data) > LARGE:
        return bytes(brotli.compress(data, quality=10, lgwin=24))
    if kind == "br":
        return bytes(brotli.compress(data, quality=11))
    return gzip.compress(data, compresslevel=9, mtime=0)


def precompress(site: Path, cache: Path) -> list[Path]:
    """Write `.br` and (up to GZIP_COPY_MAX) `.gz` beside every candidate in `site`; returns the
    files written. A copy an earlier build left and this one does not write is deleted."""
    cache.mkdir(parents=True, exist_ok=True)
    written = []
    for path in candidates(site):
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()[:32] + ("-q10w24" if len(data) > LARGE else "")
        for kind in ("br", "gz") if len(data) <= GZIP_COPY_MAX else ("br",):
            cached = cache / f"{digest}.{kind}"
            if cached.is_file():
                cached.touch()  # still in use: not pruned
            else:
                packed = _compressed(data, kind)
                temporary = cached.with_suffix(".tmp")
                temporary.write_bytes(packed)
                temporary.replace(cached)
            target = path.with_name(path.name + "." + kind)
            if cached.stat().st_size < len(data) * WORTH:
                shutil.copyfile(cached, target)
                written.append(target)
            else:  # a copy left by an earlier build would be served for this file's new bytes
                target.unlink(missing_ok=True)
        if len(data) > GZIP_COPY_MAX:
            path.with_name(path.name + ".gz").unlink(missing_ok=True)
    _prune(cache)
    return written


def _prune(cache: Path) -> None:
    oldest = time.time() - KEEP_DAYS * 86400
    for entry in cache.iterdir():
        if entry.stat().st_mtime < oldest:
            entry.unlink(missing_ok=True)
