"""Search in each language: Chinese is segmented and typed as Chinese readers type it, and
results stay in the reader's language."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

HAN = re.compile(r"[\u4e00-\u9fff]")


def _search(page: Page, term: str) -> list[tuple[str, str]]:
    """Type `term` the way a reader does (for Chinese, text arrives without key presses, as
    from an input method) and return the (title, href) of each result."""
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").fill("")
    page.keyboard.insert_text(term) if HAN.search(term) else page.locator(
        ".md-search__input"
    ).press_sequentially(term)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d"), timeout=15_000)
    return _settled_results(page)


def _settled_results(page: Page, timeout_ms: int = 15_000) -> list[tuple[str, str]]:
    """Read the result list in one step, again and again, until two reads 300 ms apart agree.
    Each key press starts a new query, so the list shown for "4" or "40" can be replaced by the
    one for "4001" while we read it; reading item by item could then ask for an item that is gone."""
    previous = None
    for _ in range(timeout_ms // 300):
        current = page.evaluate(
            """() => [...document.querySelectorAll('.md-search-result__item > .md-search-result__link')]
                .map(link => [(link.querySelector('h1, h2')?.innerText ?? '').replaceAll('\u200b', ''),
                              link.getAttribute('href').split('?')[0]])"""
        )
        if current and current == previous:
            return [(title, href) for title, href in current]
        previous = current
        page.wait_for_timeout(300)
    raise AssertionError(f"search results never settled; last read: {previous}")


def test_memory_in_chinese_finds_the_tws_memory_article(page: Page, site_url: str):
    page.goto(site_url + "zh/")
    results = _search(page, "内存")
    assert results[0][1].endswith("/zh/tws/memory-allocation/")
    assert results[0][0] == "增加 TWS 的内存分配"


def test_temporary_passcode_in_chinese_finds_the_passcode_material(page: Page, site_url: str):
    page.goto(site_url + "zh/")
    results = _search(page, "临时密码")
    assert any(href.endswith("/zh/secure-login/system-access-help/") for _, href in results)
    assert all("/zh/" in href for _, href in results)


@pytest.mark.parametrize("word", ["内存", "端口", "安全设备"])
def test_a_chinese_word_finds_itself_not_words_sharing_its_first_character(page: Page, site_url: str, word):
    """Material's segmenter used to drop a query's last word to its first character and search
    that as a prefix: 内存 found 内容 and 内用, 端口 found 移动端, 安全设备 found 设置."""
    page.goto(site_url + "zh/")
    _search(page, word)
    marked = page.evaluate(
        """() => [...document.querySelectorAll('.md-search-result mark')]
            .map(mark => mark.textContent.replaceAll('\u200b', ''))"""
    )
    assert word in marked
    assert all(text.startswith(word) for text in marked), marked


def test_passcode_on_the_english_site_returns_no_chinese_page(page: Page, site_url: str):
    page.goto(site_url)
    results = _search(page, "passcode")
    assert results
    assert not any("/zh/" in href or HAN.search(title) for title, href in results)


@pytest.mark.parametrize(("home", "article"), [("", "tws/connectivity/"), ("zh/", "zh/tws/connectivity/")])
def test_port_4001_finds_the_connectivity_article_in_both_languages(page: Page, site_url: str, home, article):
    page.goto(site_url + home)
    results = _search(page, "4001")
    assert [href for _, href in results] == [site_url + article]
