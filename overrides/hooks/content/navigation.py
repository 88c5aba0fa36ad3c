"""Shape the navigation mkdocs builds from the folders (the rules: kbsite.navigation).

With no `nav:` in mkdocs.yml, every folder of docs/ is a category and its index page is the
category's landing page (Material's `navigation.indexes`). This hook orders the categories,
titles each with its index page's `title` in the page's language (mkdocs would use the folder
name, in English, on both sites), and gives large categories the short sidebar plus a full
list on their index page. Pages for writers only (docs/writers/) stay out of the navigation
through `not_in_nav` in mkdocs.yml.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from hooks import order, site_index
from kbsite.navigation import (
    DEFAULT_CATEGORY_LIMIT,
    ListedArticle,
    category_list_html,
    category_rank,
    is_large,
)

_large: dict[int, list[ListedArticle]] = {}  # id(section) -> its articles, for its index page


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


@event_priority(order.AFTER_I18N)  # after static-i18n has built this language's navigation
def on_nav(nav: Navigation, *, config: MkDocsConfig, **_: object) -> Navigation:
    index = site_index.current(config)
    nav_order = list(config.extra.get("nav_order", []))
    nav.items.sort(key=lambda item: category_rank(_folder(item), nav_order))

    for item in nav.items:
        if isinstance(item, Section) and (landing := _index_page(item)) is not None:
            info = index.page(landing.file.src_uri)
            title = info.meta.get("title") if info else None
            if isinstance(title, str) and title.strip():
                item.title = title.strip()

    limit = int(config.extra.get("nav_category_limit", DEFAULT_CATEGORY_LIMIT))
    _large.clear()
    for item in nav.items:
        if isinstance(item, Section) and is_large(len(item.children) - 1, limit):
            listing = []
            for child in item.children:
                if isinstance(child, Page) and child.file.name != "index":
                    info = index.page(child.file.src_uri)
                    meta = info.meta if info else {}
                    listing.append(
                        ListedArticle(
                            child.file.url,
                            str(meta.get("title", child.file.name)),
                            str(meta.get("summary", "")),
                        )
                    )
            _large[id(item)] = listing

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
    landing = _index_page(section)
    inside = page.parent is section
    children: list[StructureItem] = [
        child for child in (landing, page if inside and page is not landing else None) if child is not None
    ]
    short = Section(section.title, children)
    short.active = inside  # compared by identity: Page.__eq__ is slow for hundreds of pages
    return short


def on_page_context(context: dict, *, page: Page, nav: Navigation, **_: object) -> dict:
    if _large:
        items = [_short_section(item, page) if id(item) in _large else item for item in nav.items]
        # Navigation(items, pages) looks for the home page among all pages: with the full list
        # that is N x N over a build. The pages and home page are the full navigation's.
        short = Navigation(items, [])
        short.pages, short.homepage = nav.pages, nav.homepage
        context["nav"] = short
    return context


def on_page_content(html: str, *, page: Page, **_: object) -> str:
    """A large category's index page lists every article of the category."""
    section = page.parent
    if page.file.name != "index" or section is None or id(section) not in _large:
        return html
    return html + category_list_html(_large[id(section)], lambda url: get_relative_url(url, page.url))
