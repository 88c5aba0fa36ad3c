"""Stop the build when a page's front matter is wrong, naming the file, the line and the fix
(the rules: kbsite.frontmatter_rules)."""

from __future__ import annotations

import datetime as dt

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from hooks import order, site_index
from kbsite.frontmatter_rules import report


@event_priority(order.AFTER_I18N)  # listed after languages/page_index.py, so the index exists
def on_files(files: Files, config: MkDocsConfig) -> Files:
    index = site_index.current(config)
    pages = [
        (f"docs/{page.file.src_uri}", page.doc, page.file.is_index)
        for page in index.pages.values()
        if not page.stand_in  # an English stand-in is checked in the English build
    ]
    platforms = list(config.extra.get("platforms") or [])
    found = report(pages, platforms=platforms, today=dt.date.today())
    if found:
        raise PluginError("front matter needs fixing:\n  " + "\n  ".join(found))
    return files
