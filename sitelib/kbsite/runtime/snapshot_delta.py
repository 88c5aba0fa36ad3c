"""The start-up snapshot as a difference from what the browser already has.

A Pyodide memory snapshot is the WebAssembly memory after start-up, behind a header. Its first
megabytes are mostly the module's static data, which instantiating the WebAssembly writes into
memory anyway: 3.2 MB of data segments, 98 % of them unchanged when the snapshot is taken, and
1.3 MB of the snapshot's brotli size. The site ships those bytes XOR-ed with the data segments
instead, so they are zeros where nothing changed (59 KB after brotli). The worker undoes it right
after instantiation, with the instance's own fresh memory as the key (kbw-downloads.mjs,
`undoDeltaOnInstantiate`); nothing else reads the snapshot before then.

Only WebAssembly's active data segments at constant offsets (what Emscripten's main module has)
are used; anything else (passive segments, relocatable offsets) makes `memory_image` return None
and the snapshot ships as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

WASM_MAGIC = b"\0asm\x01\0\0\0"
DATA_SECTION = 11
I32_CONST, END = 0x41, 0x0B


@dataclass(frozen=True)
class Delta:
    offset: int  # where the memory starts in the snapshot file (after Pyodide's header)
    length: int  # how many memory bytes from address 0 are XOR-ed (a multiple of 4)

    def as_json(self) -> dict[str, int]:
        return {"offset": self.offset, "length": self.length}


def _leb128(data: bytes, at: int, signed: bool = False) -> tuple[int, int]:
    """A LEB128 number at `at`: (value, position after it). Signed for i32.const operands."""
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            if signed and byte & 0x40:
                value -= 1 << shift
            return value, at


def memory_image(wasm: bytes) -> bytes | None:
    """Memory as instantiating `wasm` leaves it, up to its last data byte; None when its data
    segments are not all active at constant offsets (then there is no fixed image)."""
    if not wasm.startswith(WASM_MAGIC):
        raise ValueError("not a WebAssembly module")
    at = len(WASM_MAGIC)
    placed: list[tuple[int, bytes]] = []
    while at < len(wasm):
        section = wasm[at]
        size, at = _leb128(wasm, at + 1)
        end = at + size
        if section == DATA_SECTION:
            count, cursor = _leb128(wasm, at)
            for _ in range(count):
                flags, cursor = _leb128(wasm, cursor)
                if flags != 0 or wasm[cursor] != I32_CONST:
                    return None  # passive, or placed by another memory index or a global
                offset, cursor = _leb128(wasm, cursor + 1, signed=True)
                if wasm[cursor] != END:
                    return None
                length, cursor = _leb128(wasm, cursor + 1)
                placed.append((offset, wasm[cursor : cursor + length]))
                cursor += length
        at = end
    if not placed:
        return None
    image = bytearray(max(offset + len(data) for offset, data in placed))
    for offset, data in placed:  # in order: a later segment overwrites an earlier one
        image[offset : offset + len(data)] = data
    return bytes(image)


def memory_offset(snapshot: bytes) -> int:
    """Where the memory starts in a Pyodide snapshot: the header's second 32-bit word (Pyodide's
    own loader reads it the same way, `t.subarray(e[1])`)."""
    if len(snapshot) < 8:
        raise ValueError("not a Pyodide snapshot: too short")
    offset = int.from_bytes(snapshot[4:8], "little")
    if offset % 4 or not 8 <= offset < len(snapshot):
        raise ValueError(f"not a Pyodide snapshot: memory offset {offset}")
    return offset


def xor_with_image(snapshot: bytes, image: bytes) -> tuple[bytes, Delta]:
    """`snapshot` with its first memory bytes XOR-ed with `image`; the same call undoes it."""
    offset = memory_offset(snapshot)
    length = min(len(image) + (-len(image) % 4), len(snapshot) - offset) // 4 * 4
    key = image[:length].ljust(length, b"\0")
    region = snapshot[offset : offset + length]
    mixed = (int.from_bytes(region, "little") ^ int.from_bytes(key, "little")).to_bytes(length, "little")
    return snapshot[:offset] + mixed + snapshot[offset + length :], Delta(offset, length)


def rewrite_as_delta(snapshot: Path, wasm: Path) -> Delta | None:
    """Rewrite the snapshot file as its delta from `wasm`'s data segments; None (file unchanged)
    when the module has no fixed memory image."""
    image = memory_image(wasm.read_bytes())
    if image is None:
        return None
    mixed, delta = xor_with_image(snapshot.read_bytes(), image)
    snapshot.write_bytes(mixed)
    return delta
