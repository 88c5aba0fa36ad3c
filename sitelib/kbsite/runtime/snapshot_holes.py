"""The start-up snapshot without its long runs of zeros.

A Pyodide memory snapshot is the whole WebAssembly memory: 31 MB, of which about 19 MB are
runs of zeros (free memory, which make_snapshot.mjs zeroes, and the delta's unchanged static
data: snapshot_delta.py). Brotli and gzip squeeze those runs to almost nothing, but every
build also ships the file itself, for servers that send files as they are: without the runs
it is 12 MB instead of 31 MB, at every size of site.

The runs left out ("holes") are listed in runtime.json; the worker reads the file into a
zeroed buffer of the full length and skips each hole as it writes (kbw-downloads.mjs,
`snapshotWriter`), so what Pyodide gets is the snapshot byte for byte.
"""

from __future__ import annotations

import re
from pathlib import Path

# Shorter runs are not worth a line in runtime.json (there are about a dozen of this size).
MIN_HOLE = 64 * 1024
_NONZERO = re.compile(rb"[^\x00]")


def find_holes(data: bytes, min_hole: int = MIN_HOLE) -> list[tuple[int, int]]:
    """(offset, length) of every run of at least `min_hole` zero bytes, in order."""
    if min_hole < 1:
        raise ValueError("a hole is at least one byte long")
    holes: list[tuple[int, int]] = []
    block = bytes(min_hole)
    at = 0
    # find() for the first min_hole zeros, then a search for the next non-zero byte: linear,
    # where a regex like \0{65536,} retries at every byte of a run just short of the limit.
    while (start := data.find(block, at)) != -1:
        found = _NONZERO.search(data, start + min_hole)
        end = found.start() if found else len(data)
        holes.append((start, end - start))
        at = end
    return holes


def without_holes(data: bytes, holes: list[tuple[int, int]]) -> bytes:
    """`data` with the bytes of each hole left out."""
    parts = []
    at = 0
    for offset, length in holes:
        if offset < at or any(data[offset : offset + length]):
            raise ValueError(f"not a hole of zeros at {offset} (+{length})")
        parts.append(data[at:offset])
        at = offset + length
    parts.append(data[at:])
    return b"".join(parts)


def rewrite_without_holes(snapshot: Path, min_hole: int = MIN_HOLE) -> list[list[int]]:
    """Rewrite the snapshot file without its holes; the holes, as runtime.json lists them."""
    data = snapshot.read_bytes()
    holes = find_holes(data, min_hole)
    snapshot.write_bytes(without_holes(data, holes))
    return [[offset, length] for offset, length in holes]
