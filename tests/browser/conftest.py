"""Real-browser fixtures: Debian's Chromium driven by Playwright, against the served site.

Every page a test opens is watched: a console error or a request to anything but 127.0.0.1
fails the test, unless the test says it expects them (see `page_watch`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tools.dev import chromium


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not os.access(chromium.PATH, os.X_OK):
        pytest.fail(f"Chromium not found at {chromium.PATH}: run `make test`, which installs it")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium.PATH, args=chromium.ARGS)
        yield browser
        browser.close()


@dataclass
class PageWatch:
    """What a page did that a reader would not want: console errors, requests off 127.0.0.1."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)
    expect_console_errors: bool = False
    expected_failures: set[str] = field(default_factory=set)


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname == "127.0.0.1"


@pytest.fixture
def page_watch() -> PageWatch:
    return PageWatch()


@pytest.fixture
def page(browser: Browser, page_watch: PageWatch) -> Page:
    # Service workers are blocked here (tests/browser/test_offline.py allows them): a worker
    # would answer from its cache what a test means to fetch from the server.
    context = browser.new_context(locale="en-US", timezone_id="UTC", service_workers="block")

    def route(route) -> None:
        if _is_local(route.request.url):
            route.continue_()
        else:
            page_watch.foreign_requests.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda msg: msg.type == "error" and page_watch.console_errors.append(msg.text))
    page.on("pageerror", lambda err: page_watch.page_errors.append(str(err)))
    page.on("response", lambda r: r.status >= 400 and page_watch.failed_responses.append(r.url))
    yield page
    context.close()
    assert not page_watch.foreign_requests, f"requests left 127.0.0.1: {page_watch.foreign_requests}"
    assert not page_watch.page_errors, f"uncaught page errors: {page_watch.page_errors}"
    unexpected = [url for url in page_watch.failed_responses if url not in page_watch.expected_failures]
    assert not unexpected, f"failed requests: {unexpected}"
    if page_watch.expected_failures:
        # Chromium logs each failed document load as a console error; allow exactly those.
        allowed = len(page_watch.failed_responses)
        kept = []
        for text in page_watch.console_errors:
            if allowed and text.startswith("Failed to load resource"):
                allowed -= 1
            else:
                kept.append(text)
        page_watch.console_errors = kept
    if not page_watch.expect_console_errors:
        assert not page_watch.console_errors, f"console errors: {page_watch.console_errors}"
