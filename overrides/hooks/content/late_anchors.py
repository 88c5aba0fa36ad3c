"""Tell mkdocs about every id on a page, so its anchor check stops flagging links that work.

mkdocs collects a page's ids while Markdown is converted, before pymdownx.tabbed gives each
content tab its id (`=== "B.1 Windows"` becomes `#b1-windows`). Links to a tab were then
reported on every build ("contains a link '#b1-windows', but there is no such anchor on this
page") although they work: noise that teaches writers to ignore the check. Adding the ids of the
finished HTML keeps the check for anchors that really are missing; tests/site/test_links.py
checks every anchor again on the built site.
"""

from __future__ import annotations

import re
from html import unescape

from mkdocs.structure.pages import Page

ID = re.compile(r'\bid="([^"]+)"')


def on_page_content(html: str, *, page: Page, **_: object) -> str:
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= {unescape(anchor) for anchor in ID.findall(html)}
    return html
