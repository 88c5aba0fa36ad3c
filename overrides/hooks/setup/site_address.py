"""Say so when a build for deployment has no public address (KB_SITE_URL).

Without it, canonical links, sitemaps and robots.txt name the local preview address
(mkdocs.yml's default). The pages still work wherever they are served (instant navigation
rebases the sitemap onto the page's own origin: patches/sitemap_any_port.py), so this is a
notice, not a failure: `make build` for a local look stays offline and quiet of errors.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

from hooks import i18n

log = get_plugin_logger("site_address")
_command = ""


def on_startup(*, command: str, **_: object) -> None:
    global _command
    _command = command


def on_post_build(config: MkDocsConfig) -> None:
    if _command == "serve" or os.environ.get("KB_SITE_URL") or i18n.is_nested_build(config):
        return
    log.info(
        "KB_SITE_URL is not set: canonical links, sitemaps and robots.txt name %s. "
        "Set KB_SITE_URL to the public address when building for deployment.",
        config.site_url,
    )
