"""The start-up snapshot shipped as a delta from the WebAssembly's data segments
(kbsite.runtime.snapshot_delta): the memory image it assumes is the one V8 really makes."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from kbsite.runtime import snapshot_delta


def _leb(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _section(number: int, body: bytes) -> bytes:
    return bytes([number]) + _leb(len(body)) + body


def _module(segments: list[bytes]) -> bytes:
    """A module with one exported page of memory and the given data segments (raw encodings)."""
    memory = _section(5, b"\x01\x00\x01")  # one memory, min 1 page
    export = _section(7, b"\x01" + _leb(6) + b"memory" + b"\x02\x00")
    data = _section(11, _leb(len(segments)) + b"".join(segments))
    return snapshot_delta.WASM_MAGIC + memory + export + data


def _active(offset: int, data: bytes) -> bytes:
    # i32.const takes a signed LEB128; these offsets stay below 64, where both encodings agree.
    assert offset < 64
    return b"\x00\x41" + _leb(offset) + b"\x0b" + _leb(len(data)) + data


def _memory_in_v8(wasm: bytes, length: int) -> bytes:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    script = (
        "const bytes = Buffer.from(process.argv[1], 'hex');"
        "WebAssembly.instantiate(bytes).then(({instance}) => {"
        "  const memory = new Uint8Array(instance.exports.memory.buffer, 0, Number(process.argv[2]));"
        "  process.stdout.write(JSON.stringify(Buffer.from(memory).toString('hex')));"
        "});"
    )
    command = [node, "-e", script, wasm.hex(), str(length)]
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    return bytes.fromhex(json.loads(out.stdout))


def test_the_memory_image_is_what_instantiating_the_module_leaves():
    # Overlapping segments: the later one wins, as the WebAssembly specification says.
    wasm = _module([_active(8, b"hello, world"), _active(15, b"WASM"), _active(40, b"\xff" * 9)])
    image = snapshot_delta.memory_image(wasm)
    assert image is not None
    assert len(image) == 49
    assert image == _memory_in_v8(wasm, len(image))
    assert image[8:24] == b"hello, WASMd\0\0\0\0"


def test_a_module_with_a_passive_segment_has_no_fixed_image():
    passive = b"\x01" + _leb(3) + b"abc"
    assert snapshot_delta.memory_image(_module([_active(0, b"x"), passive])) is None
    assert snapshot_delta.memory_image(_module([])) is None
    with pytest.raises(ValueError, match="not a WebAssembly module"):
        snapshot_delta.memory_image(b"PK\x03\x04 a zip file")


def _snapshot(memory: bytes, offset: int = 32) -> bytes:
    header = struct.pack("<II", 0x5A4B_5342, offset).ljust(offset, b"\x07")
    return header + memory


def test_the_delta_is_zero_where_memory_kept_its_static_data_and_undoes_itself():
    image = bytes(range(1, 200)) * 3  # 597 bytes: the delta rounds up to whole 32-bit words
    memory = bytearray(image + b"\x55" * 1000)
    memory[100:104] = b"CHNG"  # the program wrote here while it ran
    snapshot = _snapshot(bytes(memory))
    mixed, delta = snapshot_delta.xor_with_image(snapshot, image)
    assert (delta.offset, delta.length) == (32, 600)
    assert mixed[:32] == snapshot[:32]  # Pyodide's header is untouched
    changed = [i for i in range(delta.length) if mixed[32 + i]]
    assert changed[:4] == [100, 101, 102, 103]
    assert all(i >= 597 for i in changed[4:])  # past the image, the key is zeros
    assert mixed[32 + 600 :] == snapshot[32 + 600 :]
    again, _ = snapshot_delta.xor_with_image(mixed, image)
    assert again == snapshot


def test_a_file_that_is_not_a_snapshot_is_refused():
    with pytest.raises(ValueError, match="not a Pyodide snapshot"):
        snapshot_delta.xor_with_image(b"short", b"image")
    with pytest.raises(ValueError, match="memory offset"):
        snapshot_delta.xor_with_image(struct.pack("<II", 1, 3) + b"\0" * 40, b"image")


def test_pyodide_s_own_module_has_a_fixed_image_covering_its_static_data():
    wasm = Path(__file__).resolve().parents[2] / "node_modules" / "pyodide" / "pyodide.asm.wasm"
    if not wasm.is_file():
        pytest.skip("Pyodide is not installed (make setup)")
    image = snapshot_delta.memory_image(wasm.read_bytes())
    assert image is not None
    assert 1_000_000 < len(image) < 64_000_000
    assert sum(1 for byte in image if byte) > len(image) // 4
