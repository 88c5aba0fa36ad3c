"""Correct a `tws.vmoptions` file: one `-Xmx` line, right below `### Keep on update`.

TWS versions before 972 read their memory allocation from the heap setting in tws.vmoptions;
the source article has the reader move the `-Xmx` line below the `### Keep on update` line and
change its value. The Java virtual machine uses the LAST heap setting it reads, and refuses to
start on one it cannot read, so every line that sets the heap goes: `-Xmx` with any unit the JVM
takes (k, m, g, t, either case, or none: bytes), `-XX:MaxHeapSize=...`, and malformed forms such
as `-Xmx 2048m` (the JVM would not start), each named in a note. Then one `-Xmx<mb>m` line is
put right below the marker.

Everything else stays exactly as it was: the encoding (kbwidgets.rules.text_files), every other
line byte for byte, every line ending, lone carriage returns included. Fixing a fixed file
changes nothing, whatever its size: the size limit counts the file without its heap and marker
lines, which are the only lines the fix adds or removes.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from kbwidgets.engine.errors import InputError
from kbwidgets.rules.text_files import TextFile, ending, lines, read_text, usual_ending

MARKER = "### Keep on update"
MAX_BYTES = 64 * 1024  # the file without its heap and marker lines; a real one is about 1 KB
READ_LIMIT = 2 * MAX_BYTES  # what is read at all (browser and command line)
MAX_MB = 1024 * 1024
HEAP_VALUE = re.compile(r"^(?:-Xmx|-XX:MaxHeapSize=)(\d{1,15})([kKmMgGtT]?)$")
STARTS_HEAP = re.compile(r"^\s*(?:-Xmx|-XX:MaxHeapSize)")
MB_FACTOR = {"": 1 / (1024 * 1024), "k": 1 / 1024, "m": 1, "g": 1024, "t": 1024 * 1024}


@dataclass(frozen=True)
class Fixed:
    data: bytes
    changed: bool
    previous_mb: list[int] = field(default_factory=list)  # every readable heap value, in MB
    notes: list[str] = field(default_factory=list)  # ids: marker_added, duplicates_removed, ...
    malformed_lines: list[int] = field(default_factory=list)  # 1-based lines the JVM could not read
    encoding: str = "UTF-8"


def is_heap_line(line: str) -> bool:
    return bool(STARTS_HEAP.match(line))


def heap_mb(line: str) -> int | None:
    """The value of a well-formed heap line in MB (None for a malformed one)."""
    match = HEAP_VALUE.match(line.strip())
    if match is None:
        return None
    return round(int(match.group(1)) * MB_FACTOR[match.group(2).lower()])


def is_marker(line: str) -> bool:
    return line.strip().lower() == MARKER.lower()


def check(data: bytes, declared_size: int | None = None) -> TextFile:
    """Refuse what is not a tws.vmoptions file: too large, or not text. Returns the text."""
    if (declared_size or 0) > READ_LIMIT or len(data) > READ_LIMIT:
        raise InputError("vmoptions.too_large", limit_kb=MAX_BYTES // 1024)
    file = read_text(data)
    rest = [line for line in lines(file.text) if not (is_heap_line(line) or is_marker(line))]
    if len(file.encode("".join(rest))) > MAX_BYTES:
        raise InputError("vmoptions.too_large", limit_kb=MAX_BYTES // 1024)
    return file


def fix(data: bytes, mb: int) -> Fixed:
    """The corrected file for an allocation of `mb` megabytes."""
    if isinstance(mb, bool) or not isinstance(mb, int) or not 1 <= mb <= MAX_MB:
        raise InputError("vmoptions.bad_value")
    file = check(data)
    found = lines(file.text)
    newline = usual_ending(found)
    heap = [(number, line) for number, line in enumerate(found, start=1) if is_heap_line(line)]
    previous = [value for _, line in heap if (value := heap_mb(line)) is not None]
    malformed = [number for number, line in heap if heap_mb(line) is None]
    kept = [line for line in found if not is_heap_line(line)]

    notes = []
    if len(heap) > 1:
        notes.append("duplicates_removed")
    if not heap:
        notes.append("xmx_added")
    if malformed:
        notes.append("malformed_replaced")
    if not found:
        notes.append("empty_file")
    if file.codec != "utf-8" or file.bom:
        notes.append("encoding_kept")

    marker_at = next((i for i, line in enumerate(kept) if is_marker(line)), None)
    if marker_at is None:
        notes.append("marker_added")
        if kept and not ending(kept[-1]):
            kept[-1] += newline
        kept.append(MARKER + newline)
        marker_at = len(kept) - 1
    elif not ending(kept[marker_at]):
        kept[marker_at] += newline
    # The new line keeps the ending the first old heap line had, else the file's usual one; and
    # when it becomes the last line of a file whose last line was a heap line without an
    # ending, it has none either.
    new_ending = (ending(heap[0][1]) or newline) if heap else newline
    if marker_at == len(kept) - 1 and heap and not ending(heap[-1][1]) and heap[-1][0] == len(found):
        new_ending = ""
    kept.insert(marker_at + 1, f"-Xmx{mb}m{new_ending}")
    out = file.encode("".join(kept))
    return Fixed(out, out != data, previous, notes, malformed, file.encoding_name)


def diff(before: bytes, after: bytes, old_label: str, new_label: str) -> str:
    """A unified diff for people to read (line endings are not shown)."""
    old = read_text(before).text.splitlines()
    new = read_text(after).text.splitlines()
    return "\n".join(difflib.unified_diff(old, new, old_label, new_label, lineterm=""))
