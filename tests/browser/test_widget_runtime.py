"""The widget runtime in Chromium: lazy start, answers in both languages, safe failure, safety."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from widgets import enter_amount, open_widget

EN_PAGE = "tws/memory-allocation/"
ZH_PAGE = "zh/tws/memory-allocation/"
WIDGET = '.kbw[data-kbw="memory-units"]'


def _start(page: Page) -> None:
    open_widget(page, "memory-units")


def _convert(page: Page, text: str) -> None:
    enter_amount(page.locator(f"{WIDGET} .kbw-live"), text)


def test_no_pyodide_byte_is_fetched_before_the_reader_shows_intent(page: Page, site_url: str):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + EN_PAGE, wait_until="networkidle")
    page.mouse.move(0, 0)
    page.wait_for_timeout(500)
    assert [url for url in requests if "/pyodide/" in url] == []
    # The static version is complete on its own.
    expect(page.locator(f"{WIDGET} .kbw-static")).to_contain_text("1536 MB")


def test_demo_widget_answers_in_english(page: Page, site_url: str):
    page.goto(site_url + EN_PAGE)
    _start(page)
    expect(page.locator(f"{WIDGET} .kbw-status")).to_have_text("The interactive version is ready.")
    expect(page.locator(f"{WIDGET} .kbw-static")).to_be_hidden()
    _convert(page, "1.5 GB")
    expect(page.locator(f"{WIDGET} .kbw-answer")).to_have_text("1.5 GB = 1536 MB")
    # The answer is in the address, so a copied link reproduces it.
    expect(page).to_have_url(re.compile(r"\?amount=1\.5\+GB$"))


def test_demo_widget_answers_in_chinese_with_no_english_left(page: Page, site_url: str):
    page.goto(site_url + ZH_PAGE)
    _start(page)
    expect(page.locator(f"{WIDGET} .kbw-status")).to_have_text("交互版本已就绪。")
    _convert(page, "2g")
    expect(page.locator(f"{WIDGET} .kbw-answer")).to_have_text("2 GB = 2048 MB")
    _convert(page, "many")
    expect(page.locator(f"{WIDGET} .kbw-error")).to_contain_text("不是有效的内存大小")
    visible = page.locator(WIDGET).inner_text()
    assert not re.search(r"\b(?:the|is|of|and|Type|Convert|Amount)\b", visible), visible


def test_a_link_with_the_answer_restores_it(page: Page, site_url: str):
    page.goto(site_url + EN_PAGE + "?amount=1792")
    _start(page)
    expect(page.locator(f"{WIDGET} .kbw-answer")).to_have_text("1.75 GB = 1792 MB")
    expect(page.locator(f"{WIDGET} input[name=amount]")).to_have_value("1792")


def test_hostile_input_is_shown_as_text_and_runs_nothing(page: Page, site_url: str):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site_url + EN_PAGE)
    _start(page)
    hostile = "<img src=x onerror=alert(1)>"
    _convert(page, hostile)
    error = page.locator(f"{WIDGET} .kbw-error")
    expect(error).to_contain_text(hostile)
    assert page.locator(f"{WIDGET} img").count() == 0
    page.wait_for_timeout(300)
    assert dialogs == []


def test_blocked_webassembly_leaves_the_static_version_and_says_why(page: Page, site_url: str, page_watch):
    page_watch.expect_console_errors = True  # the blocked request is logged by Chromium
    page.route("**/*.wasm", lambda route: route.abort())
    page.goto(site_url + EN_PAGE)
    page.locator(WIDGET).hover()
    status = page.locator(f"{WIDGET} .kbw-status")
    expect(status).to_contain_text("could not start", timeout=30_000)
    expect(page.locator(f"{WIDGET} .kbw-static")).to_be_visible()
    expect(page.locator(f"{WIDGET} .kbw-live")).to_be_hidden()
    expect(page.locator(f"{WIDGET} .kbw-start")).to_have_text("Try again")


def test_a_hung_start_ends_in_an_error_not_a_spinner(page: Page, site_url: str, page_watch):
    page_watch.expect_console_errors = True
    page.add_init_script("window.KBW_STALL_MS = 3000")
    page.route("**/*.wasm", lambda _route: None)  # never answered
    page.goto(site_url + ZH_PAGE)
    page.locator(WIDGET).hover()
    expect(page.locator(f"{WIDGET} .kbw-status")).to_contain_text("下载已停止", timeout=15_000)
    expect(page.locator(f"{WIDGET} .kbw-static")).to_be_visible()
    expect(page.locator(f"{WIDGET} .kbw-progress")).to_be_hidden()


def test_a_corrupt_startup_snapshot_falls_back_to_a_normal_start(page: Page, site_url: str, page_watch):
    page_watch.expect_console_errors = True  # Pyodide reports the bad snapshot
    page.route("**/pyodide/snapshot.bin", lambda route: route.fulfill(body=b"not a snapshot"))
    page.goto(site_url + EN_PAGE)
    _start(page)
    _convert(page, "2g")
    expect(page.locator(f"{WIDGET} .kbw-answer")).to_have_text("2 GB = 2048 MB")


def test_python_starts_from_the_snapshot_shipped_as_a_delta_without_its_zeros(page: Page, site_url: str):
    """The snapshot ships XOR-ed with the WebAssembly's data segments and without its long runs
    of zeros: a start that failed to undo either would still answer (after a silent normal
    start), so this reads how Python started and that a Chinese answer, which needs the
    restored texts, is right."""
    manifest = page.request.get(site_url + "pyodide/runtime.json").json()
    assert manifest["snapshot"]["delta"]["length"] > 1_000_000  # most of the static data
    shipped = len(page.request.get(site_url + "pyodide/snapshot.bin").body())
    assert shipped == manifest["snapshot"]["size"] < manifest["snapshot"]["bytes"] / 2
    page.add_init_script("window.KBW_START_STRATEGY = 'snapshot'")
    page.goto(site_url + ZH_PAGE)
    _start(page)
    _convert(page, "many")
    expect(page.locator(f"{WIDGET} .kbw-error")).to_contain_text("不是有效的内存大小")
    _convert(page, "1.5 GB")
    expect(page.locator(f"{WIDGET} .kbw-answer")).to_have_text("1.5 GB = 1536 MB")
    assert page.evaluate("window.kbwRuntimeInfo.snapshot") is True
    assert page.evaluate("window.kbwRuntimeInfo.fetched") is None  # the core zip sufficed


def test_a_snapshot_made_from_other_widget_code_is_not_used(page: Page, site_url: str):
    def other_wheel(route):
        manifest = route.fetch().json()
        manifest["snapshot"]["package_sha256"] = "0" * 64
        route.fulfill(json=manifest)

    snapshot_requests: list[str] = []
    page.on("request", lambda r: "snapshot" in r.url and snapshot_requests.append(r.url))
    page.route("**/pyodide/runtime.json", other_wheel)
    page.goto(site_url + EN_PAGE)
    _start(page)
    _convert(page, "2g")
    expect(page.locator(f"{WIDGET} .kbw-answer")).to_have_text("2 GB = 2048 MB")
    assert snapshot_requests == []


def test_python_starts_once_per_tab_across_instant_navigation(page: Page, site_url: str):
    starts: list[str] = []  # each start of Python reads runtime.json first (kbw/transport.js)
    page.on("request", lambda request: request.url.endswith("/runtime.json") and starts.append(request.url))
    page.goto(site_url + EN_PAGE)
    _start(page)
    page.locator('.md-sidebar--primary a.md-nav__link[href$="connectivity/"]').first.click()
    expect(page).to_have_url(re.compile(r"/tws/connectivity/$"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"/tws/memory-allocation/"))
    _start(page)
    _convert(page, "768")
    expect(page.locator(f"{WIDGET} .kbw-answer")).to_have_text("0.75 GB = 768 MB")
    assert len(starts) == 1


def test_without_javascript_no_dead_controls_are_shown(browser, site_url: str):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + EN_PAGE)
    for widget in page.locator(".kbw").all():
        expect(widget.locator(".kbw-static")).to_be_visible()
        expect(widget.locator(".kbw-bar")).to_be_hidden()  # its start button needs JavaScript
        expect(widget.locator(".kbw-live")).to_be_hidden()
    context.close()
