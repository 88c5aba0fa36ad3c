"""Small accessibility repairs to Material's markup, in the page's language.

- The search overlay is a `role="dialog"` without a name, so screen readers announce an
  unnamed dialog (Lighthouse: aria-dialog-name). It gets one.
"""

from __future__ import annotations

import re
from html import escape

from _i18n import current_language
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from kbwidgets.engine.texts import t

UNNAMED_SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")>')


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    label = escape(t("a11y.search_dialog", current_language(config)), quote=True)
    return UNNAMED_SEARCH_DIALOG.sub(rf'\1 aria-label="{label}">', output, count=1)
