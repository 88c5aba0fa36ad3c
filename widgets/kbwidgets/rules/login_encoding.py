"""Which encoding a login report is in, told from its bytes, or a clear refusal.

In order: a byte order mark (UTF-8, UTF-16) says it; valid UTF-8 is UTF-8 (other encodings
almost never are); then the header, whose Chinese column names (用户 / 用戶, 时间 / 時間 ...)
are a strong sign of GB18030 or Big5; then the shape of the bytes: Latin-1 text has its
accented letters alone between ASCII ones, Chinese text has bytes above 0x7F in runs. Between
GB18030 and Big5 (most Big5 bytes are valid GB18030 too), text that stays within GB2312's
common block (lead and trail bytes from 0xA1) is read as GB18030, and text that only Big5
decodes as Big5. Anything else is refused, naming the encodings to save it in.
"""

from __future__ import annotations

import codecs
import re

from kbwidgets.engine.errors import InputError

NAMES = {
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
    "gb18030": "GB18030",
    "big5": "Big5",
    "cp1252": "Latin-1 (Windows-1252)",
}
SIMPLIFIED_WORDS = ("用户", "账号", "应用", "时间", "日期", "平台")
TRADITIONAL_WORDS = ("用戶", "帳號", "應用", "時間", "日期", "平台")
HIGH_RUN = re.compile(rb"[\x80-\xff]{2,}")
HIGH_PAIR = re.compile(rb"[\x81-\xfe][\x40-\xfe]")
GB2312_PAIR = re.compile(rb"[\xa1-\xf7][\xa1-\xfe]")
CONTROLS = "[\x00-\x08\x0e-\x1f\x7f]"  # never in a text file (tab, line ends and form feed are)
NOT_TEXT = re.compile(CONTROLS)
# The same bytes in the file itself: in every encoding read here but UTF-16 they stand for the
# same controls (GB18030's and Big5's second bytes are all 0x40 or above), so a picture or a
# workbook is refused as what it is before its high bytes are taken for Chinese.
NOT_TEXT_BYTES = re.compile(CONTROLS.encode("ascii"))
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _all_cjk(text: str) -> bool:
    """Every character above ASCII is Chinese (ideographs, CJK punctuation, full-width forms)."""
    return all(CJK.match(char) for char in text if ord(char) > 0x7F)


def _header_says(data: bytes) -> str | None:
    header = data.split(b"\n", 1)[0]
    for codec, words in (("big5", TRADITIONAL_WORDS), ("gb18030", SIMPLIFIED_WORDS)):
        text = _strict(header, codec)
        if text is not None and _all_cjk(text) and any(word in text for word in words):
            # 日期 and 平台 are written alike in both: they decide only if the other codec fails.
            other = _strict(header, "gb18030" if codec == "big5" else "big5")
            distinctive = [w for w in words if w not in ("日期", "平台")]
            if any(word in text for word in distinctive) or other is None or not _all_cjk(other):
                return codec
    return None


def detect(data: bytes) -> str:
    """The codec of `data` (a key of NAMES); InputError("login.unknown_encoding") if unsure."""
    if data.startswith(codecs.BOM_UTF8) or _strict(data, "utf-8") is not None:
        return "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    said = _header_says(data)
    if said is not None and _strict(data, said) is not None:
        return said
    if not HIGH_RUN.search(data):
        return "cp1252"
    gb, big5 = _strict(data, "gb18030"), _strict(data, "big5")
    gb_ok, big5_ok = gb is not None and _all_cjk(gb), big5 is not None and _all_cjk(big5)
    pairs = HIGH_PAIR.findall(data)
    if gb_ok and all(GB2312_PAIR.fullmatch(pair) for pair in pairs):
        return "gb18030"
    if big5_ok:
        return "big5"
    if gb_ok:
        return "gb18030"
    raise InputError("login.unknown_encoding")


def decode_report(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of a report; InputError when it is not text or not recognised."""
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not utf16 and NOT_TEXT_BYTES.search(data[:100_000]):
        raise InputError("login.not_text")
    codec = detect(data)
    body = data
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        body = data[len(codecs.BOM_UTF8) :]
    text = _strict(body, codec)
    if text is None:  # UTF-16 with a damaged tail, or cp1252's five undefined bytes
        raise InputError("login.unknown_encoding")
    if codec == "utf-16":
        text = text.lstrip("\ufeff")
    if NOT_TEXT.search(text[:100_000]):
        raise InputError("login.not_text")
    return text, NAMES[codec]
