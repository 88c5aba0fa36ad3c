"""How the navigation is ordered and kept short, independent of the generator's nav objects.

Every folder of docs/ is a category, ordered by `extra.nav_order` (others follow
alphabetically, pages at the top level first). A category with more articles than
`extra.nav_category_limit` shows only its index page and the current article in the sidebar,
and its index page lists all its articles instead: otherwise every page of a large category
would carry the whole category's sidebar (the largest cost of a build at thousands of pages).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

DEFAULT_CATEGORY_LIMIT = 30


def category_rank(folder: str, nav_order: list[str]) -> tuple[bool, int, str]:
    """Sort key of a top-level item by its folder ("" for a page at the top level)."""
    rank = {name: position for position, name in enumerate(nav_order)}
    return (folder != "", rank.get(folder, len(rank)), folder)


def is_large(articles: int, limit: int) -> bool:
    """Whether a category with `articles` pages besides its index page gets the short sidebar."""
    return articles > limit


@dataclass(frozen=True)
class ListedArticle:
    url: str  # relative to the site root
    title: str
    summary: str


def category_list_html(articles: list[ListedArticle], relative: Callable[[str], str]) -> str:
    """The list of a large category's articles, sorted by title; `relative` makes each link
    relative to the page it is on."""
    rows = "".join(
        f'<li><a href="{escape(relative(article.url), quote=True)}">{escape(article.title)}</a>'
        + (f"<br><small>{escape(article.summary)}</small>" if article.summary else "")
        + "</li>"
        for article in sorted(articles, key=lambda entry: entry.title)
    )
    return f'<ul class="kb-category-list">{rows}</ul>'
