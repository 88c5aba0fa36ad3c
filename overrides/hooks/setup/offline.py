"""Offline reading (kbsite.offline): after every `mkdocs build`, the service worker that lets a
reader open the help centre with no connection after one visit. Not under `mkdocs serve`,
where a cache would hide the edits a writer just saved. `KB_OFFLINE=0` writes the kill switch
instead, which removes the worker from browsers that have it."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from hooks import i18n, order
from kbsite.offline import OfflineError, write_offline_files
from kbsite.texts import site_text

log = get_plugin_logger("offline")
_serving = False


def enabled() -> bool:
    return os.environ.get("KB_OFFLINE", "1") != "0"


def on_startup(*, command: str, **_: object) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Read by main.html: only a built site with offline reading registers the worker.
    config.extra["kb_offline"] = enabled() and not _serving
    return config


@event_priority(order.OFFLINE)
def on_post_build(config: MkDocsConfig) -> None:
    if _serving or i18n.is_nested_build(config):
        return
    site = Path(config.site_dir)
    folders = [language.link for language in i18n.languages(config)]
    try:
        manifest = write_offline_files(site, Path(config.config_file_path).parent, folders, enabled())
    except OfflineError as error:
        raise PluginError(f"offline reading: {error}") from error
    if manifest is None:
        log.info("KB_OFFLINE=0: sw.js is the kill switch, which removes offline reading")
        return
    for warning in manifest.warnings:
        log.warning("offline reading: %s", warning)
    log.info("offline reading: %d files, %.1f MB precached", len(manifest.entries), manifest.size / 1e6)


def on_page_context(context: dict, *, config: MkDocsConfig, **_: object) -> dict:
    if config.extra.get("kb_offline"):
        lang = i18n.current_language(config)
        context["kb_update_note"] = {
            "text": site_text("offline.updated", lang),
            "button": site_text("offline.reload", lang),
        }
    return context
