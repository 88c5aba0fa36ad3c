"""Per-language outputs of the build: sitemaps with hreflang, 404 pages, search indexes."""

from __future__ import annotations

import json
import re
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
    twins = {"en": base + "tws/connectivity/", "zh": base + "zh/tws/connectivity/"}
    assert english[base + "tws/connectivity/"] == twins
    assert chinese[base + "zh/tws/connectivity/"] == twins
    assert all(not loc.startswith(base + "zh/") for loc in english)
    assert all(loc.startswith(base + "zh/") for loc in chinese)


def test_untranslated_stand_ins_and_writer_pages_stay_out_of_sitemaps(built_site):
    base = built_site.url
    assert base + "zh/writers/" not in _sitemap(built_site.root, "zh/sitemap.xml")
    assert base + "writers/" not in _sitemap(built_site.root, "sitemap.xml")
    stand_in = (built_site.root / "zh/writers/index.html").read_text("utf-8")
    assert '<meta name="robots" content="noindex">' in stand_in
    assert f'<link rel="canonical" href="{base}writers/">' in stand_in


def test_search_indexes_hold_one_language_each(built_site):
    english = json.loads((built_site.root / "search/search_index.json").read_text("utf-8"))
    chinese = json.loads((built_site.root / "zh/search/search_index.json").read_text("utf-8"))
    # The Chinese index is segmented by jieba: words are joined by zero-width spaces.
    english_titles = {doc["title"].replace("\u200b", "") for doc in english["docs"]}
    chinese_titles = {doc["title"].replace("\u200b", "") for doc in chinese["docs"]}
    assert "Check and fix TWS connection problems" in english_titles
    assert not any(re.search(r"[\u4e00-\u9fff]", title) for title in english_titles)
    assert "检查并解决 TWS 连接问题" in chinese_titles
    assert "Writer's guide" not in chinese_titles  # an English stand-in is not a Chinese result
    assert not any(doc["location"].startswith("zh/") for doc in chinese["docs"])


def test_robots_txt_lists_both_sitemaps(built_site):
    robots = (built_site.root / "robots.txt").read_text("utf-8")
    assert f"Sitemap: {built_site.url}sitemap.xml" in robots
    assert f"Sitemap: {built_site.url}zh/sitemap.xml" in robots
