"""The site's search index: Pagefind, run over the finished HTML once every language is built.

Pagefind (npm `pagefind`, pinned in package-lock.json) reads the built pages and writes a
static search bundle into `site/pagefind/`: a small loader (`pagefind.js`), a WebAssembly
search engine and, for every language it finds (from each page's `<html lang>`), an index of
its own, split into chunks that the browser fetches only as a query needs them. A reader on
/zh/ downloads the Chinese index alone; a language added later (zh-Hant at /zh-hant/) gets its
own index with no change here. We run `pagefind_extended`, the build that segments Chinese and
Japanese into words (the plain binary indexes a run of Han characters as one word).

Which pages are listed is decided by the pages themselves: only a page marked with
`data-pagefind-body` (`mark_searchable`, applied by the build to public pages in their own
language) is indexed, and only the marked element, the article, not the header, sidebar or
footer. Writers' pages and English stand-ins on the Chinese site carry no mark and stay out.
"""

from __future__ import annotations

import json
import platform
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

BUNDLE = "pagefind"
"""The bundle's folder under the site root; the browser imports `pagefind/pagefind.js`."""

BINARY = "pagefind_extended"
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")
"""Pagefind's ready-made interfaces, which we do not serve: ours is kb-search.js on its API (the
ready-made ones set inline styles, which the site's CSP forbids)."""

NOT_INDEXED = (".headerlink", ".kb-related", ".kb-updated", ".kb-untranslated")
"""Parts of an article that are not its text: permalink signs, related links, dates, notices."""


class SearchIndexError(RuntimeError):
    """Pagefind is missing or failed; the message says what to do."""


@dataclass(frozen=True)
class IndexReport:
    pages: int
    languages: tuple[str, ...]


def mark_searchable(html: str) -> str:
    """`html` with its article marked as the part Pagefind indexes (a page without the mark is
    left out of search). The page must be one of Material's article pages."""
    marked, count = ARTICLE.subn(r"\g<0> data-pagefind-body", html, count=1)
    if count == 0:
        raise SearchIndexError('no <article class="md-content__inner md-typeset"> to mark for search')
    return marked


def _platform_package() -> str:
    machine = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}.get(
        platform.machine().lower(), platform.machine().lower()
    )
    system = {"win32": "windows", "darwin": "darwin"}.get(sys.platform, "linux")
    return f"{system}-{machine}"


def pagefind_binary(project: Path) -> Path:
    """The `pagefind_extended` executable npm installed under `project`'s node_modules."""
    name = BINARY + (".exe" if sys.platform == "win32" else "")
    found = project / "node_modules" / "@pagefind" / _platform_package() / "bin" / name
    if not found.is_file():
        raise SearchIndexError(
            f"{found} is missing: run `make setup` (npm ci installs the pinned pagefind package)"
        )
    return found


def build_search_index(site: Path, binary: Path) -> IndexReport:
    """Index the built site in `site` into `site/pagefind/`, one index per page language."""
    command = [str(binary), "--site", str(site), "--output-subdir", BUNDLE]
    for selector in NOT_INDEXED:
        command += ["--exclude-selectors", selector]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SearchIndexError(f"pagefind failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    for pattern in UNUSED:
        for path in (site / BUNDLE).glob(pattern):
            path.unlink()
    return IndexReport(pages=_indexed_pages(done.stdout), languages=_languages(site / BUNDLE))


def _indexed_pages(log: str) -> int:
    found = re.search(r"Indexed (\d+) pages?", log)
    return int(found[1]) if found else 0


def _languages(bundle: Path) -> tuple[str, ...]:
    entry = bundle / "pagefind-entry.json"
    if not entry.is_file():
        return ()
    return tuple(sorted(json.loads(entry.read_text("utf-8")).get("languages", {})))
