"""`[visible text](link:key)` becomes a link to the address in `extra.links` (kbsite.named_links);
an unknown key stops the build with the file and line."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from hooks import site_index
from kbsite import SiteError
from kbsite.named_links import check_names, resolve


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, **_: object) -> str:
    doc = site_index.page_info(page, config).doc
    try:
        check_names(markdown, config.extra.get("links") or {}, f"docs/{page.file.src_uri}", doc.body_line)
    except SiteError as error:
        raise PluginError(str(error)) from None
    return markdown


def on_page_content(html: str, *, config: MkDocsConfig, **_: object) -> str:
    return resolve(html, config.extra.get("links") or {})
