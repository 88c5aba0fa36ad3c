"""One Markdown converter per build instead of one per page.

mkdocs creates a new `markdown.Markdown` for every page, which imports, configures and wires
up every extension again (about 0.8 ms a page here, a tenth of the Markdown time: 1.5 s of CPU
at 1,000 articles in two languages). This hook hands mkdocs the same converter for every page
with the same extensions, reset between pages with `Markdown.reset()`, the library's own way
to reuse a converter. mkdocs then registers its per-page processors on it as before; they
replace the previous page's, which were registered under the same names.

tests/patches/test_markdown_reuse.py converts every page of docs/ with a fresh converter and
with a reused one, in the order a build does, and requires the same HTML and table of contents.
Switch: KB_PATCH_MARKDOWN_REUSE=0.
"""

from __future__ import annotations

import threading
import types
from typing import Any

import markdown
import mkdocs.structure.pages as mkdocs_pages
from mkdocs.config.defaults import MkDocsConfig

from hooks.patches.guard import Patch

PATCH = Patch(
    "markdown_reuse",
    package="mkdocs",
    versions=">=1.6,<1.7",
    changes="the `markdown` module that mkdocs.structure.pages uses to make one converter per page",
)

_local = threading.local()  # `mkdocs serve` builds in a thread of its own


def reused_markdown(**options: Any) -> markdown.Markdown:
    """`markdown.Markdown(**options)`, reset and reused when the options are the same objects."""
    key = (tuple(map(str, options.get("extensions", []))), id(options.get("extension_configs")))
    cache: dict = _local.__dict__.setdefault("converters", {})
    converter = cache.get(key)
    if converter is None:
        cache.clear()  # a new configuration (serve reloaded mkdocs.yml): drop the old one
        converter = cache[key] = markdown.Markdown(**options)
    else:
        converter.reset()
    return converter


class _MarkdownModule(types.ModuleType):
    """The `markdown` module as mkdocs' pages module sees it, with `Markdown` reused."""

    def __getattr__(self, name: str) -> Any:
        return getattr(markdown, name)


_patched = _MarkdownModule("markdown")
_patched.Markdown = reused_markdown  # type: ignore[attr-defined]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if mkdocs_pages.markdown not in (markdown, _patched):
        raise PATCH.error("mkdocs.structure.pages no longer imports `markdown` as a module")
    mkdocs_pages.markdown = _patched if PATCH.enabled() else markdown
    _local.__dict__.pop("converters", None)
    return config
