"""Search: mark each public page's article for the index, then index each language's pages.

A page is indexable when it is public and written in the language of the site it is on
(kbsite.pages.PageInfo.indexable, the same rule as the sitemaps); only those pages get the
mark Pagefind indexes (kbsite.search.mark_searchable). As soon as a language's pages are
written, before static-i18n moves on to the other languages, Pagefind indexes that language's
folder into its own `pagefind/` (kbsite.search). A forked language build (parallel_languages)
indexes its pages in its own process, at the same time as the default language's.

Under `mkdocs serve` the index is rebuilt in a background thread: a save reloads the page as
soon as its HTML is written (edit-to-reload stays about 2 s at 1,000 articles), and search
catches up a few seconds later.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hooks import i18n, order, site_index
from kbsite.glossary import load as load_glossary
from kbsite.languages import folders, language_tag
from kbsite.search import BUNDLE, SearchIndexError, build_search_index, mark_searchable, pagefind_binary
from kbsite.search_aliases import ALIASES_FILE, TRADITIONAL, page_texts, search_aliases, write_aliases
from kbsite.search_words import index_language
from kbsite.traditional import GLOSSARY

MATERIAL_SEARCH_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")
"""Material's lunr search (1.8 MB), which no page loads any more: not copied into the site."""


@event_priority(order.AFTER_I18N)  # static-i18n passes the theme's files through first
def on_files(files: Files, **_: object) -> Files:
    for file in [f for f in files if f.src_uri.startswith(MATERIAL_SEARCH_FILES)]:
        files.remove(file)
    return files


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if not site_index.page_info(page, config).indexable:
        return output
    try:
        return mark_searchable(output)
    except SearchIndexError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error


log = logging.getLogger("mkdocs.hooks.search_index")
_serving = False
_indexing: dict[Path, threading.Thread] = {}  # under serve: each language's index being rebuilt


def on_startup(*, command: str, **_: object) -> None:
    global _serving
    _serving = command == "serve"


def _bundle(config: MkDocsConfig) -> str:
    """The current language's search bundle, from the site root ("zh/pagefind/pagefind.js")."""
    return folders(i18n.languages(config))[i18n.current_language(config)] + BUNDLE + "/pagefind.js"


def _search_context(context: dict, config: MkDocsConfig) -> dict:
    bundle = context["kb_search_bundle"] = _bundle(config)
    language = i18n.current_language(config)
    context["kb_search_aliases"] = (
        f"{bundle.rsplit('/', 1)[0]}/{ALIASES_FILE}" if language in TRADITIONAL else None
    )
    tag = language_tag(language)
    context["kb_search_words"] = tag if index_language(tag) else None  # kbsite.search_words
    return context


def on_page_context(context: dict, *, config: MkDocsConfig, **_: object) -> dict:
    return _search_context(context, config)


def on_template_context(context: dict, *, config: MkDocsConfig, **_: object) -> dict:
    return _search_context(context, config)  # the 404 page has the search box too


def _index(root: Path, binary: Path, others: list[str], language: str) -> None:
    """Pagefind's index of `root`, and for a Traditional language the table of Simplified
    queries (kbsite.search_aliases), from the pages just written."""
    build_search_index(root, binary, others, language_tag(language))
    if language in TRADITIONAL:
        write_aliases(root / BUNDLE, search_aliases(load_glossary(GLOSSARY), page_texts(root)))


@event_priority(order.BEFORE_OTHER_LANGUAGES)
def on_post_build(config: MkDocsConfig) -> None:
    links = folders(i18n.languages(config))
    current = i18n.current_language(config)
    others = [link.strip("/") for code, link in links.items() if code != current and link]
    try:
        binary = pagefind_binary(Path(config.config_file_path).parent)
    except SearchIndexError as error:
        raise PluginError(str(error)) from error
    root = Path(config.site_dir) / links[current]
    if not _serving:
        try:
            _index(root, binary, others, current)
        except SearchIndexError as error:
            raise PluginError(str(error)) from error
        return
    if root in _indexing:
        _indexing[root].join()  # one Pagefind run at a time on the same folder

    def index_in_background() -> None:
        try:
            _index(root, binary, others, current)
        except SearchIndexError as error:
            log.warning("search index of %s not updated: %s", root, error)

    _indexing[root] = threading.Thread(target=index_in_background, name="pagefind", daemon=True)
    _indexing[root].start()
