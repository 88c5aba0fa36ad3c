"""Pages for writers only (`public: false` in front matter, kept under docs/writers/).

They are built so writers can read them on the served site, but readers should not come
across them: no search results (this hook), no robots indexing (this hook), no sitemap entry
(per_language_outputs.py) and no navigation entry (`not_in_nav` in mkdocs.yml).
"""

from __future__ import annotations

import _frontmatter
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not _frontmatter.is_public(page.meta):
        page.meta.setdefault("search", {})["exclude"] = True
    return markdown


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    if not _frontmatter.is_public(page.meta):
        context["kb_noindex"] = True
    return context
