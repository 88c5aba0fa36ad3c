"""Links to addresses kept in one place: `[visible text](link:connectivity_test)`.

The source articles lost their hyperlinks, and we never guess an address. Writers link to a
named target; `extra.links` in mkdocs.yml holds the addresses: a web address, or a KB id
("KB2278"), which leads to IBKR's article in the page's language (or to ours, when one of our
articles covers it), exactly like a KB reference typed in the text. While an address is empty
the visible text stays as plain text (so it must say what to look for) and the build warns:
a public page never ends in a silent dead end. A name not in `extra.links` stops the build.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from kbsite import SiteError
from kbsite.references import KB_VALUE

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


def resolve(
    html: str, addresses: dict[str, str], kb_href: Callable[[str], str | None] = lambda _kb: None
) -> tuple[str, set[str]]:
    """Turn `link:` anchors into real links, or into plain text while the address is empty.

    `kb_href("KB2278")` gives the address of a KB id in the page's language. Returns the new
    HTML and the names that had no address (for the build's warning).
    """
    missing: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        name, attrs, text = match.groups()
        address: str | None = (addresses.get(name) or "").strip()
        if address and KB_VALUE.match(address):
            address = kb_href(address)
        if address:
            return f'<a href="{escape(address, quote=True)}"{attrs}>{text}</a>'
        missing.add(name)
        return f'<span class="kb-named-link" data-link="{escape(name, quote=True)}">{text}</span>'

    return HTML_LINK.sub(replace, html), missing


def missing_warning(source: str, missing: set[str]) -> str:
    """The writer's warning for the named links of one page that have no address yet."""
    names = ", ".join(f"link:{name}" for name in sorted(missing))
    return (
        f"{source}: no address for {names} in extra.links (mkdocs.yml): readers get plain text "
        "instead of a link. Fill in the confirmed address."
    )
