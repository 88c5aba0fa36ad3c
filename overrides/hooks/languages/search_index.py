"""Search: mark each public page's article for the index, then index the finished site once.

A page is indexable when it is public and written in the language of the site it is on
(kbsite.pages.PageInfo.indexable, the same rule as the sitemaps); only those pages get the
mark Pagefind indexes (kbsite.search.mark_searchable). After every language is built and every
other post-build step has written its pages (the 404 pages, which stay out), Pagefind indexes
the site into `site/pagefind/`, one index per language (kbsite.search).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from hooks import i18n, order, site_index
from kbsite.search import SearchIndexError, build_search_index, mark_searchable, pagefind_binary


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if not site_index.page_info(page, config).indexable:
        return output
    try:
        return mark_searchable(output)
    except SearchIndexError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error


@event_priority(order.SEARCH_INDEX)
def on_post_build(config: MkDocsConfig) -> None:
    if i18n.is_nested_build(config):
        return
    try:
        binary = pagefind_binary(Path(config.config_file_path).parent)
        build_search_index(Path(config.site_dir), binary)
    except SearchIndexError as error:
        raise PluginError(str(error)) from error
