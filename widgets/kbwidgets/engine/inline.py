"""Plain texts with their technical tokens marked as code.

Widget texts are plain strings (the same in the CLI and in a copied summary). In a page, a
token a reader types into a file, `-Xmx1536m` or `### Keep on update`, must read as one piece:
in Chinese text, with no spaces to break at, browsers otherwise break a line after its hyphen
("-" / "Xmx1536m"). As <code> (which widgets.css keeps on one line) it reads like the article's
own inline code and never breaks.
"""

from __future__ import annotations

import re

from kbwidgets.engine.view import ViewNode, h

TECHNICAL = re.compile(r"(?<![\w-])-X\w+|### Keep on update")


def with_code(text: str) -> list[ViewNode | str]:
    """`text` as children: plain runs, and each technical token as a `code` element."""
    parts: list[ViewNode | str] = []
    last = 0
    for match in TECHNICAL.finditer(text):
        if match.start() > last:
            parts.append(text[last : match.start()])
        parts.append(h("code", {}, match.group(0)))
        last = match.end()
    if last < len(text):
        parts.append(text[last:])
    return parts
