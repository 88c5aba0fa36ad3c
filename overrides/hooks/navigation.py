"""Shape the navigation mkdocs builds from the folders, so it scales to thousands of articles.

With no `nav:` in mkdocs.yml, every folder of docs/ is a category and its index page is the
category's landing page (Material's `navigation.indexes`). This hook:

- orders the categories by `extra.nav_order` (folder names); others follow alphabetically;
- titles each category with its index page's `title` front matter, in the page's language
  (mkdocs would use the folder name, in English, on both sites).

Pages for writers only live under `docs/writers/` and are kept out of the navigation by the
`not_in_nav` setting in mkdocs.yml.
"""

from __future__ import annotations

import _frontmatter
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


def _index_page(section: Section) -> Page | None:
    for child in section.children:
        if isinstance(child, Page) and child.file.name == "index":
            return child
    return None


def _folder(item: object) -> str:
    page = _index_page(item) if isinstance(item, Section) else item
    if isinstance(page, Page):
        return page.file.src_uri.split("/")[0] if "/" in page.file.src_uri else ""
    return ""


def _flatten(items: list) -> list[Page]:
    pages: list[Page] = []
    for item in items:
        if isinstance(item, Page):
            pages.append(item)
        elif isinstance(item, Section):
            pages += _flatten(item.children)
    return pages


# After static-i18n has built this language's navigation (priority -100).
@event_priority(-110)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    order = list(config.extra.get("nav_order", []))
    rank = {folder: position for position, folder in enumerate(order)}
    nav.items.sort(key=lambda item: (_folder(item) != "", rank.get(_folder(item), len(rank)), _folder(item)))

    for item in nav.items:
        if isinstance(item, Section) and (index := _index_page(item)) is not None:
            title = _frontmatter.read(index.file.abs_src_path).meta.get("title")
            if isinstance(title, str) and title.strip():
                item.title = title.strip()

    nav.pages = _flatten(nav.items)
    for previous, current in zip([None, *nav.pages], nav.pages, strict=False):
        current.previous_page = previous
        if previous is not None:
            previous.next_page = current
    if nav.pages:
        nav.pages[-1].next_page = None
    return nav
