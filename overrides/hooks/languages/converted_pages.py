"""Traditional Chinese pages converted from the Simplified ones, for every language's build
(so each language's switcher and sitemap know them); see hooks.converted."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from hooks import converted, order


@event_priority(order.BEFORE_I18N)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    return converted.add_converted_pages(files, config)
