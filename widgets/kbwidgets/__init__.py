"""Widget logic for the trading-platform help centre.

Plain, typed Python with no browser and no mkdocs imports. The same functions are unit-tested
in CPython, called by the build hooks (static fallbacks, validation), shipped as a wheel that
Pyodide runs in the reader's browser, and exposed as a JSON-in, JSON-out command line
(`python -m kbwidgets --help`).
"""

from __future__ import annotations

__version__ = "0.1.0"

LANGUAGES: tuple[str, ...] = ("en", "zh", "zh-hant")
"""Every reader-facing text exists in each of these languages: English, Simplified Chinese,
Traditional Chinese (the site's language codes; the CLI also takes zh-Hans and zh-Hant)."""

WRITTEN_LANGUAGES: tuple[str, ...] = ("en", "zh")
"""The languages writers write every text in. Traditional Chinese is converted from the
Simplified text at build time (kbwidgets.engine.traditional); a text may also give its own."""

CHINESE: frozenset[str] = frozenset({"zh", "zh-hant"})
"""The languages written in Chinese script: Chinese dates, punctuation and number forms."""

_SPELLINGS = {"zh-hans": "zh", "zh_hans": "zh", "zh_hant": "zh-hant"}


def normalize_lang(value: object) -> str | None:
    """The language code for `value`, as readers and tools write it: "zh-Hant" and "zh_hant" are
    "zh-hant", "zh-Hans" is "zh" (the site's Simplified code); None for anything else."""
    if not isinstance(value, str):
        return None
    code = value.strip().lower()
    code = _SPELLINGS.get(code, code)
    return code if code in LANGUAGES else None
