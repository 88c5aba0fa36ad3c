"""Widget logic for the trading-platform help centre.

Plain, typed Python with no browser and no mkdocs imports. The same functions are unit-tested
in CPython, called by the build hooks (static fallbacks, validation), shipped as a wheel that
Pyodide runs in the reader's browser, and exposed as a JSON-in, JSON-out command line
(`python -m kbwidgets --help`).
"""

from __future__ import annotations

__version__ = "0.1.0"

LANGUAGES: tuple[str, ...] = ("en", "zh")
"""Every reader-facing text exists in each of these languages."""
