"""The start-up snapshot shipped without its runs of zeros (kbsite.runtime.snapshot_holes): the
file plus its list of holes gives back every byte, and nothing but zeros is ever left out."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kbsite.runtime import snapshot_holes


def _filled(holes: list[list[int]], packed: bytes, length: int) -> bytes:
    """What the worker rebuilds, written here byte by byte the plain way: a zeroed buffer, the
    file's bytes placed everywhere but in the holes."""
    skipped = {at for offset, size in holes for at in range(offset, offset + size)}
    out = bytearray(length)
    places = (at for at in range(length) if at not in skipped)
    for byte, at in zip(packed, places, strict=False):
        out[at] = byte
    assert len(packed) == length - len(skipped)
    return bytes(out)


def _sample(rng: random.Random) -> bytes:
    """Noise and zero runs of every kind of length: short, just under, at and over the limit,
    at the start and at the end."""
    parts = []
    for _ in range(rng.randint(1, 12)):
        run = rng.choice([0, 1, 50, 99, 100, 101, 400])
        noise = bytes(rng.randint(1, 255) for _ in range(rng.randint(0, 60)))
        parts.append(bytes(run) + noise if rng.random() < 0.5 else noise + bytes(run))
    return b"".join(parts)


@pytest.mark.parametrize("seed", range(40))
def test_the_file_and_its_holes_give_back_the_snapshot_byte_for_byte(tmp_path: Path, seed: int):
    data = _sample(random.Random(seed))
    snapshot = tmp_path / "snapshot.bin"
    snapshot.write_bytes(data)
    holes = snapshot_holes.rewrite_without_holes(snapshot, min_hole=100)
    assert _filled(holes, snapshot.read_bytes(), len(data)) == data
    for offset, size in holes:  # only long zero runs, each one whole
        assert size >= 100 and not any(data[offset : offset + size])
        assert offset == 0 or data[offset - 1] != 0
        assert offset + size == len(data) or data[offset + size] != 0


def test_every_run_of_zeros_at_the_limit_is_left_out_and_none_shorter():
    data = b"a" + bytes(99) + b"b" + bytes(100) + b"c" + bytes(250)
    assert snapshot_holes.find_holes(data, min_hole=100) == [(101, 100), (202, 250)]
    assert snapshot_holes.find_holes(bytes(5), min_hole=100) == []
    assert snapshot_holes.find_holes(b"", min_hole=100) == []


def test_a_snapshot_without_long_zero_runs_is_shipped_as_it_is(tmp_path: Path):
    snapshot = tmp_path / "snapshot.bin"
    snapshot.write_bytes(b"\x01\x00" * 5000)
    assert snapshot_holes.rewrite_without_holes(snapshot) == []
    assert snapshot.read_bytes() == b"\x01\x00" * 5000


def test_a_hole_that_is_not_all_zeros_is_refused():
    with pytest.raises(ValueError, match="not a hole of zeros at 2"):
        snapshot_holes.without_holes(b"abcdef", [(2, 2)])
