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
    chinese = _sitemap(built_site.root, "zh/sitemap.xml")
    assert english[base + "about/"] == {"en": base + "about/", "zh": base + "zh/about/"}
    assert chinese[base + "zh/about/"] == {"en": base + "about/", "zh": base + "zh/about/"}
    assert all(not loc.startswith(base + "zh/") for loc in english)
    assert all(loc.startswith(base + "zh/") for loc in chinese)


def test_untranslated_stand_in_is_not_offered_as_a_chinese_page(built_site):
    base = built_site.url
    assert base + "zh/about/english-only/" not in _sitemap(built_site.root, "zh/sitemap.xml")
    assert _sitemap(built_site.root, "sitemap.xml")[base + "about/english-only/"] == {
        "en": base + "about/english-only/"
    }


def test_search_indexes_hold_one_language_each(built_site):
    english = json.loads((built_site.root / "search/search_index.json").read_text("utf-8"))
    chinese = json.loads((built_site.root / "zh/search/search_index.json").read_text("utf-8"))
    # The Chinese index is segmented by jieba: words are joined by zero-width spaces.
    english_titles = {doc["title"].replace("\u200b", "") for doc in english["docs"]}
    chinese_titles = {doc["title"].replace("\u200b", "") for doc in chinese["docs"]}
    assert "About this help centre" in english_titles
    assert "关于帮助中心" not in english_titles
    assert "关于帮助中心" in chinese_titles
    assert "About this help centre" not in chinese_titles
    assert not any(doc["location"].startswith("zh/") for doc in chinese["docs"])


def test_robots_txt_lists_both_sitemaps(built_site):
    robots = (built_site.root / "robots.txt").read_text("utf-8")
    assert f"Sitemap: {built_site.url}sitemap.xml" in robots
    assert f"Sitemap: {built_site.url}zh/sitemap.xml" in robots
