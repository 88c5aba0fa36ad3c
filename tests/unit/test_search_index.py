"""kbsite.search: which part of a page search indexes, and what a missing Pagefind says."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbsite.search import SearchIndexError, language_glob, mark_searchable, pagefind_binary, searchable_pages

PAGE = (
    '<html lang="zh"><body><header>站点</header>'
    '<article class="md-content__inner md-typeset"><h1>增加内存</h1></article>'
    '<footer><article class="md-content__inner md-typeset">x</article></footer></body></html>'
)


def test_only_the_first_article_is_marked_for_the_index():
    marked = mark_searchable(PAGE)
    assert marked.count("data-pagefind-body") == 1
    assert '<article class="md-content__inner md-typeset" data-pagefind-body><h1>增加内存' in marked


def test_a_page_without_materials_article_stops_the_build_rather_than_vanish_from_search():
    with pytest.raises(SearchIndexError, match="no <article"):
        mark_searchable("<html><body><main>text</main></body></html>")


def test_a_missing_pagefind_says_how_to_install_it(tmp_path: Path):
    with pytest.raises(SearchIndexError, match=r"pagefind_extended.* is missing: run `make setup`"):
        pagefind_binary(tmp_path)


def test_the_default_languages_pages_are_all_but_the_other_languages_folders(tmp_path: Path):
    for folder in ("tws", "zh", "zh-hant", "assets", "pyodide"):
        (tmp_path / folder).mkdir()
    (tmp_path / "index.html").write_text("", "utf-8")
    (tmp_path / "sitemap.xml").write_text("", "utf-8")
    assert language_glob(tmp_path, ["zh", "zh-hant"]) == "{index.html,tws/**/*.html}"
    assert language_glob(tmp_path / "zh", []) == "*.html"


def test_the_pages_copied_for_chinese_search_are_the_marked_ones_of_that_language(tmp_path: Path):
    marked = mark_searchable('<article class="md-content__inner md-typeset"><h1>記憶體</h1></article>')
    for path, html in {
        "index.html": marked,
        "tws/index.html": marked,
        "writers/index.html": "<article>not public</article>",
        "zh-hant/index.html": marked,
        "pagefind/x.html": marked,
    }.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(html, "utf-8")
    assert sorted(searchable_pages(tmp_path, ["zh-hant"])) == ["index.html", "tws/index.html"]
