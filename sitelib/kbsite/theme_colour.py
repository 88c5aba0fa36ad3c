"""The colour a phone's browser paints its address bar in (`<meta name="theme-color">`): the
header's colour, read at build time from Material's palette stylesheet.

Material's palette component used to compute it in the browser, from the header's computed
style, at every page start. That component exists for a colour-scheme toggle, which this site
does not have (one palette, mkdocs.yml), and its start-up cost two full style recalculations
of the page inside Material's longest start-up task (about 26 ms of 72 ms unthrottled on a
Chinese widget page, `make audit`). With the palette written as a single mapping Material
leaves the component out, and the page carries the colour as a static tag instead.
"""

from __future__ import annotations

import re
from pathlib import Path

# Material's palette stylesheet names the primary colours' custom properties like this:
# [data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5;...}
_RULE = r"\[data-md-color-primary={name}\]\{{[^}}]*?--md-primary-fg-color:(#[0-9a-fA-F]{{3,8}})"


def header_colour(palette_css: str, primary: str) -> str | None:
    """The header's colour for the palette's `primary` name, or None for "custom" (the site's
    own stylesheet defines it, which the build does not evaluate).

    Raises ValueError for a name Material's stylesheet does not define."""
    name = primary.strip().lower().replace(" ", "-")
    if name == "custom":
        return None
    match = re.search(_RULE.format(name=re.escape(name)), palette_css)
    if not match:
        raise ValueError(
            f"mkdocs.yml: theme.palette.primary is {primary!r}, a colour Material's palette does not "
            "define (see its list of primary colours, or use 'custom' and define it in a stylesheet)"
        )
    return match.group(1).lower()


def palette_stylesheet(theme_dirs: list[str]) -> str:
    """The text of Material's palette stylesheet (assets/stylesheets/palette.<hash>.min.css),
    from the first theme folder that has one."""
    for folder in theme_dirs:
        for path in sorted(Path(folder).glob("assets/stylesheets/palette.*.min.css")):
            return path.read_text("utf-8")
    raise ValueError("Material's palette stylesheet (assets/stylesheets/palette.*.min.css) was not found")
