"""Name Material's search dialog, in the page's language.

The search overlay is a `role="dialog"` without a name, so screen readers announce an unnamed
dialog (Lighthouse: aria-dialog-name). Material writes that markup (partials/search.html), so
this edits its output. Switch: KB_PATCH_SEARCH_DIALOG_NAME=0.
"""

from __future__ import annotations

import re
from html import escape

from mkdocs.config.defaults import MkDocsConfig

from hooks import i18n
from hooks.patches.guard import Patch
from kbsite.texts import site_text

PATCH = Patch(
    "search_dialog_name",
    package="mkdocs-material",
    versions=">=9.8,<9.9",
    changes='the search overlay\'s <div class="md-search" role="dialog"> (it gets an aria-label)',
)

UNNAMED_SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")>')


def on_post_page(output: str, *, config: MkDocsConfig, **_: object) -> str:
    if not PATCH.enabled():
        return output
    label = escape(site_text("a11y.search_dialog", i18n.current_language(config)), quote=True)
    named, count = UNNAMED_SEARCH_DIALOG.subn(rf'\1 aria-label="{label}">', output, count=1)
    if count == 0 and 'data-md-component="search"' in output:
        raise PATCH.error("the search dialog's markup changed")
    return named
