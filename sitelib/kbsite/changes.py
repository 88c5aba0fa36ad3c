"""What a change under `make serve` affects: which files changed, which languages need a rebuild."""

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


def languages_to_rebuild(changed_docs: list[Path], codes: list[str], default: str) -> set[str]:
    """The non-default languages whose pages a change to `changed_docs` can affect.

    Saving an English article changes no Chinese page, unless that article has no Chinese twin
    (its English text stands in on the Chinese site); an image or other asset may appear on
    every language's pages.
    """
    needed: set[str] = set()
    for path in changed_docs:
        if path.suffix != ".md":
            return set(codes) - {default}
        marker = path.name.split(".")[1:-1]  # "page.zh.md" -> ["zh"]
        if marker and marker[-1] in codes:
            needed.add(marker[-1])
        else:
            needed |= {code for code in codes if not path.with_name(f"{path.stem}.{code}.md").exists()}
    return needed - {default}
