"""Render each closed top-level navigation item once per build (templates/partials/nav.html).

With `navigation.prune`, a category that does not hold the current page is drawn as one link to
its first page. What Material's template makes of it depends only on the item's title, its
position, whether it has children, and where that first page is relative to the current page
(links are relative). Those are the cache key; anything on the way to the current page is
rendered as usual. That holds only while closed categories are pruned: with
`navigation.sections`, `navigation.tabs` or `navigation.expand` Material draws their articles
too, each with its own relative link, and the cache stays off.

The cached branch needs a copy of Material's `partials/nav.html` (beside this file, in
`templates/`); the hook puts that folder in front of the theme's only while the patch is on, so
with it off Material's own template is used. tests/patches/ builds the site without the patches
and requires byte-identical pages, and checks that our copy is Material's plus the branch.
Switch: KB_PATCH_NAV_CACHE=0.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

from hooks.patches.guard import Patch

PATCH = Patch(
    "nav_cache",
    package="mkdocs-material",
    versions=">=9.8,<9.9",
    changes="Material's partials/nav.html (our copy in patches/templates/ draws closed items from a cache)",
)
TEMPLATES = Path(__file__).resolve().with_name("templates") / "nav_cache"

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


def on_env(env: Environment, *, config: MkDocsConfig, **_: object) -> Environment:
    _rendered.clear()  # a new build or another language: titles and addresses change
    features = list(config.theme.get("features") or [])
    if not (cache_applies(features) and PATCH.enabled()):
        env.globals["kb_nav_cached"] = None
        return env
    # mkdocs makes a new environment for every build: put our copy of the template in front.
    if env.loader is None:
        raise PATCH.error("the theme's Jinja environment has no template loader")
    env.loader = ChoiceLoader([FileSystemLoader(str(TEMPLATES)), env.loader])
    env.globals["kb_nav_cached"] = nav_cached
    return env
