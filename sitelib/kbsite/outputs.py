"""Site-wide files, one per language under its own folder: sitemaps, and robots.txt.

- `sitemap.xml` and `zh/sitemap.xml`: that language's public pages, each with hreflang
  alternates for its translated twins. Material's instant navigation reads the sitemap at the
  language root to know which links it may load in place.
- `robots.txt`, pointing at every sitemap.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr


@dataclass(frozen=True)
class SitemapEntry:
    url: str  # relative to the site root
    lastmod: str | None  # an ISO date
    alternates: dict[str, str]  # language -> URL of the translated twin (this page included)


def sitemap_xml(entries: list[SitemapEntry], site_url: str) -> str:
    """An alternate-aware sitemap of `entries`, with absolute addresses under `site_url`."""
    rows = []
    for entry in sorted(entries, key=lambda e: e.url):
        row = ["  <url>", f"    <loc>{escape(site_url + entry.url)}</loc>"]
        if entry.lastmod:
            row.append(f"    <lastmod>{escape(entry.lastmod)}</lastmod>")
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


def robots_txt(site_url: str, folders: list[str]) -> str:
    """Allow everything, and list each language's sitemap (`folders`: "" and "zh/" ...)."""
    sitemaps = "".join(f"Sitemap: {site_url}{folder}sitemap.xml\n" for folder in folders)
    return "User-agent: *\nAllow: /\n" + sitemaps
