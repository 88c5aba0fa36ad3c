"""The built Traditional Chinese site: every public article under /zh-hant/ in Traditional,
tagged zh-Hant, saying when it was converted; every page's switcher lists all three languages.

Simplified-only characters: CC-CEDICT's lists (zhon), as in tests/content/test_traditional.py."""

from __future__ import annotations

import json
import re
from html import unescape

from zhon import cedict

SIMPLIFIED_ONLY = frozenset(cedict.simplified) - frozenset(cedict.traditional)
# What a reader reads: tags, scripts, styles, code and the page's hidden data removed.
HIDDEN = re.compile(r"<(script|style|code|pre|template)\b.*?</\1>|<!--.*?-->|<[^>]+>", re.S)
# Text marked as Simplified on purpose: the switcher's 简体中文, in its own language.
MARKED_SIMPLIFIED = re.compile(r'<a\b[^>]*\blang="zh-Hans"[^>]*>.*?</a>', re.S)


def _pages(built_site, folder: str) -> dict[str, str]:
    root = built_site.root / folder
    return {
        path.relative_to(built_site.root).as_posix(): path.read_text("utf-8")
        for path in root.rglob("index.html")
        if "writers/" not in path.as_posix()
    }


def _article(html: str) -> str:
    return html.split("<article", 1)[-1].split("</article>", 1)[0]


def test_every_public_article_is_served_in_traditional_with_lang_zh_hant(built_site):
    simplified = {path.removeprefix("zh/") for path in _pages(built_site, "zh")}
    traditional = _pages(built_site, "zh-hant")
    assert {path.removeprefix("zh-hant/") for path in traditional} == simplified
    assert len(traditional) >= 11
    for path, html in traditional.items():
        assert '<html lang="zh-Hant"' in html, path
    assert '<html lang="zh-Hans"' in (built_site.root / "zh/index.html").read_text("utf-8")


def test_no_traditional_page_shows_a_simplified_only_character(built_site):
    for path, html in _pages(built_site, "zh-hant").items():
        text = unescape(HIDDEN.sub(" ", MARKED_SIMPLIFIED.sub(" ", html.split("<body", 1)[1])))
        found = sorted({char for char in text if char in SIMPLIFIED_ONLY})
        assert found == [], (path, found)


# What a screen reader says or a tooltip shows, and the texts the scripts show (search counts).
LABELS = re.compile(r'\b(?:aria-label|title|placeholder|alt|content)="([^"]*)"')
CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


def test_no_traditional_label_or_script_text_has_a_simplified_only_character(built_site):
    for path, html in _pages(built_site, "zh-hant").items():
        html = MARKED_SIMPLIFIED.sub(" ", html)
        texts = [unescape(label) for label in LABELS.findall(html)]
        texts += json.loads(CONFIG.search(html)[1])["translations"].values()
        found = sorted({char for text in texts for char in text if char in SIMPLIFIED_ONLY})
        assert found == [], (path, found)


def test_a_converted_page_says_so_under_its_title_and_a_hand_written_one_does_not(built_site):
    memory = _pages(built_site, "zh-hant")["zh-hant/tws/memory-allocation/index.html"]
    line = r"</h1>\s*<p class=\"kb-converted\" data-pagefind-ignore><small>(.*?)</small></p>"
    title_and_line = re.search(line, memory, re.S)
    assert title_and_line, "no converted line right under the title"
    assert "由簡體中文自動轉換" in title_and_line.group(1)
    assert 'href="../../../zh/tws/memory-allocation/" hreflang="zh-Hans"' in title_and_line.group(1)
    reports = _pages(built_site, "zh-hant")["zh-hant/reports/index.html"]  # docs/reports/index.zh-hant.md
    assert "kb-converted" not in reports and "介紹經紀商可以申請下列與客戶有關的報告" in reports


def test_every_pages_switcher_lists_the_three_languages_and_leads_to_its_twin(built_site):
    for folder in ("", "zh", "zh-hant"):
        for path, html in _pages(built_site, folder).items():
            if folder == "" and path.startswith(("zh/", "zh-hant/")):
                continue
            switch = dict(re.findall(r'href="([^"]*)" hreflang="([^"]*)" lang="[^"]*" class="md-select__link"', html))
            assert sorted(switch.values()) == ["en", "zh-Hans", "zh-Hant"], path
    memory = _pages(built_site, "zh")["zh/tws/memory-allocation/index.html"]
    assert 'content="../../../zh-hant/tws/memory-allocation/"' in memory  # kb:alternate, for instant navigation


def test_the_traditional_404_page_is_in_traditional(built_site):
    html = (built_site.root / "zh-hant/404.html").read_text("utf-8")
    assert '<html lang="zh-Hant"' in html and "找不到此頁面" in html


def test_a_widgets_static_version_on_a_traditional_page_is_in_traditional(built_site):
    memory = _article(_pages(built_site, "zh-hant")["zh-hant/tws/memory-allocation/index.html"])
    assert "為 TWS 分配多少記憶體" in memory and "为 TWS 分配多少内存" not in memory
