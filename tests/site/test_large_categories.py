"""At scale: a large category keeps every page's sidebar short and lists its articles itself.

Builds the real site with a category limit of 1, so that the TWS category (3 articles) counts
as large.
"""

from __future__ import annotations

import re

import pytest
from tools.dev.site_build import build_site, free_port


@pytest.fixture(scope="module")
def small_limit_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("large")
    proc = build_site(out, free_port(), {"KB_NAV_CATEGORY_LIMIT": "1"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


def _sidebar_links(html: str) -> list[str]:
    sidebar = html[html.index('md-sidebar--primary'):html.index('md-sidebar--secondary')]
    return re.findall(r'<a href="([^"]+)" class="md-nav__link', sidebar)


def test_sidebar_shows_the_category_page_and_the_current_article_only(small_limit_site):
    html = (small_limit_site / "tws/connectivity/index.html").read_text("utf-8")
    links = _sidebar_links(html)
    assert "../memory-allocation/" not in links and "../settings-download-failed/" not in links
    assert "../" in links or "./" in links  # the category page and this page


def test_the_category_page_lists_all_its_articles_in_its_language(small_limit_site):
    html = (small_limit_site / "zh/tws/index.html").read_text("utf-8")
    listing = html[html.index('kb-category-list'):]
    for title in ("检查并解决 TWS 连接问题", "增加 TWS 的内存分配"):
        assert title in listing
    assert "Check and fix" not in listing


def test_small_categories_keep_the_full_sidebar(built_site):
    html = (built_site.root / "tws/connectivity/index.html").read_text("utf-8")
    assert "../memory-allocation/" in _sidebar_links(html)
