"""One build, served at another port than the one it was built for: instant navigation still
follows links, and the next widget page reuses the Python that is already running.

The session's build names http://127.0.0.1:<port>/ in its sitemap (site_url). Here the same
files are served by a second nginx on another port, as `make preview` on another port or a
staging host would serve them."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tools.dev.nginx_server import NginxServer
from tools.dev.site_build import free_port
from widgets import enter_amount, open_widget

WIDGET = '.kbw[data-kbw="memory-units"]'


@pytest.fixture(scope="module")
def other_origin(built_site) -> Iterator[str]:
    port = free_port()
    assert port != built_site.port
    with NginxServer(built_site.root, port) as server:
        yield server.url


def test_instant_navigation_and_one_python_on_another_port(page: Page, other_origin: str):
    starts: list[str] = []  # each start of Python reads runtime.json first (kbw/transport.js)
    page.on("request", lambda r: r.url.endswith("/runtime.json") and starts.append(r.url))
    page.goto(other_origin + "tws/memory-allocation/")
    open_widget(page, "memory-units")
    page.evaluate("window.kbSamePage = true")  # gone after a full page load
    page.locator('.md-sidebar--primary a.md-nav__link[href$="connectivity/"]').first.click()
    expect(page).to_have_url(re.compile(r"/tws/connectivity/$"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"/tws/memory-allocation/"))
    assert page.evaluate("window.kbSamePage === true"), "a full page load: instant navigation is off"
    enter_amount(open_widget(page, "memory-units"), "768")
    expect(page.locator(f"{WIDGET} .kbw-answer")).to_have_text("0.75 GB = 768 MB")
    assert len(starts) == 1 and starts[0].startswith(other_origin)
