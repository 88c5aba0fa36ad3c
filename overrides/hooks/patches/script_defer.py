"""Load the page's scripts with `defer`, so they never hold up the first paint.

Material puts its bundle, and we put ours, at the end of the body as plain scripts. The browser
still has to fetch and run each before it may render, which on a slow mobile connection delays
the first paint by seconds (Lighthouse measured 1.6 s for the bundle alone). With `defer` they
run in the same order once the page is parsed; none of them writes to the page while it loads,
and the inline scripts Material keeps in the page do not depend on them. Material writes its
own script tags (base.html's `scripts` block), so this edits its output.
Switch: KB_PATCH_SCRIPT_DEFER=0.
"""

from __future__ import annotations

import re

from hooks.patches.guard import Patch

PATCH = Patch(
    "script_defer",
    package="mkdocs-material",
    versions=">=9.8,<9.9",
    changes="the <script src> tags of Material's base.html `scripts` block (they get `defer`)",
)

OUR_SCRIPTS = re.compile(r'<script src="([^"]*assets/javascripts/[^"]+\.js)"></script>')


def on_post_template(output_content: str, *, template_name: str, **_: object) -> str:
    """The 404 page is a template, not a page: its scripts are deferred too (strict_csp's
    deferred scripts must run before Material's bundle, in document order)."""
    return on_post_page(output_content) if template_name == "404.html" else output_content


def on_post_page(output: str, **_: object) -> str:
    if not PATCH.enabled():
        return output
    deferred, count = OUR_SCRIPTS.subn(r'<script src="\1" defer></script>', output)
    if count == 0 and "bundle." not in output:
        return output  # a page without Material's scripts (the sitemap template, say)
    if count == 0:
        raise PATCH.error('no <script src=".../assets/javascripts/..."> tag to defer')
    return deferred
