"""The site's search index: Pagefind, run over each language's finished HTML.

Pagefind (npm `pagefind`, pinned in package-lock.json) reads built pages and writes a static
search bundle: a small loader (`pagefind.js`), a WebAssembly search engine and an index split
into chunks that the browser fetches only as a query needs them. Each language gets its own
bundle in its own folder (`pagefind/`, `zh/pagefind/`, later `zh-hant/pagefind/`), written by
that language's build as soon as its pages are: the languages build in parallel
(patches/parallel_languages.py), and so are their indexes. Chinese pages are indexed from a
copy cut into words by the build (kbsite.search_words), with the segmenter the reader's browser
uses on a query. We run `pagefind_extended`, the build that would segment Japanese and Thai.

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
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kbsite.search_words import WordBreakError, index_language, write_broken_copy

BUNDLE = "pagefind"
"""The bundle's folder under each language's root; the browser imports `pagefind/pagefind.js`."""

BINARY = "pagefind_extended"
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')
MARK = "data-pagefind-body"
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")
"""Pagefind's ready-made interfaces, which we do not serve: ours is kb-search.js on its API (the
ready-made ones set inline styles, which the site's CSP forbids)."""

NOT_INDEXED = (
    ".headerlink",
    ".kb-related",
    ".kb-updated",
    ".kb-untranslated",
    ".kb-out-icon",
    ".kb-out .kb-visually-hidden",
)
"""Parts of an article that are not its text: permalink signs, related links, dates, notices, and
the arrow and spoken "(leaves this help centre)" of a link to another site (kbsite/outgoing.py),
which would otherwise appear in excerpts."""


class SearchIndexError(RuntimeError):
    """Pagefind is missing or failed; the message says what to do."""


@dataclass(frozen=True)
class IndexReport:
    pages: int
    languages: tuple[str, ...]


def mark_searchable(html: str) -> str:
    """`html` with its article marked as the part Pagefind indexes (a page without the mark is
    left out of search). The page must be one of Material's article pages."""
    marked, count = ARTICLE.subn(rf"\g<0> {MARK}", html, count=1)
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


def _page_entries(root: Path, other_languages: list[str]) -> list[Path]:
    """The files and folders of `root` that hold the language's pages: every HTML file and
    folder in it but the folders of the other languages ("zh", ...; they sit inside the default
    language's root) and the folders that hold no pages."""
    skip = {*other_languages, BUNDLE, "assets", "pyodide", "search"}
    return sorted(
        (
            entry
            for entry in root.iterdir()
            if entry.name not in skip and (entry.is_dir() or entry.suffix == ".html")
        ),
        key=lambda entry: entry.name,
    )


def language_glob(root: Path, other_languages: list[str]) -> str:
    """Pagefind's glob for the pages of the language whose root folder is `root`."""
    parts = [
        f"{entry.name}/**/*.html" if entry.is_dir() else entry.name
        for entry in _page_entries(root, other_languages)
    ]
    return "{" + ",".join(parts) + "}" if parts else "*.html"


def searchable_pages(root: Path, other_languages: list[str]) -> dict[str, str]:
    """{path under `root`: HTML} of the language's pages marked for search."""
    pages: dict[str, str] = {}
    for entry in _page_entries(root, other_languages):
        for path in sorted(entry.rglob("*.html")) if entry.is_dir() else [entry]:
            html = path.read_text("utf-8")
            if MARK in html:
                pages[path.relative_to(root).as_posix()] = html
    return pages


def build_search_index(
    root: Path, binary: Path, other_languages: list[str], language_tag: str
) -> IndexReport:
    """Index the pages of one language (`language_tag`: "zh-Hant"), in `root`, into
    `root/pagefind/`. Chinese is indexed from a copy cut into words (kbsite.search_words)."""
    forced = index_language(language_tag)
    if forced is None:
        return _run_pagefind(binary, root, root / BUNDLE, language_glob(root, other_languages), [])
    with tempfile.TemporaryDirectory(prefix="kb-search-words-") as folder:
        try:
            write_broken_copy(searchable_pages(root, other_languages), Path(folder), language_tag)
        except WordBreakError as error:
            raise SearchIndexError(str(error)) from None
        return _run_pagefind(binary, Path(folder), root / BUNDLE, "**/*.html", ["--force-language", forced])


def _run_pagefind(binary: Path, site: Path, bundle: Path, glob: str, extra: list[str]) -> IndexReport:
    command = [str(binary), "--site", str(site), "--output-path", str(bundle), "--glob", glob, *extra]
    for selector in NOT_INDEXED:
        command += ["--exclude-selectors", selector]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SearchIndexError(f"pagefind failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    for pattern in UNUSED:
        for path in bundle.glob(pattern):
            path.unlink()
    return IndexReport(pages=_indexed_pages(done.stdout), languages=_languages(bundle))


def _indexed_pages(log: str) -> int:
    found = re.search(r"Indexed (\d+) pages?", log)
    return int(found[1]) if found else 0


def _languages(bundle: Path) -> tuple[str, ...]:
    entry = bundle / "pagefind-entry.json"
    if not entry.is_file():
        return ()
    return tuple(sorted(json.loads(entry.read_text("utf-8")).get("languages", {})))
