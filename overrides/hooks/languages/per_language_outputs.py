"""Site-wide outputs, once per language, each under its own language's folder (kbsite.outputs).

static-i18n runs a full mkdocs build per language into the same site folder. Each build renders
the theme's `404.html` to the site root, overwriting the previous language's. Last in every
build's post-build step, this hook leaves each language's 404 page and sitemap in that
language's folder, and one robots.txt (the theme's own sitemap template is emptied in
overrides/). The search index is Pagefind's, one per language (languages/search_index.py).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from hooks import i18n, order, site_index
from kbsite.languages import folders
from kbsite.outputs import robots_txt, sitemap_xml

_not_found_pages: dict[str, str] = {}  # language -> its rendered 404 page


@event_priority(order.LAST)  # the 404 page as every other hook left it
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig, **_: object) -> str:
    if template_name == "404.html":
        _not_found_pages[i18n.current_language(config)] = output_content
    return output_content


@event_priority(order.LAST)
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    links = folders(i18n.languages(config))
    site_url = config.site_url or "/"

    for code, html in _not_found_pages.items():
        (site / links[code]).mkdir(parents=True, exist_ok=True)
        (site / links[code] / "404.html").write_text(html, encoding="utf-8")

    # The sitemap lists the language's pages from its index, not the pages rendered in this
    # build, so a dirty rebuild under `mkdocs serve` (one page) still lists them all.
    for code, language_index in site_index.all_indexes().items():
        entries = language_index.sitemap_entries()
        (site / links[code] / "sitemap.xml").write_text(sitemap_xml(entries, site_url), "utf-8")
    (site / "robots.txt").write_text(robots_txt(site_url, list(links.values())), encoding="utf-8")
