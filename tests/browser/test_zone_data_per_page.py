"""Zone data (the 350 kB tzdata wheel) is fetched only by pages whose widgets read times with a
zone's rules; the login-report analyser, reached from a page that started Python without it,
still reads the report's "EST" as New York time, daylight saving included."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from widgets import open_widget

MEMORY = "tws/memory-allocation/"
SUMMER_LOGIN = b"Username,Application Type,Login Time\r\nalice,TWS,2026-07-01 09:00:00\r\n"


def _fetched(requests: list[str], package: str) -> list[str]:
    return [url for url in requests if re.search(rf"/pyodide/{package}-[^/]*\.whl$", url)]


def _use_the_memory_widget(page: Page) -> None:
    live = open_widget(page, "memory-units")
    field = live.locator("input[name=amount]")
    field.fill("1.5 GB")
    field.press("Enter")
    expect(live.locator(".kbw-answer")).to_have_text("1.5 GB = 1536 MB")


def test_a_page_without_a_zone_widget_runs_python_without_fetching_tzdata(page: Page, site_url: str):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + MEMORY)
    _use_the_memory_widget(page)
    assert _fetched(requests, "kbwidgets"), "Python did not install our wheel"
    assert _fetched(requests, "tzdata") == []


def test_the_login_report_fetches_tzdata_in_the_same_python_and_reads_new_york_summer_time(
    page: Page, site_url: str
):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + MEMORY)
    _use_the_memory_widget(page)
    # Instant navigation: the same tab, the same worker, the same Python, now without tzdata.
    page.locator('.md-sidebar--primary a.md-nav__link[href$="/reports/"]').first.click()
    expect(page).to_have_url(re.compile(r"/reports/$"))
    page.locator('article a[href$="/reports/login-report/"]').first.click()  # made absolute by Material
    expect(page).to_have_url(re.compile(r"/reports/login-report/$"))
    live = open_widget(page, "login-report")
    live.locator('input[name="report"]').set_input_files(
        files=[{"name": "summer.csv", "mimeType": "text/csv", "buffer": SUMMER_LOGIN}]
    )
    # 09:00 in New York in July is EDT (UTC−4): 13:00 in the test browser's zone, UTC.
    expect(live.locator(".kbw-summary")).to_contain_text("Times shown in: UTC")
    expect(live.get_by_role("cell", name="2026-07-01 13:00").first).to_be_visible()
    assert len(_fetched(requests, "tzdata")) == 1
    assert len([url for url in requests if url.endswith("/runtime.json")]) == 1  # one Python
