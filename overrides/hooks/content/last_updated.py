"""Show when each page was last updated, in the reader's language (the date: kbsite.pages)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from hooks import i18n, site_index
from kbsite.texts import site_text
from kbwidgets.rules.dates import format_day


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, **_: object) -> dict:
    day = site_index.page_info(page, config).updated
    if day is not None:
        lang = i18n.current_language(config)
        context["kb_updated"] = site_text("page.updated", lang, date=format_day(day, lang))
    return context
