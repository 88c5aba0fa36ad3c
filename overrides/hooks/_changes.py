"""Which files changed since a moment: for the hooks that keep `mkdocs serve --dirty` correct."""

from __future__ import annotations

import os
from pathlib import Path


def changed_since(root: Path, moment: float) -> list[Path]:
    """Files under `root` (a folder or a file) modified after `moment`."""
    if root.is_file():
        return [root] if root.stat().st_mtime > moment else []
    found = []
    for folder, _, names in os.walk(root):
        found += [Path(folder, n) for n in names if os.stat(os.path.join(folder, n)).st_mtime > moment]
    return found
