"""Links to addresses kept in one place: `[visible text](link:connectivity_test)`.

The source articles lost their hyperlinks, and we never guess an address. Writers link to a
named target; `extra.links` in mkdocs.yml holds the addresses. When a target's address is set,
the link becomes an ordinary link; while it is empty, the visible text stays as plain text (so
it must say what to look for). A name that is not in `extra.links` is a writer's error.
"""

from __future__ import annotations

import re
from html import escape

from kbsite import SiteError

SOURCE_LINK = re.compile(r"\]\(\s*link:([^)\s]*)")
HTML_LINK = re.compile(r'<a href="link:([^"]*)"([^>]*)>(.*?)</a>', re.S)


def check_names(markdown: str, known: dict[str, str], source: str, first_line: int = 1) -> None:
    """Raise SiteError naming the line of the first unknown `link:` target.

    `first_line` is the file line of the Markdown's first line (after the front matter).
    """
    for number, line in enumerate(markdown.split("\n"), start=first_line):
        for name in SOURCE_LINK.findall(line):
            if name not in known:
                names = ", ".join(sorted(known))
                raise SiteError(
                    f"{source}:{number}: unknown link target 'link:{name}'. Add it to extra.links in "
                    f"mkdocs.yml (empty until the address is confirmed), or use one of: {names}."
                )


def resolve(html: str, addresses: dict[str, str]) -> str:
    """Turn `link:` anchors into real links, or into plain text while the address is empty."""

    def replace(match: re.Match[str]) -> str:
        name, attrs, text = match.groups()
        address = (addresses.get(name) or "").strip()
        if address:
            return f'<a href="{escape(address, quote=True)}"{attrs}>{text}</a>'
        return f'<span class="kb-named-link" data-link="{escape(name, quote=True)}">{text}</span>'

    return HTML_LINK.sub(replace, html)
