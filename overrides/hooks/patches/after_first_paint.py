"""Material's bundle and ours start once the page has painted, not before.

With `defer` (script_defer.py) the two scripts still run before the page's first paint whenever
they arrive while the page is being parsed: on a phone that is about 450 ms more before the
article's first paragraph shows (Lighthouse mobile: largest paint 1.65 s with them, 1.20 s
without; their evaluation was most of the total blocking time; `make audit`). Nothing on our
pages needs them to read or to follow a link: every page is complete without JS, and the
search box and the menu are CSS toggles. So the page loads one small deferred script
(assets/javascripts/kb-after-paint.js) that adds the two, in their order, after the first frame.

Material's bundle starts on `DOMContentLoaded`, which has passed by then; the loader hands it the
document through `window.document$`, the subject that event would have fed (and the one its
instant navigation feeds on every page change), so it starts exactly as it would have.
This patch rewrites the two tags script_defer leaves; it runs after it (mkdocs.yml order).
Switch: KB_PATCH_AFTER_FIRST_PAINT=0 (the scripts are deferred as before).
"""

from __future__ import annotations

import re

from hooks.patches.guard import Patch

PATCH = Patch(
    "after_first_paint",
    package="mkdocs-material",
    versions=">=9.8,<9.9",
    changes="the deferred <script> tags of Material's bundle and of kb.js (one loader tag instead),"
    " and the bundle's start on DOMContentLoaded (fed through window.document$)",
)
LOADER = "kb-after-paint.js"
TAG = re.compile(
    r'<script src="([^"]*)assets/javascripts/(bundle\.[0-9a-f]+\.min\.js|kb\.js)" defer></script>'
)


def load_after_paint(html: str) -> str:
    """The page with its bundle and kb.js tags replaced by one tag of the loader, where the bundle's
    tag was; the loader's `data-kb-scripts` lists the two, in their order."""
    tags = list(TAG.finditer(html))
    if not tags:
        return html
    names = [tag.group(2) for tag in tags]
    if len(names) != 2 or not names[0].startswith("bundle.") or names[1] != "kb.js":
        raise PATCH.error(f"expected Material's bundle and then kb.js, found {names}")
    prefix = tags[0].group(1)
    sources = " ".join(f"{prefix}assets/javascripts/{name}" for name in names)
    loader = f'<script src="{prefix}assets/javascripts/{LOADER}" data-kb-scripts="{sources}" defer></script>'
    return html[: tags[0].start()] + loader + html[tags[0].end() : tags[1].start()] + html[tags[1].end() :]


def on_post_page(output: str, **_: object) -> str:
    return load_after_paint(output) if PATCH.enabled() else output


def on_post_template(output_content: str, *, template_name: str, **_: object) -> str:
    """The 404 page is a template, not a page: its scripts start after its paint too."""
    if template_name == "404.html" and PATCH.enabled():
        return load_after_paint(output_content)
    return output_content
