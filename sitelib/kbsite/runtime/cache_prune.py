"""Keeping .cache/widget-runtime/ from growing with every change of widget code."""

from __future__ import annotations

import shutil
from pathlib import Path

KEEP_BUILDS = 3  # per kind of file in .cache/widget-runtime/


def prune(cache: Path, keep: int = KEEP_BUILDS) -> None:
    """Delete all but the `keep` newest wheels, lock files and snapshots (12 MB each) in the cache.

    Not only the current ones: a build of another checkout sharing the cache (a test's copy, a
    second worktree) may still be about to copy its own.
    """
    patterns = (
        "wheel-*",
        "pyodide-lock-*.json",
        "snapshot-*.bin",
        "python_stdlib-*.zip",
        "python_stdlib_core-*.zip",
    )
    for pattern in patterns:
        found = sorted(cache.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in found[keep:]:
            if stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
            else:
                stale.unlink(missing_ok=True)
            if stale.name.endswith(".bin"):
                stale.with_suffix(".json").unlink(missing_ok=True)
