"""Under `mkdocs serve --dirty`, rebuild the pages that embed a widget when the widgets change.

A dirty build renders only pages whose Markdown changed. A page that embeds a widget also
carries that widget's static version and interface texts, made from `widgets/` at build time,
so after an edit there (a text, a tree) it would keep showing the old words until its own
Markdown was saved. This hook marks those pages (the page index knows which embed a widget) as
modified whenever a file under `widgets/` changed since the previous build of the same
language, by replacing `File.is_modified`, which mkdocs asks before re-rendering a page. Plain
`mkdocs build` renders every page anyway; there the hook does nothing.
Switch: KB_PATCH_DIRTY_WIDGET_PAGES=0.
"""

from __future__ import annotations

import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from hooks import i18n, order, site_index
from hooks.patches.guard import Patch
from kbsite.changes import changed_since

PATCH = Patch(
    "dirty_widget_pages",
    package="mkdocs",
    versions=">=1.6,<1.7",
    changes="File.is_modified of the pages that embed a widget (what `mkdocs serve --dirty` asks)",
)
_previous_build: dict[str, float] = {}  # language -> when its last build started


def _always_modified() -> bool:
    return True


# After static-i18n's own `files` step, which replaces the File objects of each language, and
# after languages/page_index.py (listed before this patch in mkdocs.yml).
@event_priority(order.AFTER_I18N)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    lang = i18n.current_language(config)
    previous = _previous_build.get(lang)
    _previous_build[lang] = time.time()
    widgets = Path(config.config_file_path).parent / "widgets"
    if previous is None or not widgets.is_dir() or not changed_since(widgets, previous):
        return files
    if not PATCH.enabled():
        return files
    if not callable(getattr(File, "is_modified", None)):
        raise PATCH.error("mkdocs' File has no is_modified() any more")
    index = site_index.current(config)
    for file in files.documentation_pages():
        info = index.page(file.src_uri)
        if info is not None and info.widgets:
            file.is_modified = _always_modified  # type: ignore[method-assign]
    return files
