"""Each rendered page without its template's blank lines and indentation (kbsite.page_whitespace).

First of every `post_page` handler, while the article in the page is still exactly
`page.content` (later ones mark it for search and rewrite scripts).
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from hooks import order
from kbsite.page_whitespace import compact_page


@event_priority(order.BEFORE_ALL)
def on_post_page(output: str, *, page: Page, **_: object) -> str:
    return compact_page(output, page.content or "")
