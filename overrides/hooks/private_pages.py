"""Pages for writers only (`public: false` in front matter, kept under docs/writers/).

They are built so writers can read them on the served site, but readers should not come
across them: no search results (this hook), no robots indexing (this hook), no sitemap entry
(per_language_outputs.py) and no navigation entry (`not_in_nav` in mkdocs.yml).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


def is_public(page: Page) -> bool:
    return page.meta.get("public", True) is not False


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_public(page):
        page.meta.setdefault("search", {})["exclude"] = True
    return markdown


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    if not is_public(page):
        context["kb_noindex"] = True
    return context
