"""Links to other sites in an article are marked as leaving the help centre, in the page's
language, and open in the same tab (kbsite.outgoing). Runs after named links and KB references
have become links; widgets mark their own links the same way."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from hooks import i18n
from kbsite.outgoing import mark_outgoing


def on_page_content(html: str, *, config: MkDocsConfig, **_: object) -> str:
    html, _addresses = mark_outgoing(html, i18n.current_language(config))
    return html
