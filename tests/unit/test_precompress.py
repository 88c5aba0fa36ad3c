"""Precompressed copies beside the site's large files (kbsite.precompress): what a server sends
as it is must be the file's own bytes, compressed, and only where that saves something."""

from __future__ import annotations

import gzip
import random
import zlib
from pathlib import Path

import brotli

from kbsite import precompress


def test_a_text_file_gets_copies_that_decode_to_its_bytes(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    script = site / "kb.js"
    script.write_text("const answer = 'memory';\n" * 400, "utf-8")
    written = precompress.precompress(site, tmp_path / "cache")
    assert sorted(p.name for p in written) == ["kb.js.br", "kb.js.gz"]
    assert brotli.decompress((site / "kb.js.br").read_bytes()) == script.read_bytes()
    assert gzip.decompress((site / "kb.js.gz").read_bytes()) == script.read_bytes()


def test_a_file_compressed_already_gets_no_copies_and_loses_a_stale_one(tmp_path: Path):
    """Pyodide's deflated standard library: a copy would save almost nothing, and a copy left by
    an earlier build (of other bytes under the same name) would be served instead of it."""
    site = tmp_path / "site"
    site.mkdir()
    library = site / "python_stdlib_full.zip"
    noise = random.Random(7).randbytes(200_000)
    library.write_bytes(zlib.compress(noise, 9))
    (site / "python_stdlib_full.zip.br").write_bytes(brotli.compress(b"an earlier build's library"))
    assert precompress.precompress(site, tmp_path / "cache") == []
    assert not (site / "python_stdlib_full.zip.br").exists()
    assert not (site / "python_stdlib_full.zip.gz").exists()


def test_a_file_over_a_megabyte_gets_only_the_brotli_copy_and_loses_a_stale_gzip_one(tmp_path: Path):
    """The runtime's large files: a browser without brotli gets them gzipped by the server on the
    fly (kbsite.nginx), so a gzip copy would only double their disk space."""
    site = tmp_path / "site"
    site.mkdir()
    runtime = site / "pyodide.asm.wasm"
    runtime.write_bytes(b"\0asm" + bytes(range(256)) * 5000)  # 1.28 MB, compressible
    (site / "pyodide.asm.wasm.gz").write_bytes(gzip.compress(b"an earlier build's runtime"))
    written = precompress.precompress(site, tmp_path / "cache")
    assert [p.name for p in written] == ["pyodide.asm.wasm.br"]
    assert brotli.decompress((site / "pyodide.asm.wasm.br").read_bytes()) == runtime.read_bytes()
    assert not (site / "pyodide.asm.wasm.gz").exists(), "a stale gzip copy would be served"
