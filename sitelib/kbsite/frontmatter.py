"""Front matter, read ourselves with line numbers, so every check can name the line to fix.

A page is read once per version of its file (its modification time): the page index, the
front matter rules, the translation report and the parity facts all ask for the same files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

FENCE = re.compile(r"^---[ \t]*$", re.M)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: much faster


@dataclass(frozen=True)
class Document:
    meta: dict[str, Any]
    body: str
    front_matter: str  # the raw YAML between the fences
    body_line: int  # 1-based line number of the body's first line
    error: str | None = None  # a YAML error, with its line, when the front matter is broken

    def line_of(self, key: str) -> int:
        """The 1-based line of `key:` in the front matter (1 if it is not there)."""
        for number, line in enumerate(self.front_matter.split("\n"), start=2):
            if re.match(rf"^{re.escape(key)}\s*:", line):
                return number
        return 1


def parse(text: str) -> Document:
    """The front matter and body of a Markdown page; a broken front matter is reported, not raised."""
    text = text.removeprefix("\ufeff")
    if not text.startswith("---"):
        return Document({}, text, "", 1)
    closing = FENCE.search(text, 3)
    if closing is None:
        return Document({}, text, "", 1, "line 1: the front matter starts with --- but never ends")
    raw = text[3 : closing.start()].strip("\n")
    body = text[closing.end() :].lstrip("\n")
    body_line = text[: len(text) - len(body)].count("\n") + 1
    try:
        meta = yaml.load(raw, Loader=_LOADER) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 2}" if mark is not None else "front matter"
        return Document({}, body, raw, body_line, f"{where}: {getattr(error, 'problem', None) or error}")
    if not isinstance(meta, dict):
        return Document({}, body, raw, body_line, "line 2: the front matter must be key: value pairs")
    return Document(meta, body, raw, body_line)


def is_public(meta: dict[str, Any]) -> bool:
    """False for pages written for writers only (`public: false`): no search, sitemap or links."""
    return meta.get("public", True) is not False


@cache
def _read_cached(path: str, mtime_ns: int) -> Document:  # noqa: ARG001 - part of the cache key
    return parse(Path(path).read_text(encoding="utf-8"))


def read(path: str | Path) -> Document:
    """The parsed file; several hooks ask for the same files, so each version is read once."""
    return _read_cached(str(path), Path(path).stat().st_mtime_ns)
