"""`[visible text](link:key)` becomes a link to the address in `extra.links` (kbsite.named_links);
a KB id as address leads where a KB reference would (hooks.kb_links). An unknown key stops the
build with the file and line; a key without an address is a warning (a strict build stops)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

from hooks import kb_links, site_index
from kbsite import SiteError
from kbsite.named_links import check_names, missing_warning, resolve

log = get_plugin_logger("named_links")


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, **_: object) -> str:
    doc = site_index.page_info(page, config).doc
    try:
        check_names(markdown, config.extra.get("links") or {}, f"docs/{page.file.src_uri}", doc.body_line)
    except SiteError as error:
        raise PluginError(str(error)) from None
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, **_: object) -> str:
    html, missing = resolve(html, config.extra.get("links") or {}, kb_links.target_for(page, config))
    if missing:
        log.warning(missing_warning(f"docs/{page.file.src_uri}", missing))
    return html
