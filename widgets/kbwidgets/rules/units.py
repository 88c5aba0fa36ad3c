"""Amounts of memory as people write them: "1.5 GB", "1536", "1536M", "2g", "768 MB"."""

from __future__ import annotations

import re
import unicodedata

from kbwidgets.engine.errors import InputError

MB_PER_UNIT = {"k": 1 / 1024, "m": 1, "g": 1024, "t": 1024 * 1024}
AMOUNT = re.compile(
    r"^(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*"
    r"(?P<unit>[kmgt](?:i?b)?|b)?$",
    re.IGNORECASE,
)
MAX_TEXT = 64
MAX_MB = 1024 * 1024 * 1024  # 1 PB: anything larger is a typo, not a computer


def parse_mb(text: str) -> int:
    """The amount in `text` in whole megabytes (1024 MB = 1 GB); a bare number is MB.

    Raises InputError("units.empty"), ("units.unreadable") or ("units.out_of_range").
    """
    cleaned = unicodedata.normalize("NFKC", text or "").strip()
    if not cleaned:
        raise InputError("units.empty")
    match = AMOUNT.match(cleaned) if len(cleaned) <= MAX_TEXT else None
    if match is None:
        raise InputError("units.unreadable", text=_shorten(cleaned))
    number = float(match["number"].replace(",", ""))
    unit = (match["unit"] or "m")[0].lower()
    if unit == "b":
        raise InputError("units.unreadable", text=_shorten(cleaned))
    mb = round(number * MB_PER_UNIT[unit])
    if not 1 <= mb <= MAX_MB:
        raise InputError("units.out_of_range", text=_shorten(cleaned))
    return mb


def format_gb(mb: int) -> str:
    """1536 -> "1.5", 1792 -> "1.75", 2048 -> "2" (at most two decimals)."""
    return f"{mb / 1024:.2f}".rstrip("0").rstrip(".")


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
