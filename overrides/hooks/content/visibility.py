"""Who may find a page: the one owner of the flags that keep a page out of search and indexes.

A page is indexable when it is public and written in the language of the site it is on
(kbsite.pages.PageInfo.indexable). Writers' pages (`public: false`) and English stand-ins for
untranslated Chinese pages are not: they stay out of our search index (here), out of search
engines (`kb_noindex`, here) and out of the sitemaps (languages/per_language_outputs.py). A
stand-in also points search engines at its original (`kb_canonical_url`).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from hooks import site_index


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, **_: object) -> str:
    if not site_index.page_info(page, config).indexable:
        page.meta.setdefault("search", {})["exclude"] = True
    return markdown


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, **_: object) -> dict:
    info = site_index.page_info(page, config)
    if info.indexable:
        return context
    context["kb_noindex"] = True
    original = info.twins.get(info.file.written_in) if info.stand_in else None
    if original is not None and config.site_url:
        context["kb_canonical_url"] = config.site_url + original
    return context
