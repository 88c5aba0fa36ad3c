"""What a change under `make serve` affects: which files changed, which languages need a rebuild."""

from __future__ import annotations

import os
from pathlib import Path

from kbsite.languages import CONVERTED_FROM


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
    (its English text stands in on the Chinese sites); saving a Simplified page also changes its
    Traditional page when that one is converted from it (no hand-written page.zh-hant.md); an
    image or other asset may appear on every language's pages.
    """
    needed: set[str] = set()
    for path in changed_docs:
        if path.suffix != ".md":
            return set(codes) - {default}
        marker = path.name.split(".")[1:-1]  # "page.zh.md" -> ["zh"]
        stem = path.name.split(".")[0]
        if marker and marker[-1] in codes:
            needed.add(marker[-1])
            needed |= {
                code
                for code, source in CONVERTED_FROM.items()
                if source == marker[-1] and code in codes and not path.with_name(f"{stem}.{code}.md").exists()
            }
        else:
            needed |= {code for code in codes if not _written_in(path, stem, code)}
    return needed - {default}


def _written_in(english: Path, stem: str, code: str) -> bool:
    """Whether the page has its own text in `code`: written, or converted from one written."""
    if english.with_name(f"{stem}.{code}.md").exists():
        return True
    source = CONVERTED_FROM.get(code)
    return source is not None and english.with_name(f"{stem}.{source}.md").exists()
