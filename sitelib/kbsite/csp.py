"""Making a theme's pages work under a strict Content-Security-Policy (kbsite.hosting): no inline
script, no `data:` image. Pure text functions; the patch that applies them to Material is
overrides/hooks/patches/strict_csp.py.

- Inline scripts become same-origin files. A script that needs the page's relative base URL
  finds the site root from its own address instead (`document.currentScript`), which is the
  same for every page: the files live in one known folder.
- Icons written as `data:` URLs in CSS custom properties become SVG files, and the theme's
  stylesheet itself is rewritten to point at them. (An override in a later stylesheet was not
  enough: Chromium sometimes resolved the theme's `data:` value before the later sheet applied,
  and reported a CSP violation.)
"""

from __future__ import annotations

import re
from urllib.parse import unquote

SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
DATA_ICON = re.compile(r'(--[a-z0-9-]+):url\("data:image/svg\+xml;charset=utf-8,(.*?)"\)')
TEMPLATE_CODE = re.compile(r"\{\{|\{%")


def inline_scripts(template: str) -> list[str]:
    """The bodies of the `<script>` elements (without attributes) of a template."""
    return SCRIPT.findall(template)


def root_relative(script: str, expression: str, depth: int) -> str:
    """`script` with `new URL("<expression>", location)` made independent of the page: the URL
    of the site root seen from a file `depth` folders below it."""
    up = "../" * depth
    return script.replace(
        f'new URL("{expression}",location)', f'new URL("{up}",document.currentScript.src)'
    ).replace(f'new URL("{expression}")', f'new URL("{up}",document.currentScript.src)')


def still_templated(script: str) -> bool:
    """Whether template code is left (a substitution this module does not know)."""
    return bool(TEMPLATE_CODE.search(script))


def data_icons(css: str) -> dict[str, str]:
    """{custom property: SVG text} for every `--x: url("data:image/svg+xml;...")` in `css`."""
    return {name: unquote(svg) for name, svg in DATA_ICON.findall(css)}


def icon_file_name(prop: str) -> str:
    return prop.removeprefix("--md-").removeprefix("--") + ".svg"


def without_data_icons(css: str, folder: str) -> str:
    """`css` with every `data:` icon property pointing at `<folder><name>.svg` instead (a URL
    relative to the stylesheet); everything else unchanged."""
    return DATA_ICON.sub(lambda m: f'{m.group(1)}:url("{folder}{icon_file_name(m.group(1))}")', css)
