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
untranslated pages are left out of the sitemaps. The sitemap lists the language's files, not
the pages rendered in this build, so a dirty rebuild under `mkdocs serve` (which renders only
the changed page) still lists them all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import _frontmatter
import _updated
from _i18n import current_language, languages, url_path, written_in
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

SEARCH_INDEX = "search/search_index.json"


@dataclass(frozen=True)
class SitemapEntry:
    url: str  # relative to the site root
    lastmod: str | None
    alternates: dict[str, str]  # language -> URL of the translated twin (this page included)


_entries: dict[str, list[SitemapEntry]] = {}
_not_found_pages: dict[str, str] = {}


# After static-i18n has picked this language's files (priority -100).
@event_priority(-110)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    lang = current_language(config)
    entries = []
    for file in files.documentation_pages():
        meta = _frontmatter.read(file.abs_src_path).meta
        if not (_frontmatter.is_public(meta) and written_in(file, lang)):
            continue  # writers' pages and English stand-ins on the Chinese site
        twins = getattr(file, "alternates", {}) or {}
        alternates = {code: url_path(twin) for code, twin in twins.items() if written_in(twin, code)}
        lastmod = meta.get("last_reviewed")
        entries.append(SitemapEntry(url_path(file), str(lastmod) if lastmod else None, alternates))
    _entries[lang] = entries
    return files


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        _not_found_pages[current_language(config)] = output_content
    return output_content


def sitemap_xml(entries: list[SitemapEntry], site_url: str, updated: dict[str, str] | None = None) -> str:
    """An alternate-aware sitemap; `updated` maps a URL to a later date than its front matter's."""
    rows = []
    for entry in sorted(entries, key=lambda e: e.url):
        lastmod = (updated or {}).get(entry.url) or entry.lastmod
        row = ["  <url>", f"    <loc>{escape(site_url + entry.url)}</loc>"]
        if lastmod:
            row.append(f"    <lastmod>{escape(lastmod)}</lastmod>")
        row += [
            f'    <xhtml:link rel="alternate" hreflang={quoteattr(code)} href={quoteattr(site_url + url)}/>'
            for code, url in sorted(entry.alternates.items())
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

    for code, entries in _entries.items():
        sitemap = sitemap_xml(entries, site_url, _updated.page_dates)
        (site / links[code] / "sitemap.xml").write_text(sitemap, "utf-8")
    sitemaps = "".join(f"Sitemap: {site_url}{link}sitemap.xml\n" for link in links.values())
    robots = "User-agent: *\nAllow: /\n" + sitemaps
    (site / "robots.txt").write_text(robots, encoding="utf-8")
