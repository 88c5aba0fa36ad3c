"""Vendor the in-browser Python runtime into the site, once, shared by both languages.

After the build, `site/pyodide/` holds Pyodide's runtime files (from the pinned npm package,
never a CDN), our `kbwidgets` wheel with a site-specific `pyodide-lock.json`, an optional
start-up snapshot, and `runtime.json`, the manifest the browser reads first:

    {"pyodide": "314.0.7", "package": {...}, "snapshot": {...} | null, "view": {...}}

`view` carries kbwidgets.engine.view's tag and attribute allow-lists, so the browser's renderer
enforces exactly the rules the Python side validates against. See `_runtime_build.py` for how
each file is made and cached.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from _i18n import current_language, default_language
from _runtime_build import build_runtime
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

from kbwidgets.engine import view

log = get_plugin_logger("widget_runtime")

RUNTIME_DIR = "pyodide"
ROOT = Path(__file__).resolve().parents[2]


def view_rules() -> dict:
    return {
        "tags": sorted(view.HTML_TAGS | view.SVG_TAGS),
        "svg": sorted(view.SVG_TAGS),
        "void": sorted(view.VOID_TAGS),
        "attributes": sorted(view.ATTRIBUTES),
        "prefixes": list(view.PREFIXED_ATTRIBUTES),
        "schemes": sorted(view.URL_SCHEMES),
    }


def _copy_if_changed(source: Path, target: Path) -> None:
    if (
        target.is_file()
        and target.stat().st_size == source.stat().st_size
        and target.stat().st_mtime >= source.stat().st_mtime
    ):
        return
    shutil.copy2(source, target)


def on_post_build(config: MkDocsConfig) -> None:
    # static-i18n nests the other languages' builds inside the default one: vendor once.
    if current_language(config) != default_language(config):
        return
    runtime = build_runtime(ROOT, ROOT / ".cache" / "widget-runtime", log)
    target = Path(config.site_dir) / RUNTIME_DIR
    target.mkdir(parents=True, exist_ok=True)
    for stale in target.glob("*.whl"):
        if stale.name not in runtime.files:
            stale.unlink()
    for name, source in runtime.files.items():
        _copy_if_changed(source, target / name)
    if "snapshot.bin.gz" not in runtime.files:
        (target / "snapshot.bin.gz").unlink(missing_ok=True)
    manifest = {**runtime.manifest, "view": view_rules()}
    (target / "runtime.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
