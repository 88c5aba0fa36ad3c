"""Related articles, by tag: at the end of an article, up to five others in the same language
that share the most tags with it (ties broken by title)."""

from __future__ import annotations

import heapq

import _frontmatter
from _i18n import current_language, url_path, written_in
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kbwidgets.engine.texts import t

MAX_RELATED = 5
# A tag on more articles than this says little about any one of them; it still counts in the
# score, but does not make every article a candidate for every other (that would be N x N).
COMMON_TAG = 100
_articles: list[tuple[str, str, frozenset[str]]] = []  # (site-root URL, title, tags)


_by_tag: dict[str, list[int]] = {}  # tag -> positions in _articles
_best_for_tags: dict[frozenset[str], list[tuple[int, str, str]]] = {}


def related(url: str, tags: frozenset[str], articles: list[tuple[str, str, frozenset[str]]]) -> list[dict]:
    """Articles sharing the most tags with (url, tags); only those sharing one are looked at."""
    return _shown(_rank(tags, articles, _index(articles)), url)


def _shown(ranked: list[tuple[int, str, str]], url: str) -> list[dict]:
    # One more than shown was ranked, in case the article itself is among them.
    return [{"url": other, "title": title} for _, title, other in ranked if other != url][:MAX_RELATED]


def _rank(
    tags: frozenset[str], articles: list[tuple[str, str, frozenset[str]]], by_tag: dict[str, list[int]]
) -> list[tuple[int, str, str]]:
    telling = [tag for tag in tags if len(by_tag.get(tag, ())) <= COMMON_TAG] or list(tags)
    candidates = {i for tag in telling for i in by_tag.get(tag, ())[: COMMON_TAG * 10]}
    return heapq.nsmallest(
        MAX_RELATED + 1,
        ((-len(tags & articles[i][2]), articles[i][1], articles[i][0]) for i in candidates),
    )


def _index(articles: list[tuple[str, str, frozenset[str]]]) -> dict[str, list[int]]:
    by_tag: dict[str, list[int]] = {}
    for position, (_, _, tags) in enumerate(articles):
        for tag in tags:
            by_tag.setdefault(tag, []).append(position)
    return by_tag


# After static-i18n has picked this language's files (priority -100).
@event_priority(-110)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    lang = current_language(config)
    _articles.clear()
    for file in files.documentation_pages():
        meta = _frontmatter.read(file.abs_src_path).meta
        if written_in(file, lang) and _frontmatter.is_public(meta) and meta.get("tags"):
            _articles.append((url_path(file), str(meta.get("title", "")), frozenset(map(str, meta["tags"]))))
    _by_tag.clear()
    _by_tag.update(_index(_articles))
    _best_for_tags.clear()
    return files


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    tags = frozenset(map(str, page.meta.get("tags") or []))
    if tags and _frontmatter.is_public(page.meta):
        if tags not in _best_for_tags:  # articles with the same tags share a ranking
            _best_for_tags[tags] = _rank(tags, _articles, _by_tag)
        context["kb_related"] = _shown(_best_for_tags[tags], url_path(page.file))
        context["kb_related_title"] = t("page.related", current_language(config))
    return context
