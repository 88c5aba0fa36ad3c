"""The 404 page's context in each language (kbsite.not_found): its words, search, categories,
the "cannot log in?" entry, and a switcher to the other language's home (never `/.`)."""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from hooks import site_index
from kbsite.not_found import not_found_context


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig, **_: object) -> dict:
    if template_name != "404.html":
        return context
    site_path = urlsplit(config.site_url or "/").path or "/"
    return {**context, **not_found_context(site_index.current(config), site_path)}
