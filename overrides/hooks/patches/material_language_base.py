"""Point Material's `base` (in each page's `#__config` JSON) at the page's language root.

Material fetches the sitemap and the search index from `base`, the site root. On a Chinese page
that would be the English sitemap and index: instant navigation would refuse every Chinese link
(it only loads links the sitemap lists) and search would answer in English. Rewriting `base`
to the page's own language folder ("../.." from a Chinese article to /zh/) makes both use the
Chinese files, which languages/per_language_outputs.py writes there. The default language's
pages are left as Material writes them. Material renders that JSON itself, so this edits its
output: the patch. Without it Chinese pages still read and link correctly, but each click is a
full page load and search finds English pages. Switch: KB_PATCH_MATERIAL_LANGUAGE_BASE=0.
"""

from __future__ import annotations

import json
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from hooks import i18n, site_index
from hooks.patches.guard import Patch
from kbsite.languages import relative_root

PATCH = Patch(
    "material_language_base",
    package="mkdocs-material",
    versions=">=9.8,<9.9",
    changes='the "base" in the `<script id="__config">` JSON that Material writes into every page',
)
CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def language_base(page_url: str, folder: str) -> str:
    """Material's form of a relative base: "../.." or "." (no trailing slash)."""
    return relative_root(page_url, folder).rstrip("/") or "."


def on_post_page(output: str, *, page: Page, config: MkDocsConfig, **_: object) -> str:
    folder = site_index.current(config).folder
    if not folder or not PATCH.enabled():
        return output

    def rebase(match: re.Match[str]) -> str:
        material_config = json.loads(match.group(2))
        if "base" not in material_config:
            raise PATCH.error('the page\'s #__config JSON has no "base"')
        material_config["base"] = language_base(i18n.url_path(page.file), folder)
        body = json.dumps(material_config, ensure_ascii=False).replace("<", "\\u003c")
        return match.group(1) + body + match.group(3)

    rebased, count = CONFIG_SCRIPT.subn(rebase, output, count=1)
    if count != 1:
        raise PATCH.error('the page has no <script id="__config"> any more')
    return rebased
