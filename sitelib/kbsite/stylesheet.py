"""Each page's one stylesheet: Material's main and palette stylesheets and ours, in that order.

Material's base template links two stylesheets and ours a third. All three block the first
paint, and on a slow phone connection each is a request of its own before anything is drawn
(Lighthouse counted about 300 ms of render-blocking time for each, `make audit`). Joined,
they are one request. The joined file is named by its content
("assets/stylesheets/site.1a2b3c4d.css"), so hosts may cache it for a year (kbsite.hosting):
a returning reader does not even ask whether it changed, and a new build gets a new name.

The order is the order the page had: later rules win, so ours still override Material's.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

MATERIAL_PARTS = ("assets/stylesheets/main.", "assets/stylesheets/palette.")
"""Material's stylesheets ("main.57a0d79d.min.css"), in the order its base template links them."""
OURS = "assets/stylesheets/kb.css"
"""Ours, the bundle of kbsite.bundles."""
FOLDER = "assets/stylesheets/"
"""Where the joined stylesheet goes: every part's relative `url()`s stay right."""

_JOINED = re.compile(re.escape(FOLDER) + r"site\.[0-9a-f]{8}\.css")
_CHARSET = re.compile(r'@charset\s+"[^"]*"\s*;\s*', re.IGNORECASE)


class StylesheetError(ValueError):
    """A part is missing: the message names it."""


def parts(paths: Iterable[str]) -> list[str]:
    """The site files joined into the stylesheet, in order, from all of the site's files:
    Material's main and palette stylesheets (not their source maps), then ours."""
    listed = set(paths)
    found: list[str] = []
    for prefix in MATERIAL_PARTS:
        matches = sorted(path for path in listed if path.startswith(prefix) and path.endswith(".css"))
        if len(matches) != 1:
            raise StylesheetError(
                f"expected one of Material's stylesheets {prefix}*.css, found {matches or 'none'}: "
                "kbsite/stylesheet.py must learn the installed Material's file names"
            )
        found += matches
    if OURS not in listed:
        raise StylesheetError(f"{OURS} (kbsite/bundles.py) is not among the site's files")
    return [*found, OURS]


def source_maps(paths: Iterable[str], joined: list[str]) -> list[str]:
    """The source maps of the joined parts: no stylesheet names them, so they are not served."""
    wanted = {f"{part}.map" for part in joined}
    return sorted(path for path in paths if path in wanted)


def join(texts: list[str]) -> str:
    """One stylesheet from several, in order. A `@charset` rule counts only at the very start
    of a file, so each part's is dropped and one is written first (every part is UTF-8)."""
    body = "\n".join(_CHARSET.sub("", text).strip() for text in texts)
    return f'@charset "UTF-8";\n{body}\n'


def file_name(text: str) -> str:
    """The joined stylesheet's path in the site, named by its content."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"{FOLDER}site.{digest}.css"


def joined_name(paths: Iterable[str]) -> str:
    """Which of the site's files is the joined stylesheet (there is exactly one)."""
    names = [path for path in paths if _JOINED.fullmatch(path)]
    if len(names) != 1:
        found = names or "none"
        raise StylesheetError(f"expected one joined stylesheet {FOLDER}site.<hash>.css, found {found}")
    return names[0]
