"""The header's colour for `<meta name="theme-color">` (kbsite.theme_colour), a template global
that main.html writes into every page's head."""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from kbsite.theme_colour import header_colour, palette_stylesheet


def on_env(env: Environment, *, config: MkDocsConfig, **_: object) -> Environment:
    palette = config.theme.get("palette") or {}
    colour = None
    if isinstance(palette, dict):  # a list is Material's toggle, whose component sets the tag itself
        try:
            colour = header_colour(palette_stylesheet(config.theme.dirs), palette.get("primary") or "indigo")
        except ValueError as error:
            raise PluginError(str(error)) from None
    env.globals["kb_theme_colour"] = colour
    return env
