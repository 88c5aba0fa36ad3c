"""Files the site serves as one, written as several: one concern per source file, one request
per page for the reader.

The sources live in the theme folder (overrides/); the build replaces them with the bundle.
Order matters: a later part may use what an earlier part defines (kbw/widget.js uses
window.kbwView and window.kbwTransport), and later CSS rules win (print comes last).

Our scripts are one file: each extra request before the largest paint costs a round trip on a
slow phone connection (Lighthouse's mobile LCP fell from about 1.38 s to 1.22 s when nine
deferred scripts became three; `make audit`). Each part is its own IIFE and reads
`document.currentScript` (kb.js, in assets/javascripts/) at once, as it did on its own.
"""

from __future__ import annotations

from collections.abc import Callable

BUNDLES: dict[str, tuple[str, ...]] = {
    "assets/javascripts/kb.js": (
        "assets/javascripts/kb-language.js",
        "assets/javascripts/kb-search-aliases.js",
        "assets/javascripts/kb-search-words.js",
        "assets/javascripts/kb-search.js",
        "assets/javascripts/kbw/view.js",
        "assets/javascripts/kbw/transport.js",
        "assets/javascripts/kbw/widget.js",
        "assets/javascripts/kb-offline.js",
    ),
    "assets/stylesheets/kb.css": (
        "assets/stylesheets/kb/theme.css",
        "assets/stylesheets/kb/widgets.css",
        "assets/stylesheets/kb/search.css",
        "assets/stylesheets/kb/links.css",
        "assets/stylesheets/kb/login-report.css",
        "assets/stylesheets/kb/page.css",
        "assets/stylesheets/kb/reading.css",
    ),
}


def join(parts: list[str]) -> str:
    """The bundle's text: the parts in order, one blank line apart."""
    return "\n\n".join(part.strip("\n") for part in parts) + "\n"


def build_bundles(read: Callable[[str], str]) -> dict[str, str]:
    """{bundle path: its text}, reading each source (a path under the theme folder) with `read`."""
    return {target: join([read(source) for source in sources]) for target, sources in BUNDLES.items()}


def sources() -> set[str]:
    """Every file that is part of a bundle (the build does not copy them on their own)."""
    return {source for parts in BUNDLES.values() for source in parts}
