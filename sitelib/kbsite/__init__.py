"""The help centre's build logic as a library: no mkdocs, no theme, no generator.

Everything a build does to a writer's Markdown, and everything it writes beside the pages, is
here as pure functions and small classes, unit-tested without mkdocs: front matter and its
rules, the per-language page index, KB references and named links, related articles, the
sitemaps and robots file, widget embeds, the facts compared across languages, and the widget
runtime (wheel, lock file, snapshot). The mkdocs hooks in `overrides/hooks/` only connect these
to mkdocs' events; another generator could call the same functions.
"""

from __future__ import annotations


class SiteError(ValueError):
    """Something a writer must fix; the message names the file and line and says what to write."""
