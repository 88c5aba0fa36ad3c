"""Shape the navigation mkdocs builds from the folders, so it scales to thousands of articles.

With no `nav:` in mkdocs.yml, every folder of docs/ is a category and its index page is the
category's landing page (Material's `navigation.indexes`). This hook:

- orders the categories by `extra.nav_order` (folder names); others follow alphabetically;
- titles each category with its index page's `title` front matter, in the page's language
  (mkdocs would use the folder name, in English, on both sites);
- keeps every page's sidebar short in large categories. Material renders the whole navigation
  into every page; with `navigation.prune` that is still every article of the current
  category, which for a category of hundreds of articles dominates the build's time and
  output. A category with more than `extra.nav_category_limit` articles shows, in the sidebar,
  its index page and the current article only, and its index page lists all its articles.

Pages for writers only live under `docs/writers/` and are kept out of the navigation by the
`not_in_nav` setting in mkdocs.yml.
"""

from __future__ import annotations

from html import escape

import _frontmatter
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

DEFAULT_CATEGORY_LIMIT = 30
_large: dict[int, list[tuple[str, str, str]]] = {}  # id(section) -> [(url, title, summary)]


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

    limit = int(config.extra.get("nav_category_limit", DEFAULT_CATEGORY_LIMIT))
    _large.clear()
    for item in nav.items:
        if isinstance(item, Section) and len(item.children) > limit + 1:
            listing = []
            for child in item.children:
                if isinstance(child, Page) and child.file.name != "index":
                    meta = _frontmatter.read(child.file.abs_src_path).meta
                    listing.append(
                        (
                            child.file.url,
                            str(meta.get("title", child.file.name)),
                            str(meta.get("summary", "")),
                        )
                    )
            _large[id(item)] = sorted(listing, key=lambda entry: entry[1])

    nav.pages = _flatten(nav.items)
    for previous, current in zip([None, *nav.pages], nav.pages, strict=False):
        current.previous_page = previous
        if previous is not None:
            previous.next_page = current
    if nav.pages:
        nav.pages[-1].next_page = None
    return nav


def _short_section(section: Section, page: Page) -> Section:
    """The section as the sidebar shows it on `page`: its index page, and `page` if it is in it."""
    index = _index_page(section)
    inside = page.parent is section
    children = [
        child for child in (index, page if inside and page is not index else None) if child is not None
    ]
    short = Section(section.title, children)
    short.active = inside  # compared by identity: Page.__eq__ is slow for hundreds of pages
    return short


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    if _large:
        items = [_short_section(item, page) if id(item) in _large else item for item in nav.items]
        # Navigation(items, pages) looks for the home page among all pages: with the full list
        # that is N x N over a build. The pages and home page are the full navigation's.
        short = Navigation(items, [])
        short.pages, short.homepage = nav.pages, nav.homepage
        context["nav"] = short
    return context


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A large category's index page lists every article of the category."""
    section = page.parent
    if page.file.name != "index" or section is None or id(section) not in _large:
        return html
    rows = "".join(
        f'<li><a href="{escape(get_relative_url(url, page.url), quote=True)}">{escape(title)}</a>'
        + (f"<br><small>{escape(summary)}</small>" if summary else "")
        + "</li>"
        for url, title, summary in _large[id(section)]
    )
    return html + f'<ul class="kb-category-list">{rows}</ul>'
