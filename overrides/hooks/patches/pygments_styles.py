"""Work out Pygments' colour classes once per style, not once per code block.

pymdownx.highlight creates a Pygments HTML formatter for every code block, and each new
formatter walks its whole colour style to map token types to CSS classes: most of the time
spent on a short code block. The mapping depends only on the style and the class prefix, so
this hook remembers it for each (style, prefix) and gives every formatter its own copy.
tests/patches/ builds the site with and without the patches and requires identical pages.
Switch: KB_PATCH_PYGMENTS_STYLES=0.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from pygments.formatters.html import HtmlFormatter

from hooks.patches.guard import Patch

PATCH = Patch(
    "pygments_styles",
    package="Pygments",
    versions=">=2.17,<3",
    changes="pygments.formatters.html.HtmlFormatter._create_stylesheet (memoised per style and prefix)",
)

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
    if not callable(_pygments) or not hasattr(HtmlFormatter(), "ttype2class"):
        raise PATCH.error("HtmlFormatter has no _create_stylesheet filling ttype2class")
    HtmlFormatter._create_stylesheet = create_stylesheet if PATCH.enabled() else _pygments
    return config
