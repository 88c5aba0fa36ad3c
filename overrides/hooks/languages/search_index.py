"""Search: mark each public page's article for the index, then index each language's pages.

A page is indexable when it is public and written in the language of the site it is on
(kbsite.pages.PageInfo.indexable, the same rule as the sitemaps); only those pages get the
mark Pagefind indexes (kbsite.search.mark_searchable). As soon as a language's pages are
written, before static-i18n moves on to the other languages, Pagefind indexes that language's
folder into its own `pagefind/` (kbsite.search). A forked language build (parallel_languages)
indexes its pages in its own process, at the same time as the default language's.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from hooks import i18n, order, site_index
from kbsite.languages import folders
from kbsite.search import BUNDLE, SearchIndexError, build_search_index, mark_searchable, pagefind_binary


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if not site_index.page_info(page, config).indexable:
        return output
    try:
        return mark_searchable(output)
    except SearchIndexError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error


def _bundle(config: MkDocsConfig) -> str:
    """The current language's search bundle, from the site root ("zh/pagefind/pagefind.js")."""
    return folders(i18n.languages(config))[i18n.current_language(config)] + BUNDLE + "/pagefind.js"


def on_page_context(context: dict, *, config: MkDocsConfig, **_: object) -> dict:
    context["kb_search_bundle"] = _bundle(config)
    return context


def on_template_context(context: dict, *, config: MkDocsConfig, **_: object) -> dict:
    context["kb_search_bundle"] = _bundle(config)  # the 404 page has the search box too
    return context


@event_priority(order.BEFORE_OTHER_LANGUAGES)
def on_post_build(config: MkDocsConfig) -> None:
    links = folders(i18n.languages(config))
    current = i18n.current_language(config)
    others = [link.strip("/") for code, link in links.items() if code != current and link]
    try:
        binary = pagefind_binary(Path(config.config_file_path).parent)
        build_search_index(Path(config.site_dir) / links[current], binary, others)
    except SearchIndexError as error:
        raise PluginError(str(error)) from error
