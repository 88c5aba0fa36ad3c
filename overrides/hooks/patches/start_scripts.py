"""Material's start-up scripts in one request instead of three or four.

Under the strict CSP (strict_csp.py) Material's small inline scripts are files, each loaded with
`defer`: md/base.js (the `__md_get` storage helpers) in the head, md/palette.js at the top of
the body, md/tabs.js and md/target.js after the content. On a slow phone connection each extra
request before the largest paint costs a round trip (Lighthouse mobile, `make audit`). Deferred
scripts run once the page is parsed, in document order, so one file holding the four in that
order, loaded where base.js was, runs the same code at the same moment. The palette script is
only part of it when pages have it (a list of palettes: a colour-scheme toggle).

It merges only those four; any other Material script a page has (announcement, version,
consent) keeps its own tag. A page without some of them (the 404 page has no content partial,
so no target.js) gets the same file: target.js only checks a tab named by the address's
fragment, which such a page does not have. The separate files stay in the site (with this patch
off the pages load them). Without strict_csp there are no such files and this does nothing.
Switch: KB_PATCH_START_SCRIPTS=0.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from hooks import order
from hooks.patches.guard import Patch

PATCH = Patch(
    "start_scripts",
    package="mkdocs-material",
    versions=">=9.8,<9.9",
    changes="the <script> tags strict_csp writes for Material's base, palette and content partials",
)
SCRIPTS = "assets/javascripts/md/"
PARTS = ("base", "palette", "tabs", "target")  # in the order the page runs them
MERGED = "start"
TAG = re.compile(r'<script src="([^"]*)assets/javascripts/md/(base|palette|tabs|target)\.js" defer></script>')
_merged = False  # this build wrote md/start.js (strict_csp on, and this patch on)


def merged_parts(config: MkDocsConfig) -> tuple[str, ...]:
    """The parts pages have: Material writes the palette script only for a list of palettes
    (a toggle). With one palette, a mapping, it would only re-apply a choice saved by an
    earlier version of the site, the same colours, at the cost of a style recalculation."""
    if isinstance(config.theme.get("palette"), dict):
        return tuple(name for name in PARTS if name != "palette")
    return PARTS


@event_priority(order.AFTER_I18N - 1)  # after strict_csp has written Material's scripts as files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    global _merged
    _merged = False
    if not PATCH.enabled():
        return files
    parts = [files.get_file_from_path(f"{SCRIPTS}{name}.js") for name in merged_parts(config)]
    if not all(parts):
        return files  # strict_csp is off: Material's scripts are inline, nothing to merge
    text = "".join(f";{part.content_string.rstrip()}\n" for part in parts if part)  # ";": no ASI surprises
    files.append(File.generated(config, f"{SCRIPTS}{MERGED}.js", content=text))
    _merged = True
    return files


def merge_tags(html: str) -> str:
    """The page with its tags of the four scripts replaced by one tag of md/start.js, where the
    first of them was (base.js, in the head); the lines around the others stay as they were."""
    tags = list(TAG.finditer(html))
    if not tags:
        return html
    names = [tag.group(2) for tag in tags]
    if names != [name for name in PARTS if name in names] or names[0] != "base":
        raise PATCH.error(f"Material's start-up scripts are now in the order {names}, not {list(PARTS)}")
    first = tags[0]
    merged = f'<script src="{first.group(1)}assets/javascripts/md/{MERGED}.js" defer></script>'
    rest = TAG.sub("", html[first.end() :])
    return html[: first.start()] + merged + rest


def on_post_page(output: str, **_: object) -> str:
    return merge_tags(output) if _merged else output


def on_post_template(output_content: str, *, template_name: str, **_: object) -> str:
    """The 404 page is a template, not a page: its scripts are merged too."""
    return merge_tags(output_content) if _merged and template_name == "404.html" else output_content
