"""Search in each language, as readers type it: keys, an input method's composition, a paste,
a query that ends mid-word; results in the reader's language, with the match marked, reached
with the keyboard, and the query kept across a language switch."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

BOX = ".kb-search .md-search__input"
META = ".kb-search .md-search-result__meta"
HAN = re.compile(r"[\u4e00-\u9fff]")


def _results(page: Page, timeout_ms: int = 15_000) -> list[dict]:
    """The result list, read in one step, again and again until two reads 300 ms apart agree
    (each input starts a new query; an earlier one's list can be replaced while we read)."""
    previous = None
    for _ in range(timeout_ms // 300):
        current = page.evaluate(
            """() => [...document.querySelectorAll('.kb-search .md-search-result__link')].map(link => ({
                title: link.querySelector('h1').innerText,
                href: new URL(link.href).pathname,
                text: link.innerText,
                marks: [...link.querySelectorAll('mark')].map(mark => mark.textContent.trim()),
            }))"""
        )
        if current and current == previous:
            return current
        previous = current
        page.wait_for_timeout(300)
    raise AssertionError(f"search results never settled; last read: {previous}")


def _open(page: Page) -> None:
    page.keyboard.press("/")
    expect(page.locator(BOX)).to_be_focused()


def _type(page: Page, term: str) -> list[dict]:
    """Open search with `/` and enter `term`: Chinese arrives as committed text with no key
    presses (what an input method, dictation or autofill sends), anything else key by key."""
    _open(page)
    if HAN.search(term):
        page.keyboard.insert_text(term)
    else:
        page.keyboard.type(term)
    return _results(page)


@pytest.mark.parametrize(
    ("query", "article"),
    [
        ("内存", "zh/tws/memory-allocation/"),
        ("分配", "zh/tws/memory-allocation/"),
        ("密码", "zh/secure-login/system-access-help/"),
        ("临时密码", "zh/secure-login/system-access-help/"),
        ("4001", "zh/tws/connectivity/"),
        ("内存分", "zh/tws/memory-allocation/"),  # ends in the middle of 分配
        ("临时密", "zh/secure-login/system-access-help/"),  # ends in the middle of 密码
        # Traditional, on the Traditional site: its own words (記憶體, not 內存), its pages only
        ("記憶體", "zh-hant/tws/memory-allocation/"),
        ("臨時密碼", "zh-hant/secure-login/system-access-help/"),
        ("連線", "zh-hant/tws/connectivity/"),
        ("記憶體分", "zh-hant/tws/memory-allocation/"),  # ends in the middle of 分配
        # Simplified, on the Traditional site: looked up as its pages write it (記憶體, 連接埠)
        ("内存", "zh-hant/tws/memory-allocation/"),
        ("临时密码", "zh-hant/secure-login/system-access-help/"),
        ("内存分", "zh-hant/tws/memory-allocation/"),
    ],
)
def test_a_chinese_query_finds_its_page_first(page: Page, site_url: str, query: str, article: str):
    home = article.split("/", 1)[0] + "/"
    page.goto(site_url + home)
    results = _type(page, query)
    assert results[0]["href"] == "/" + article
    assert all(result["href"].startswith("/" + home) for result in results)


def test_a_simplified_query_on_the_traditional_site_marks_the_traditional_words(page: Page, site_url: str):
    """内存 is searched as 記憶體: the results show and mark the Traditional word, the box keeps
    what the reader typed."""
    page.goto(site_url + "zh-hant/")
    results = _type(page, "内存")
    assert "記憶體" in results[0]["marks"], results[0]
    assert "記憶體分配" in results[0]["text"]  # as the page writes it, without the index's word breaks
    expect(page.locator(BOX)).to_have_value("内存")


@pytest.mark.parametrize(
    ("home", "query"),
    [
        ("zh-hant/", "連接埠"),
        ("zh-hant/", "使用者名稱"),
        ("zh-hant/", "記憶體"),
        ("zh-hant/", "安全裝置"),
        ("zh/", "用户名"),
        ("zh/", "内存"),
    ],
)
def test_every_result_of_a_chinese_word_holds_that_word(page: Page, site_url: str, home: str, query: str):
    """The index and the query are cut into words by the same dictionary (kbsite/search_words.py):
    連接埠 no longer lists every page with 連 (連線), nor 使用者名稱 every page with 使用. The
    result shows the page's text as written (no space the build put between words) with the
    whole word marked."""
    page.goto(site_url + home)
    results = _type(page, query)
    assert results, query
    for result in results:  # the page itself, as served: the excerpt may end before the word
        served = page.request.get(site_url.rstrip("/") + result["href"]).text()
        assert query in re.sub(r"<[^>]*>", "", served), result["href"]
    assert query in "".join(results[0]["marks"]), results[0]  # its words, marked one by one
    for result in results:  # titles as written: no space the index's word breaks put between Han
        assert not re.search(r"[\u4e00-\u9fff] +[\u4e00-\u9fff（）「」，。？]", result["title"]), result


@pytest.mark.parametrize(
    ("home", "query", "word"),
    [("zh/", "端口", "端口"), ("zh-hant/", "連接埠", "連接埠"), ("zh-hant/", "端口", "連接埠")],
)
def test_port_in_chinese_finds_the_pages_that_say_port_before_pages_sharing_a_character(
    page: Page, site_url: str, home: str, query: str, word: str
):
    """Two pages give the port numbers (the connectivity article and the settings-download
    one); pages that only share a character (移动端, 連線) do not come before them. On the
    Traditional site the Simplified 端口 is searched as its word, 連接埠."""
    page.goto(site_url + home)
    results = _type(page, query)
    assert f"/{home}tws/connectivity/" in [result["href"] for result in results[:2]]
    assert all(word in result["text"] for result in results[:2])


def test_text_committed_by_an_input_method_is_searched_when_the_composition_ends(page: Page, site_url: str):
    page.goto(site_url + "zh/")
    _open(page)
    ime = page.context.new_cdp_session(page)
    # Pinyin being composed: the field shows it, but a half-typed syllable is no query.
    ime.send("Input.imeSetComposition", {"text": "nei", "selectionStart": 3, "selectionEnd": 3})
    ime.send("Input.imeSetComposition", {"text": "内存", "selectionStart": 2, "selectionEnd": 2})
    page.wait_for_timeout(500)
    assert page.locator(".kb-search .md-search-result__link").count() == 0
    ime.send("Input.insertText", {"text": "内存"})  # the reader picks 内存: compositionend
    expect(page.locator(BOX)).to_have_value("内存")
    assert _results(page)[0]["href"] == "/zh/tws/memory-allocation/"


@pytest.mark.parametrize(("home", "query"), [("zh/", "临时密码"), ("", "passcode")])
def test_a_pasted_query_is_searched(page: Page, site_url: str, home: str, query: str):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + home)
    page.evaluate("text => navigator.clipboard.writeText(text)", query)
    _open(page)
    page.keyboard.press("Control+V")
    expect(page.locator(BOX)).to_have_value(query)
    assert _results(page)[0]["href"] == f"/{home}secure-login/system-access-help/"


def test_results_mark_the_match_and_show_neither_missing_terms_nor_tags(page: Page, site_url: str):
    """Material's lunr results listed 缺少: 临时* (terms it did not find) and the English slugs
    of the page's tags; a result is now its title and a passage with the match marked."""
    page.goto(site_url + "zh/")
    results = _type(page, "临时密码")
    assert {"临时", "密码"} <= set(results[0]["marks"])
    texts = " ".join(result["text"] for result in results)
    assert "缺少" not in texts and "Missing" not in texts
    assert "secure-login" not in texts and "ib-key" not in texts  # tag slugs
    expect(page.locator(META)).to_have_text(re.compile(r"^\d+ 个符合条件的结果$"))


def test_english_search_finds_english_pages_only_and_matches_a_word_begun(page: Page, site_url: str):
    page.goto(site_url)
    results = _type(page, "passcod")
    assert results[0]["href"] == "/secure-login/system-access-help/"
    assert "passcode" in results[0]["marks"]
    assert not any(result["href"].startswith("/zh/") or HAN.search(result["title"]) for result in results)
    expect(page.locator(META)).to_have_text(re.compile(r"^\d+ matching documents$"))


def test_an_english_typo_still_finds_the_page(page: Page, site_url: str):
    page.goto(site_url)
    assert _type(page, "connectivty")[0]["href"] == "/tws/connectivity/"


@pytest.mark.parametrize(("home", "none"), [("", "No matching documents"), ("zh/", "没有找到符合条件的结果")])
def test_no_result_is_said_in_the_readers_language(page: Page, site_url: str, home: str, none: str):
    page.goto(site_url + home)
    _open(page)
    expect(page.locator(META)).to_have_text("Type to start searching" if not home else "键入以开始搜索")
    page.keyboard.type("zzqxv")
    expect(page.locator(META)).to_have_text(none, timeout=15_000)


def test_one_result_is_counted_in_traditional_characters_on_the_traditional_site(page: Page, site_url: str):
    """Material's zh-Hant text for one result has the Simplified 个 (找到 1 个符合條件的結果);
    the Traditional site says 個, and names its footer 頁腳, not 頁脚."""
    page.goto(site_url + "zh-hant/tws/connectivity/")
    expect(page.locator("nav.md-footer__inner")).to_have_attribute("aria-label", "頁腳")
    results = _type(page, "4001")
    assert len(results) == 1, results
    expect(page.locator(META)).to_have_text("找到 1 個符合條件的結果")


def test_keyboard_only_search_opens_a_result_in_place(page: Page, site_url: str):
    page.goto(site_url)
    page.evaluate("window.__kbSamePage = true")
    _type(page, "4001")
    page.keyboard.press("ArrowDown")
    expect(page.locator(".kb-search .md-search-result__link").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "tws/connectivity/")
    expect(page.locator("#__search")).not_to_be_checked()
    assert page.evaluate("window.__kbSamePage === true"), "expected instant navigation, got a reload"
    # Open again with the shortcut: the query is still there; Escape closes.
    _open(page)
    expect(page.locator(BOX)).to_have_value("4001")
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()


def test_the_query_is_kept_when_the_reader_changes_language(page: Page, site_url: str):
    page.goto(site_url)
    _type(page, "4001")
    page.keyboard.press("Escape")
    page.locator(".md-header .md-select").hover()
    page.locator('a[data-kb-switch="zh"]').click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.locator(BOX)).to_have_value("4001")
    assert [result["href"] for result in _results(page)] == ["/zh/tws/connectivity/"]


def test_the_search_form_of_the_chinese_404_page_shows_results(page: Page, site_url: str, page_watch):
    page_watch.expected_failures.add(site_url + "zh/no-such-page/")
    page.goto(site_url + "zh/no-such-page/")
    page.locator("#kb-not-found-q").fill("内存")
    page.locator("#kb-not-found-q").press("Enter")
    expect(page).to_have_url(re.compile(r"/zh/\?q="))
    results = _results(page)
    assert results[0]["href"] == "/zh/tws/memory-allocation/"


@pytest.mark.parametrize(
    ("home", "query", "article"),
    [("", "memory", "/tws/memory-allocation/"), ("zh/", "内存", "/zh/tws/memory-allocation/")],
)
def test_on_a_slow_link_the_top_result_shows_before_the_other_results_texts_arrive(
    page: Page, site_url: str, home: str, query: str, article: str
):
    """Each result's text is one download: the reader sees the top result after the first one,
    not after ten (twenty for Chinese, read to rank pages holding the query as typed)."""
    let_through: list[str] = []
    held = []

    def fragments(route):
        if not let_through:
            let_through.append(route.request.url)
            route.continue_()
        else:
            held.append(route)

    page.route("**/pagefind/fragment/**", fragments)
    page.goto(site_url + home)
    _open(page)
    page.keyboard.insert_text(query)  # one query, not one per letter
    items = page.locator(".kb-search .md-search-result__item")
    expect(items).to_have_count(1)
    expect(items.first.locator("a")).to_have_attribute(
        "href", re.compile(re.escape(article.split("/")[-2]) + "/$")
    )
    expect(page.locator(META)).not_to_have_text(re.compile(r"^$"))
    assert held, "the other results' texts were not asked for"
    for route in held:
        route.continue_()
    expect(items.nth(1)).to_be_visible()
    assert _results(page)[0]["href"] == article
