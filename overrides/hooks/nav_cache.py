"""Render each closed top-level navigation item once per build (see overrides/partials/nav.html).

With `navigation.prune`, a category that does not hold the current page is drawn as one link to
its first page. What Material's template makes of it depends only on the item's title, its
position, whether it has children, and where that first page is relative to the current page
(links are relative). Those are the cache key; anything on the way to the current page is
rendered as usual. That holds only while closed categories are pruned: with
`navigation.sections`, `navigation.tabs` or `navigation.expand` Material draws their articles
too, each with its own relative link, and the cache stays off. tests/site/
test_build_optimisations.py builds the site without this cache and requires byte-identical
pages. Set KB_NAV_CACHE=0 to turn it off.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

_rendered: dict[tuple, Markup] = {}


def _first_leaf(item: object) -> object:
    while isinstance(item, Section) and item.children:
        item = item.children[0]
    return item


def nav_cached(item: object, path: str, page: Page | None, caller: Callable[[], str]) -> Markup:
    """`caller()`, the item's HTML, from the cache when an equal item was rendered before."""
    if page is None or getattr(item, "active", False):
        return Markup(caller())
    leaf = _first_leaf(item)
    children = getattr(item, "children", None) or ()
    key = (
        path,
        type(item).__name__,
        str(getattr(item, "title", "")),
        len(children),
        normalize_url(str(getattr(leaf, "url", "")), page=page),
    )
    html = _rendered.get(key)
    if html is None:
        html = _rendered[key] = Markup(caller())
    return html


UNPRUNING_FEATURES = ("navigation.sections", "navigation.tabs", "navigation.expand")


def cache_applies(features: list[str]) -> bool:
    """Whether closed top-level items are drawn as one link (what the cache assumes)."""
    return "navigation.prune" in features and not any(f in features for f in UNPRUNING_FEATURES)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    _rendered.clear()  # a new build or another language: titles and addresses change
    features = list(config.theme.get("features") or [])
    enabled = os.environ.get("KB_NAV_CACHE", "1") != "0" and cache_applies(features)
    env.globals["kb_nav_cached"] = nav_cached if enabled else None
    return env
