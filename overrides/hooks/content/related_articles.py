"""Related articles, by tag, at the end of each public article (kbsite.related)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from hooks import i18n, site_index
from kbsite.texts import site_text


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, **_: object) -> dict:
    info = site_index.page_info(page, config)
    if info.tags and info.public:
        related = site_index.current(config).related.best_for(info.url, info.tags)
        context["kb_related"] = [{"url": article.url, "title": article.title} for article in related]
        lang = i18n.current_language(config)
        title = site_text("page.related", lang)
        # An article with its own "Related articles" section (its KB references) would show that
        # heading twice: ours then says that it lists this help centre's articles.
        if title in _headings(page.toc):
            title = site_text("page.related_here", lang)
        context["kb_related_title"] = title
    return context


def _headings(toc: object) -> set[str]:
    found: set[str] = set()
    for item in toc or []:  # type: ignore[attr-defined]
        found.add(str(item.title).strip())
        found |= _headings(item.children)
    return found
