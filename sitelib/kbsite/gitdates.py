"""When each page was last updated: the later of its last commit and its `last_reviewed`.

One `git log` over docs/ per build gives every file's last commit date (one process, not one
per file, so it stays fast with thousands of articles). Without git history (a tarball build)
the front matter's `last_reviewed` is used, and the build never fails for the lack of git.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any


def git_dates(docs_dir: Path) -> dict[str, dt.date]:
    """{path relative to docs_dir: date of the last commit touching it}; {} without git."""
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=docs_dir,
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout.strip()
        log = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--", "."],
            cwd=docs_dir,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    prefix = docs_dir.resolve().relative_to(Path(top).resolve()).as_posix() + "/"
    dates: dict[str, dt.date] = {}
    for block in log.split("\x00")[1:]:
        day, *names = block.strip().split("\n")
        for name in filter(None, names):
            dates.setdefault(name.removeprefix(prefix), dt.date.fromisoformat(day))
    return dates


def updated_on(committed: dt.date | None, meta: dict[str, Any]) -> dt.date | None:
    """The later of the last commit and `last_reviewed`, or None if neither is known."""
    reviewed = meta.get("last_reviewed")
    candidates = [d for d in (committed, reviewed) if isinstance(d, dt.date)]
    return max(candidates) if candidates else None
