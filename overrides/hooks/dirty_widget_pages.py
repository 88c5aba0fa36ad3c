"""Under `mkdocs serve --dirty`, rebuild the pages that embed a widget when the widgets change.

A dirty build renders only pages whose Markdown changed. A page that embeds a widget also
carries that widget's static version and interface texts, made from `widgets/` at build time,
so after an edit there (a text, a tree) it would keep showing the old words until its own
Markdown was saved. This hook marks those pages as modified whenever a file under `widgets/`
changed since the previous build of the same language. Plain `mkdocs build` renders every page
anyway; there the hook does nothing.
"""

from __future__ import annotations

import time
from pathlib import Path

from _changes import changed_since
from _i18n import current_language
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

_previous_build: dict[str, float] = {}  # language -> when its last build started


def _always_modified() -> bool:
    return True


# After static-i18n's own `files` step (-100), which replaces the File objects of each language.
@event_priority(-150)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    lang = current_language(config)
    previous = _previous_build.get(lang)
    _previous_build[lang] = time.time()
    widgets = Path(config.config_file_path).parent / "widgets"
    if previous is None or not widgets.is_dir() or not changed_since(widgets, previous):
        return files
    for file in files.documentation_pages():
        if "[[widget " in file.content_string:
            file.is_modified = _always_modified  # what mkdocs asks before re-rendering a page
    return files
