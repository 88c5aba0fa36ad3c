"""Correct a `tws.vmoptions` file: one `-Xmx` line, right below `### Keep on update`.

TWS versions before 972 read their memory allocation from the `-Xmx` line of tws.vmoptions,
and an update rewrites the part of the file above `### Keep on update`: the line has to sit
below that marker to survive. The fix works on bytes so that every other line stays exactly
as it was, line endings included (a CRLF file stays CRLF), and it is idempotent.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from kbwidgets.engine.errors import InputError

MARKER = b"### Keep on update"
BOM = b"\xef\xbb\xbf"
MAX_BYTES = 64 * 1024  # a real tws.vmoptions is about 1 KB
XMX = re.compile(rb"^\s*-Xmx(\d+)([kKmMgG]?)\s*$")
MB_FACTOR = {b"": 1 / (1024 * 1024), b"k": 1 / 1024, b"m": 1, b"g": 1024}


@dataclass(frozen=True)
class Fixed:
    data: bytes
    changed: bool
    previous_mb: list[int] = field(default_factory=list)  # every -Xmx value found, in MB
    notes: list[str] = field(default_factory=list)  # ids: marker_added, duplicates_removed, ...


def _ending(line: bytes) -> bytes:
    for end in (b"\r\n", b"\n", b"\r"):
        if line.endswith(end):
            return end
    return b""


def check(data: bytes, declared_size: int | None = None) -> None:
    """Refuse what is not a tws.vmoptions file: too large, or binary."""
    size = declared_size if declared_size is not None else len(data)
    if size > MAX_BYTES or len(data) > MAX_BYTES:
        raise InputError("vmoptions.too_large", limit_kb=MAX_BYTES // 1024)
    body = data.removeprefix(BOM)
    if b"\x00" in body:
        raise InputError("vmoptions.binary")
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("vmoptions.binary") from None


def fix(data: bytes, mb: int) -> Fixed:
    """The corrected file for an allocation of `mb` megabytes."""
    check(data)
    if not 1 <= mb <= 1024 * 1024:
        raise InputError("vmoptions.bad_value")
    bom = BOM if data.startswith(BOM) else b""
    lines = data[len(bom) :].splitlines(keepends=True)
    newline = b"\r\n" if any(line.endswith(b"\r\n") for line in lines) else b"\n"
    wanted = b"-Xmx%dm" % mb

    previous = [
        round(int(m.group(1)) * MB_FACTOR[m.group(2).lower()]) for line in lines if (m := XMX.match(line))
    ]
    kept = [line for line in lines if not XMX.match(line)]
    notes = []
    if len(previous) > 1:
        notes.append("duplicates_removed")
    if not previous:
        notes.append("xmx_added")
    if not lines:
        notes.append("empty_file")

    marker_at = next((i for i, line in enumerate(kept) if line.strip().lower() == MARKER.lower()), None)
    if marker_at is None:
        notes.append("marker_added")
        if kept and not _ending(kept[-1]):
            kept[-1] += newline
        kept.append(MARKER + newline)
        marker_at = len(kept) - 1
    elif not _ending(kept[marker_at]):
        kept[marker_at] += newline
    # Keep the ending the removed -Xmx line had, if there was one; else the file's usual one.
    old_line = next((line for line in lines if XMX.match(line)), b"")
    ending = _ending(old_line) or newline
    if marker_at == len(kept) - 1 and old_line and not _ending(old_line):
        ending = b""  # it was the last line, without an ending: keep it that way
    kept.insert(marker_at + 1, wanted + ending)
    out = bom + b"".join(kept)
    return Fixed(out, out != data, previous, notes)


def diff(before: bytes, after: bytes, name: str = "tws.vmoptions") -> str:
    """A unified diff for people to read (line endings shown as they are not: text only)."""
    old = before.removeprefix(BOM).decode("utf-8", "replace").splitlines()
    new = after.removeprefix(BOM).decode("utf-8", "replace").splitlines()
    return "\n".join(difflib.unified_diff(old, new, f"{name} (before)", f"{name} (after)", lineterm=""))
