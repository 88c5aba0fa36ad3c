"""The icons of our own partials as small files that the stylesheet paints, instead of inline SVG
repeated in every page.

Material inlines each icon's SVG wherever it is used: the logo twice (header and navigation
drawer), the magnifier twice, the menu, language, back and clear icons, and the footer's arrows
and back-to-top arrow, about 2.7 KB a page, 8 MB at 1,000 articles in three languages, the same
bytes in every page. Each is now a file
under assets/images/kb-icons/, and the page has an empty element that theme.css paints with
the file as a mask in the text colour (how Material paints its own CSS icons), so the icons
follow the palette in either colour scheme and the forced colours of high-contrast modes.

Not `<svg><use href="…#icon">`: Material's instant navigation sets the `href` of every element
of the next page to an absolute address, and an SVG element's `href` cannot be set, so
navigation broke. A stylesheet's `url()` is relative to the stylesheet, not to the page, so one
address serves every page at every depth, and survives instant navigation.

Each file is the icon mkdocs.yml names (`theme.icon.<key>`, or Material's default), read from
the theme as Material reads it, so changing an icon stays a one-line change of configuration.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

FOLDER = "assets/images/kb-icons"
"""Where the build writes the icons; theme.css names them as `../images/kb-icons/<name>.svg`."""

ICONS = {
    "logo": "material/library",
    "menu": "material/menu",
    "search": "material/magnify",
    "previous": "material/arrow-left",
    "next": "material/arrow-right",
    "top": "material/arrow-up",
    "close": "material/close",
    "alternate": "material/translate",
}
"""Each icon by its `theme.icon` key (also its file's name), with Material's default."""

_SVG = re.compile(r"\A\s*<svg\b[^>]*\bviewBox=\"[-0-9. ]+\"[^>]*>.*</svg>\s*\Z", re.S)


def icon_text(theme_dirs: Iterable[str | Path], key: str, name: str) -> str:
    """The SVG text of icon `name` (such as "material/lifebuoy"), from the first theme folder that
    has it, as Material looks it up; ValueError naming the setting `key` when none has it."""
    for folder in theme_dirs:
        icon = Path(folder) / ".icons" / f"{name}.svg"
        if icon.is_file():
            text = icon.read_text(encoding="utf-8")
            if not _SVG.match(text):
                raise ValueError(f"{icon}: not an SVG icon with a viewBox, so it cannot be theme.icon.{key}")
            return text
    raise ValueError(f"mkdocs.yml: theme.icon.{key} is {name!r}, and no theme folder has .icons/{name}.svg")


def icon_files(theme_dirs: Iterable[str | Path], configured: Mapping[str, str]) -> dict[str, str]:
    """Every icon file's path in the site and its text: `configured` is mkdocs.yml's `theme.icon`."""
    folders = list(theme_dirs)
    return {
        f"{FOLDER}/{key}.svg": icon_text(folders, key, configured.get(key) or default)
        for key, default in ICONS.items()
    }
