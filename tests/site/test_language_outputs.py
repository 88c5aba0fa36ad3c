"""Per-language outputs of the build: sitemaps with hreflang, 404 pages, search indexes."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _sitemap(root, path):
    tree = ET.parse(root / path)
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in tree.getroot().findall("s:url", NS)
    }


def test_each_language_has_a_sitemap_with_hreflang_alternates(built_site):
    base = built_site.url
    english = _sitemap(built_site.root, "sitemap.xml")
    simplified = _sitemap(built_site.root, "zh/sitemap.xml")
    traditional = _sitemap(built_site.root, "zh-hant/sitemap.xml")
    # hreflang names the script (zh-Hans, zh-Hant); the folders stay /zh/ and /zh-hant/
    twins = {
        "en": base + "tws/connectivity/",
        "zh-Hans": base + "zh/tws/connectivity/",
        "zh-Hant": base + "zh-hant/tws/connectivity/",
    }
    assert english[base + "tws/connectivity/"] == twins
    assert simplified[base + "zh/tws/connectivity/"] == twins
    assert traditional[base + "zh-hant/tws/connectivity/"] == twins
    assert all(not loc.startswith((base + "zh/", base + "zh-hant/")) for loc in english)
    assert all(loc.startswith(base + "zh/") for loc in simplified)
    assert all(loc.startswith(base + "zh-hant/") for loc in traditional)
    # every public page is in all three, the converted Traditional ones too
    assert len(english) == len(simplified) == len(traditional)


def test_untranslated_stand_ins_and_writer_pages_stay_out_of_sitemaps(built_site):
    base = built_site.url
    assert base + "zh/writers/" not in _sitemap(built_site.root, "zh/sitemap.xml")
    assert base + "writers/" not in _sitemap(built_site.root, "sitemap.xml")
    stand_in = (built_site.root / "zh/writers/index.html").read_text("utf-8")
    assert '<meta name="robots" content="noindex">' in stand_in
    assert f'<link rel="canonical" href="{base}writers/">' in stand_in


def _search_index(root, folder):
    entry = json.loads((root / folder / "pagefind/pagefind-entry.json").read_text("utf-8"))
    return {code: language["page_count"] for code, language in entry["languages"].items()}


def test_search_has_one_index_per_language_listing_exactly_the_sitemaps_pages(built_site):
    root = built_site.root
    assert _search_index(root, "") == {"en": len(_sitemap(root, "sitemap.xml"))}
    # Chinese is indexed cut into words by the build, under a tag Pagefind does not cut again
    # (kbsite/search_words.py).
    assert _search_index(root, "zh/") == {"und-Hans": len(_sitemap(root, "zh/sitemap.xml"))}
    assert _search_index(root, "zh-hant/") == {"und-Hant": len(_sitemap(root, "zh-hant/sitemap.xml"))}
    marked = {
        str(path.relative_to(root).parent)
        for path in root.rglob("*.html")
        if "data-pagefind-body" in path.read_text("utf-8")
    }
    assert {"tws/connectivity", "zh/tws/connectivity", "zh", "zh-hant/tws/connectivity", "zh-hant"} <= marked
    # Writers' pages, and English stand-ins on the Chinese sites, are nobody's search result.
    assert not marked & {"writers", "zh/writers", "zh-hant/writers", "404", "zh/404", "zh-hant/404"}
    assert not list(root.glob("**/pagefind/pagefind-ui*"))  # ready-made UIs, not served


def test_robots_txt_lists_every_languages_sitemap(built_site):
    robots = (built_site.root / "robots.txt").read_text("utf-8")
    assert f"Sitemap: {built_site.url}sitemap.xml" in robots
    assert f"Sitemap: {built_site.url}zh/sitemap.xml" in robots
    assert f"Sitemap: {built_site.url}zh-hant/sitemap.xml" in robots
