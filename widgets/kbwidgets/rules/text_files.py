"""Small text files as readers have them: any common encoding, any line endings, kept exactly.

A file is decoded only to be edited and is encoded back the way it came (same encoding, same
byte order mark), so every line the editor does not change comes back byte for byte:

- UTF-8, with or without a byte order mark;
- UTF-16 and UTF-32, with a byte order mark, or UTF-16 without one (recognised by its zero
  bytes, as Windows Notepad used to save "Unicode");
- any other 8-bit text (Windows-1252, Latin-1, GB18030, Big5...): read as Latin-1, which maps
  every byte to one character and back, so lines in any ASCII-compatible encoding survive.

Anything with control characters that text never has is refused as not a text file.
Lines end in "\\r\\n", "\\n" or a lone "\\r" (old Mac files), each kept as it was.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from kbwidgets.engine.errors import InputError

# (byte order mark, codec) in the order they must be tried: UTF-32 LE starts like UTF-16 LE.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
NAMES = {
    "utf-8": "UTF-8",
    "utf-16-le": "UTF-16 LE",
    "utf-16-be": "UTF-16 BE",
    "utf-32-le": "UTF-32 LE",
    "utf-32-be": "UTF-32 BE",
    "latin-1": "8-bit (Windows-1252 / Latin-1)",
}
# C0 controls other than tab, line feed, vertical tab, form feed, carriage return and the old
# DOS end-of-file mark: a text editor never writes them.
NOT_TEXT = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")
LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


@dataclass(frozen=True)
class TextFile:
    text: str
    codec: str  # one of NAMES
    bom: bytes

    @property
    def encoding_name(self) -> str:
        return NAMES[self.codec]

    def encode(self, text: str) -> bytes:
        """`text` in the file's own encoding, with its byte order mark."""
        return self.bom + text.encode(self.codec)


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when most odd or even bytes are zero (ASCII-heavy UTF-16)."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    if odd >= half * 0.6 and even == 0:
        return "utf-16-le"
    if even >= half * 0.6 and odd == 0:
        return "utf-16-be"
    return None


def read_text(data: bytes) -> TextFile:
    """The text of `data`; InputError("vmoptions.binary") for what is not a text file."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _decoded(data[len(bom) :], codec, bom)
    guessed = _utf16_without_bom(data)
    if guessed:
        return _decoded(data, guessed, b"")
    try:
        return _checked(TextFile(data.decode("utf-8"), "utf-8", b""))
    except UnicodeDecodeError:
        return _checked(TextFile(data.decode("latin-1"), "latin-1", b""))


def _decoded(body: bytes, codec: str, bom: bytes) -> TextFile:
    try:
        text = body.decode(codec)
    except UnicodeDecodeError:
        raise InputError("vmoptions.damaged", encoding=NAMES[codec]) from None
    return _checked(TextFile(text, codec, bom))


def _checked(file: TextFile) -> TextFile:
    if NOT_TEXT.search(file.text):
        raise InputError("vmoptions.binary")
    return file


def lines(text: str) -> list[str]:
    """The lines of `text`, each with its own ending ("\\r\\n", "\\n", "\\r" or none at the end)."""
    return LINE.findall(text)


def ending(line: str) -> str:
    for end in ("\r\n", "\n", "\r"):
        if line.endswith(end):
            return end
    return ""


def usual_ending(found: list[str]) -> str:
    """The ending most lines have ("\\n" for a file without any)."""
    endings = [ending(line) for line in found if ending(line)]
    if not endings:
        return "\n"
    return max(("\r\n", "\n", "\r"), key=endings.count)
