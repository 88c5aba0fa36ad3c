"""Work out Pygments' colour classes once per style, not once per code block.

pymdownx.highlight creates a Pygments HTML formatter for every code block, and each new
formatter walks its whole colour style to map token types to CSS classes: most of the time
spent on a short code block. The mapping depends only on the style and the class prefix, so
this hook remembers it for each (style, prefix) and gives every formatter its own copy.
tests/site/test_build_optimisations.py builds the site with and without it
(KB_HIGHLIGHT_CACHE=0) and requires identical pages.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from pygments.formatters.html import HtmlFormatter

_pygments = HtmlFormatter._create_stylesheet
_stylesheets: dict[tuple[type, str], tuple[dict, dict]] = {}


def create_stylesheet(formatter: HtmlFormatter) -> None:
    """HtmlFormatter._create_stylesheet, computed once per (style, class prefix)."""
    key = (formatter.style, formatter.classprefix)
    if key not in _stylesheets:
        _pygments(formatter)
        _stylesheets[key] = (formatter.ttype2class, formatter.class2style)
    ttype2class, class2style = _stylesheets[key]
    formatter.ttype2class, formatter.class2style = dict(ttype2class), dict(class2style)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    enabled = os.environ.get("KB_HIGHLIGHT_CACHE", "1") != "0"
    HtmlFormatter._create_stylesheet = create_stylesheet if enabled else _pygments
    return config
