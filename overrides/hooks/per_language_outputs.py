"""Site-wide outputs, once per language, each under its own language root.

static-i18n runs a full mkdocs build per language into the same site directory. Each build
renders the theme's `404.html` to the site root, overwriting the previous language's, and at
the end static-i18n writes one search index mixing every language. This hook runs last in
every build's post-build step and leaves:

- `404.html` and `zh/404.html`, each in its own language;
- `search/search_index.json` and `zh/search/search_index.json`, each holding only its own
  language's pages, so a reader on /zh/ only ever gets Chinese results. Material fetches the
  index from the language root (`language_pages.py` points Material's base there);
- `sitemap.xml` and `zh/sitemap.xml`: that language's pages, each with hreflang alternates for
  its translated twins (the theme's own sitemap template is emptied in overrides/). Material's
  instant navigation reads the sitemap at the language root to know which links it may load
  in place;
- `robots.txt`, pointing at both sitemaps.

Pages written for writers only (`public: false` in front matter) and English stand-ins for
untranslated pages are left out of the sitemaps.
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from _i18n import current_language, languages, url_path
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

SEARCH_INDEX = "search/search_index.json"

_pages: dict[str, list[Page]] = {}
_not_found_pages: dict[str, str] = {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _pages[current_language(config)] = []
    return files


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    _pages.setdefault(current_language(config), []).append(page)
    return output


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        _not_found_pages[current_language(config)] = output_content
    return output_content


def _listed(page: Page, lang: str) -> bool:
    return page.meta.get("public", True) is not False and getattr(page.file, "locale", lang) == lang


def sitemap_xml(pages: list[Page], lang: str, site_url: str) -> str:
    """An alternate-aware sitemap of `pages`, the pages of the `lang` build."""
    rows = []
    for page in sorted(pages, key=lambda p: url_path(p.file)):
        if not _listed(page, lang):
            continue
        twins = getattr(page.file, "alternates", {}) or {}
        lastmod = page.meta.get("kb_updated") or page.meta.get("last_reviewed")
        row = ["  <url>", f"    <loc>{escape(site_url + url_path(page.file))}</loc>"]
        if lastmod:
            row.append(f"    <lastmod>{escape(str(lastmod))}</lastmod>")
        row += [
            f'    <xhtml:link rel="alternate" hreflang={quoteattr(code)} '
            f"href={quoteattr(site_url + url_path(twin))}/>"
            for code, twin in sorted(twins.items())
            if getattr(twin, "locale", code) == code
        ]
        rows.append("\n".join([*row, "  </url>"]))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' + "\n".join(rows) + "\n</urlset>\n"
    )


def split_search_index(index: dict, links: dict[str, str]) -> dict[str, dict]:
    """One index per language from a mixed one; locations become relative to each language root.

    `links` maps a language to its root prefix ("" for the default language, "zh/" ...).
    """
    prefixes = sorted(((link, code) for code, link in links.items()), key=lambda pair: -len(pair[0]))
    split: dict[str, dict] = {code: {**index, "docs": []} for code in links}
    for doc in index.get("docs", []):
        for prefix, code in prefixes:
            if doc["location"].startswith(prefix):
                split[code]["docs"].append({**doc, "location": doc["location"][len(prefix) :]})
                break
    return split


# Last in every build's post-build step: after Material's search plugin and after static-i18n,
# which runs the other languages' builds and then writes its mixed search index.
@event_priority(-150)
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    links = {language.code: language.link for language in languages(config)}
    site_url = config.site_url or "/"

    for code, html in _not_found_pages.items():
        (site / links[code]).mkdir(parents=True, exist_ok=True)
        (site / links[code] / "404.html").write_text(html, encoding="utf-8")

    mixed = site / SEARCH_INDEX
    if mixed.is_file():
        for code, index in split_search_index(json.loads(mixed.read_bytes()), links).items():
            if index["docs"]:
                target = site / links[code] / SEARCH_INDEX
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")

    for code, pages in _pages.items():
        (site / links[code] / "sitemap.xml").write_text(sitemap_xml(pages, code, site_url), "utf-8")
    sitemaps = "".join(f"Sitemap: {site_url}{link}sitemap.xml\n" for link in links.values())
    robots = "User-agent: *\nAllow: /\n" + sitemaps
    (site / "robots.txt").write_text(robots, encoding="utf-8")
