"""A WebAssembly download that fails after the header check is reported at once, not when the
start's time limit runs out."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Page, Route, expect

WIDGET = '.kbw[data-kbw="memory-units"]'


def _fail_the_download(how: str, failed_at: list[float]):
    def route(route: Route) -> None:
        if route.request.method != "HEAD":
            failed_at.append(time.monotonic())
        if route.request.method == "HEAD":
            route.continue_()  # the header check passes
        elif how == "status":
            route.fulfill(status=503, body=b"busy", headers={"Content-Type": "application/wasm"})
        else:
            route.abort("connectionreset")

    return route


@pytest.mark.parametrize("how", ["status", "reset"])
def test_a_failed_wasm_download_is_reported_without_waiting_for_the_time_limit(
    page: Page, site_url: str, page_watch, how: str
):
    page_watch.expect_console_errors = True
    page_watch.expected_failures.add(site_url + "pyodide/pyodide.asm.wasm")
    page.add_init_script("window.KBW_STALL_MS = 120000")  # far beyond the expect below
    failed_at: list[float] = []
    page.route("**/pyodide.asm.wasm", _fail_the_download(how, failed_at))
    page.goto(site_url + "tws/memory-allocation/")
    page.locator(WIDGET).hover()
    status = page.locator(f"{WIDGET} .kbw-status")
    expect(status).to_contain_text("could not start", timeout=15_000)
    # A figure for the notes, not an assertion (speed goals belong in make bench).
    print(f"reported {time.monotonic() - failed_at[0]:.2f} s after the download failed ({how})")
    assert len(failed_at) == 1  # no retry of a download that cannot succeed
    expect(page.locator(f"{WIDGET} .kbw-static")).to_be_visible()
    expect(page.locator(f"{WIDGET} .kbw-start")).to_have_text("Try again")
