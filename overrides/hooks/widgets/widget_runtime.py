"""Put the in-browser Python runtime into the site, once, shared by every language
(kbsite.runtime.build: the wheel, the lock file, the snapshot, runtime.json)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

from hooks import i18n
from kbsite.runtime.build import build_runtime, install

log = get_plugin_logger("widget_runtime")
RUNTIME_DIR = "pyodide"


def on_post_build(config: MkDocsConfig) -> None:
    if not i18n.is_default_build(config):  # the other languages' builds share it
        return
    root = Path(config.config_file_path).parent
    install(build_runtime(root, root / ".cache" / "widget-runtime", log), Path(config.site_dir) / RUNTIME_DIR)
