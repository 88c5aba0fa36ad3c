"""The browser's own IANA zone reaches Python, whose zoneinfo reads it from the site's tzdata
wheel: a date before a daylight-saving change is read with that date's offset."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from widgets import answer, open_widget

EN = "secure-login/system-access-help/"
ZH = "zh/secure-login/system-access-help/"


@pytest.fixture
def new_york(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="en-US", timezone_id="America/New_York")
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
    yield context.new_page()
    context.close()


def test_new_york_passcode_before_the_november_change_ends_at_8_est(new_york: Page, site_url: str):
    new_york.goto(site_url + EN)
    live = open_widget(new_york, "access-assistant")
    answer(live, "Neither Account Management nor the trading platform")
    answer(live, "My temporary passcode has expired")
    field = live.get_by_label("When did you receive the temporary passcode?")
    field.fill("2026-10-30 09:00")
    field.press("Tab")
    dated = live.locator(".kbw-dated")
    expect(dated).to_contain_text("full access until Sun 1 Nov 2026, 08:00 (UTC−05:00)")
    expect(dated).to_contain_text("America/New_York")
    expect(new_york).to_have_url(re.compile(r"issued=2026-10-30T13%3A00%3A00%2B00%3A00"))


def test_a_repeated_hour_is_a_question_in_chinese(new_york: Page, site_url: str):
    new_york.goto(site_url + ZH)
    live = open_widget(new_york, "access-assistant")
    answer(live, "账户管理和交易平台都登录不了")
    answer(live, "我的临时密码已过期")
    field = live.get_by_label("您是什么时候收到临时密码的？")
    field.fill("2026-11-01 01:30")
    field.press("Tab")
    expect(live.locator(".kbw-error")).to_contain_text("2026-11-01 01:30-05:00")
    field.fill("2026-11-01 01:30-05:00")
    field.press("Tab")
    expect(live.locator(".kbw-dated")).to_contain_text("2026年11月3日（星期二）01:30")
    expect(field).to_have_value("2026-11-01 01:30-05:00")
