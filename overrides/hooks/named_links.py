"""Links to addresses kept in one place: `[visible text](link:connectivity_test)`.

The source articles lost their hyperlinks, and we never guess an address. Writers link to a
named target; `extra.links` in mkdocs.yml holds the addresses. When a target's address is set,
the link becomes an ordinary link; while it is empty, the visible text stays as plain text
(so it must say what to look for, e.g. "the IB Connectivity Test page on the IBKR website").
A name that is not in `extra.links` stops the build with the file and line.
"""

from __future__ import annotations

import re
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

SOURCE_LINK = re.compile(r"\]\(\s*link:([^)\s]*)")
HTML_LINK = re.compile(r'<a href="link:([^"]*)"([^>]*)>(.*?)</a>', re.S)


def check_names(markdown: str, known: dict, source: str) -> None:
    """Raise PluginError naming the line of the first unknown `link:` target."""
    for number, line in enumerate(markdown.split("\n"), start=1):
        for name in SOURCE_LINK.findall(line):
            if name not in known:
                names = ", ".join(sorted(known))
                raise PluginError(
                    f"{source}:{number}: unknown link target 'link:{name}'. Add it to extra.links in "
                    f"mkdocs.yml (empty until the address is confirmed), or use one of: {names}."
                )


def resolve(html: str, addresses: dict) -> str:
    """Turn `link:` anchors into real links, or into plain text while the address is empty."""

    def replace(match: re.Match) -> str:
        name, attrs, text = match.groups()
        address = (addresses.get(name) or "").strip()
        if address:
            return f'<a href="{escape(address, quote=True)}"{attrs}>{text}</a>'
        return f'<span class="kb-named-link" data-link="{escape(name, quote=True)}">{text}</span>'

    return HTML_LINK.sub(replace, html)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    check_names(markdown, config.extra.get("links") or {}, f"docs/{page.file.src_uri}")
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return resolve(html, config.extra.get("links") or {})
