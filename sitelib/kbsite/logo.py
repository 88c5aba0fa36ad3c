"""The site's logo as one small file that every page's stylesheet paints, instead of inline SVG
twice in every page.

Material inlines the logo icon in the header and again in the navigation drawer: about 1 KB a
page, 3 MB at 1,000 articles in three languages, the same bytes in every page. The icon is now
a file beside the theme's images; theme.css paints it as a mask in the text colour (how Material
paints its own CSS icons), so it follows the palette in either colour scheme.

Not `<svg><use href="…#logo">`: Material's instant navigation rewrites the `href` of every
element of the next page to an absolute address, and an SVG element's `href` cannot be set, so
navigation broke. A stylesheet's `url()` is relative to the stylesheet, not to the page, so one
address serves every page at every depth, and survives instant navigation.

The file is the icon mkdocs.yml names (`theme.icon.logo`), read from the theme, so changing the
logo stays a one-line change of configuration.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

FILE = "assets/images/kb-logo.svg"
"""Where the build writes the icon; theme.css names it as `../images/kb-logo.svg`."""
DEFAULT_ICON = "material/library"
"""Material's logo when mkdocs.yml names none."""
_SVG = re.compile(r"\A\s*<svg\b[^>]*\bviewBox=\"[-0-9. ]+\"[^>]*>.*</svg>\s*\Z", re.S)


def logo_icon(theme_dirs: Iterable[str | Path], name: str) -> str:
    """The SVG text of icon `name` (such as "material/lifebuoy"), from the first theme folder that
    has it, as Material looks it up; ValueError naming the setting when none has it."""
    for folder in theme_dirs:
        icon = Path(folder) / ".icons" / f"{name}.svg"
        if icon.is_file():
            text = icon.read_text(encoding="utf-8")
            if not _SVG.match(text):
                raise ValueError(f"{icon}: not an SVG icon with a viewBox, so it cannot be the site's logo")
            return text
    raise ValueError(f"mkdocs.yml: theme.icon.logo is {name!r}, and no theme folder has .icons/{name}.svg")
