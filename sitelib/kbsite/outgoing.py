"""Links in an article that leave the help centre: marked, same tab, and listed for writers.

Every `<a href="http(s)://...">` in an article's content goes to another site (our own links
are relative). It gets the same marks as a widget's outgoing link (kbwidgets.engine.links):
an arrow for the eye and a phrase in the reader's language for screen readers. Nothing opens a
new tab, and nothing from the other site is loaded: it is a plain link.
"""

from __future__ import annotations

import re
from html import unescape

from kbwidgets.engine.links import OUTGOING_CLASS, outgoing_marks
from kbwidgets.engine.view import to_html

ANCHOR = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.S)
HREF = re.compile(r'\bhref="([^"]*)"')
CLASS = re.compile(r'\bclass="([^"]*)"')
TARGET = re.compile(r'\s+target="[^"]*"')
ABSOLUTE = re.compile(r"^https?://", re.I)


def is_outgoing(href: str) -> bool:
    return bool(ABSOLUTE.match(href.strip()))


def mark_outgoing(html: str, lang: str) -> tuple[str, list[str]]:
    """Mark every outgoing link of `html`; returns the new HTML and the addresses, in order."""
    marks = "".join(to_html(mark) for mark in outgoing_marks(lang))
    found: list[str] = []

    def replace(match: re.Match[str]) -> str:
        attrs, text = match.groups()
        href = HREF.search(attrs)
        if not href or not is_outgoing(unescape(href.group(1))):
            return match.group(0)
        found.append(unescape(href.group(1)))
        classes = CLASS.search(attrs)
        if classes and OUTGOING_CLASS in classes.group(1).split():
            return match.group(0)  # a widget's link, already marked
        attrs = TARGET.sub("", attrs)  # the same tab, always
        if classes:
            attrs = CLASS.sub(f'class="{classes.group(1)} {OUTGOING_CLASS}"', attrs, count=1)
        else:
            attrs += f' class="{OUTGOING_CLASS}"'
        return f"<a{attrs}>{text}{marks}</a>"

    return ANCHOR.sub(replace, html), found


def outgoing_addresses(html: str) -> list[str]:
    """Every outgoing address of a built page, in order, without repeats."""
    seen: dict[str, None] = {}
    for match in ANCHOR.finditer(html):
        href = HREF.search(match.group(1))
        if href and is_outgoing(unescape(href.group(1))):
            seen.setdefault(unescape(href.group(1)), None)
    return list(seen)
