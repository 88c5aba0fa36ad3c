"""Offline reading: after one visit the help centre opens with no connection, in every
language, with search and widgets; a new deploy waits for the reader's click; the kill switch
removes it all. Each test serves its own copy of the build with nginx, so that it can stop the
server (a real lost connection) and change files (a real new deploy)."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from playwright.sync_api import Error as PlaywrightError

from kbsite.offline import kill_switch, write_offline_files
from tools.dev.nginx_server import NginxServer, language_folders
from tools.dev.site_build import free_port
from widgets import open_widget

ROOT = Path(__file__).resolve().parents[2]
ARTICLE_EN = "tws/memory-allocation/"
ARTICLE_ZH = "zh/secure-login/system-access-help/"


@pytest.fixture
def site_copy(built_site, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(built_site.root, copy)
    return copy


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(locale="en-US", timezone_id="UTC", service_workers="allow")
    yield context
    context.close()


def _controlled(page: Page) -> None:
    """Wait until the service worker has precached the build and controls the page."""
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)


def _eventually(page: Page, script: str, seconds: float = 30) -> None:
    """Wait until the async `script` gives true (wait_for_function does not await a promise)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if page.evaluate(script):
                return
        except PlaywrightError:  # the page was reloading
            pass
        time.sleep(0.25)
    raise AssertionError(f"never true: {script}")


def test_after_one_visit_pages_search_and_widgets_work_with_no_connection(site_copy, context):
    server = NginxServer(site_copy, free_port()).__enter__()
    page = context.new_page()
    try:
        page.goto(server.url + ARTICLE_EN)
        _controlled(page)
        open_widget(page, "tws-memory")  # the runtime is cached the first time it starts
    finally:
        server.__exit__(None, None, None)
    with pytest.raises(PlaywrightError):  # the connection is really gone
        context.request.get(server.url, timeout=2_000)

    page.goto(server.url + ARTICLE_ZH)
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.locator("h1")).to_be_visible()
    live = open_widget(page, "access-assistant")  # another widget, from the cached runtime
    expect(live.locator("fieldset").first).to_be_visible()

    page.goto(server.url + "secure-login/")
    expect(page.locator("h1")).to_contain_text("Secure Login")
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").fill("passcode")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)

    page.goto(server.url + "zh/no-such-page/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.locator("h1")).to_have_text("找不到此页面")  # the Chinese 404 page


def test_a_new_deploy_waits_for_the_readers_click(site_copy, context):
    with NginxServer(site_copy, free_port()) as server:
        page = context.new_page()
        page.goto(server.url + ARTICLE_EN)
        _controlled(page)
        old_title = "Increase the memory allocation for TWS"
        expect(page.locator("h1")).to_contain_text(old_title)
        note = page.locator(".kb-update")
        expect(note).to_be_hidden()

        article = site_copy / ARTICLE_EN / "index.html"
        html = article.read_text("utf-8")
        assert old_title in html
        article.write_text(html.replace(old_title, "Memory, rewritten"), "utf-8")
        for stale in [*article.parent.glob("index.html.*"), *site_copy.glob("sw.js.*")]:
            stale.unlink()  # precompressed copies of the old files
        write_offline_files(site_copy, ROOT, language_folders(site_copy), enabled=True)

        page.reload()
        expect(page.locator("h1")).to_contain_text(old_title)  # this build's page, from its cache
        expect(note).to_be_visible(timeout=30_000)
        expect(note).to_contain_text("updated")
        note.get_by_role("button").click()
        expect(page.locator("h1")).to_contain_text("Memory, rewritten", timeout=30_000)


def test_the_kill_switch_removes_the_worker_and_its_caches(site_copy, context):
    with NginxServer(site_copy, free_port()) as server:
        page = context.new_page()
        page.goto(server.url)
        _controlled(page)
        assert page.evaluate("async () => (await caches.keys()).length") > 0
        (site_copy / "sw.js").write_text(kill_switch(), "utf-8")
        for stale in site_copy.glob("sw.js.*"):
            stale.unlink()
        page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).update()")
        _eventually(
            page,
            """async () => !(await navigator.serviceWorker.getRegistration())
                && (await caches.keys()).filter((name) => name.startsWith("kb-")).length === 0""",
        )
        # the page itself, from the network: the kill switch reloads it, so wait for the reload
        expect(page.locator("h1")).to_be_visible()
