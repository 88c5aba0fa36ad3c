"""Show when each page was last updated, in the reader's language (see _updated.py)."""

from __future__ import annotations

from pathlib import Path

import _updated
from _i18n import current_language, url_path
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kbwidgets.engine.texts import t


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _updated.commit_dates.clear()
    _updated.commit_dates.update(_updated.git_dates(Path(config.docs_dir)))
    return config


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    day = _updated.updated_on(page.file.src_uri, page.meta)
    if day is not None:
        lang = current_language(config)
        _updated.page_dates[url_path(page.file)] = day.isoformat()
        context["kb_updated"] = t("page.updated", lang, date=_updated.format_day(day, lang))
    return context
