"""A roaming phone's connection (1.6 Mbps, 150 ms) at a phone's width: the widget still
becomes live, showing what has arrived, and is never cut off while bytes still arrive."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

WIDGET = '.kbw[data-kbw="memory-units"]'
PAGE = "tws/memory-allocation/"
MBPS = 1.6


def _throttle(page: Page) -> None:
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": 150,
            "downloadThroughput": MBPS * 1e6 / 8,
            "uploadThroughput": 0.75e6 / 8,
        },
    )


def test_on_a_slow_link_the_widget_becomes_live_with_progress_and_no_timeout(browser: Browser, site_url: str):
    # Not the `page` fixture: its request routing turns the browser's HTTP cache off, and the
    # runtime relies on it (Pyodide's own requests for files already downloaded are cache hits).
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    page = context.new_page()
    snapshot: list[str] = []
    elsewhere: list[str] = []
    # (Downloaded ones: a look into the browser's cache for one is a request that fails at once.)
    page.on("requestfinished", lambda request: "snapshot" in request.url and snapshot.append(request.url))
    page.on("request", lambda request: request.url.startswith(site_url) or elsewhere.append(request.url))
    page.goto(site_url + PAGE)
    _throttle(page)
    widget = page.locator(WIDGET)
    widget.hover()  # the reader's intent starts Python (kbw/widget.js)
    status = widget.locator(".kbw-status")
    downloading = re.compile(r"Downloading the interactive version: \d+\.\d MB of \d+\.\d MB")
    expect(status).to_contain_text(downloading)
    # About 5.3 MB at 1.6 Mbps: half a minute, far beyond a 20 s limit on the whole start.
    expect(widget.locator(".kbw-live")).to_be_visible(timeout=150_000)
    expect(status).not_to_contain_text("stopped")
    # At this speed the 7 MB start-up snapshot would cost more time than it saves.
    assert snapshot == []
    assert elsewhere == []
    context.close()
