"""Fail when a source file grows past 300 lines (`make lint`): small files, one concern each.

Python, JavaScript and CSS under our own folders count; generated and vendored files do not.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 300
SOURCES = (".py", ".js", ".mjs", ".css")


def too_long(root: Path = ROOT, limit: int = LIMIT) -> list[str]:
    """Every tracked source file over `limit` lines, as "path: N lines"."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    found = []
    for name in sorted(filter(None, listed)):
        path = root / name
        if path.suffix in SOURCES and path.is_file():
            lines = path.read_text(encoding="utf-8", errors="replace").count("\n")
            if lines > limit:
                found.append(f"{name}: {lines} lines")
    return found


def main() -> int:
    found = too_long()
    for entry in found:
        print(f"over {LIMIT} lines, split it by concern: {entry}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
