"""Related articles, by tag: at the end of an article, up to five others in the same language
that share the most tags with it (ties broken by title)."""

from __future__ import annotations

import _frontmatter
from _i18n import current_language, url_path
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kbwidgets.texts import t

MAX_RELATED = 5
_articles: list[tuple[str, str, frozenset[str]]] = []  # (site-root URL, title, tags)


def related(url: str, tags: frozenset[str], articles: list[tuple[str, str, frozenset[str]]]) -> list[dict]:
    scored = [
        (-len(tags & other_tags), title, other_url)
        for other_url, title, other_tags in articles
        if other_url != url and tags & other_tags
    ]
    return [{"url": other_url, "title": title} for _, title, other_url in sorted(scored)[:MAX_RELATED]]


# After static-i18n has picked this language's files (priority -100).
@event_priority(-110)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    lang = current_language(config)
    _articles.clear()
    for file in files.documentation_pages():
        meta = _frontmatter.read(file.abs_src_path).meta
        if (
            getattr(file, "locale", lang) == lang
            and meta.get("public", True) is not False
            and meta.get("tags")
        ):
            _articles.append((url_path(file), str(meta.get("title", "")), frozenset(map(str, meta["tags"]))))
    return files


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    tags = frozenset(map(str, page.meta.get("tags") or []))
    if tags and page.meta.get("public", True) is not False:
        context["kb_related"] = related(url_path(page.file), tags, _articles)
        context["kb_related_title"] = t("page.related", current_language(config))
    return context
