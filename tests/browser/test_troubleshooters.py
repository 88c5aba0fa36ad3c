"""The two TWS troubleshooters in Chromium, in both languages."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from widgets import answer, open_widget

CONNECTIVITY = "tws/connectivity/"
SETTINGS = "tws/settings-download-failed/"


def test_company_network_gets_a_request_for_the_administrator_in_chinese(page: Page, site_url: str):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + "zh/" + CONNECTIVITY)
    live = open_widget(page, "connectivity-troubleshooter")
    answer(live, "运行过，用的是 Firefox")
    answer(live, "是，通过公司网络或代理服务器")
    message = live.locator(".kbw-message")
    expect(message).to_contain_text("请测试目标 TCP 端口 4000 和 4001。")
    live.get_by_label("您的姓名", exact=False).fill("王小明")
    live.get_by_label("您的姓名", exact=False).press("Tab")
    expect(message).to_contain_text("王小明")
    live.get_by_role("button", name="复制这段消息").click()
    expect(page.locator('.kbw[data-kbw="connectivity-troubleshooter"] .kbw-status')).to_have_text(
        "已复制到剪贴板。"
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "4000" in copied and "4001" in copied and copied.endswith("王小明")


def test_failed_tests_in_english_and_the_summary_is_copyable(page: Page, site_url: str):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + CONNECTIVITY)
    live = open_widget(page, "connectivity-troubleshooter")
    answer(live, "Yes, in Firefox")
    answer(live, "No, a home or mobile connection")
    answer(live, "Fail for one or more tests")
    expect(live.locator(".kbw-outcome-title")).to_contain_text("IB Network Troubleshooting Guide")
    expect(page).to_have_url(re.compile(r"ran_test=firefox&network=direct&results=some_fail"))
    live.locator(".kbw-summary summary").click()
    live.get_by_role("button", name="Copy the summary").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "Fail for one or more tests" in copied and "IB Network Troubleshooting Guide" in copied


def test_settings_error_security_software_in_english(page: Page, site_url: str):
    page.goto(site_url + SETTINGS)
    live = open_widget(page, "settings-download-troubleshooter")
    expect(live.locator(".kbw-intro")).to_contain_text("Store settings on server")
    answer(live, "Yes, or I am not sure")
    answer(live, "No, or I do not know")
    steps = live.locator(".kbw-steps")
    expect(steps).to_contain_text("C:\\Jts\\tws.exe")
    expect(steps).to_contain_text("C:\\Jts")


def test_settings_error_network_in_chinese(page: Page, site_url: str):
    page.goto(site_url + "zh/" + SETTINGS)
    live = open_widget(page, "settings-download-troubleshooter")
    answer(live, "没有")
    answer(live, "是，或者不确定")
    expect(live.locator(".kbw-outcome-title")).to_have_text("允许这台电脑通过 TCP 端口 443 访问云服务器")
    expect(live.locator(".kbw-steps")).to_contain_text("KB2816")


def test_static_troubleshooter_is_complete_without_javascript(browser, site_url: str):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + CONNECTIVITY)
    static = page.locator('.kbw[data-kbw="connectivity-troubleshooter"] .kbw-static')
    expect(static).to_contain_text("TCP ports 4000 and 4001")
    expect(static).to_contain_text("Success for every test")
    context.close()


def test_writers_see_every_tree_in_both_languages(page: Page, site_url: str):
    page.goto(site_url + "writers/trees/")
    for tree in ("access", "connectivity", "settings_download"):
        expect(page.locator(f"#kbw1-tree-{tree}")).to_be_visible()
    expect(page.locator("#kbw1-tree-connectivity")).to_contain_text(
        "请网络管理员在 TCP 端口 4000 和 4001 上做手动测试"
    )
    # Not a public page: not in the navigation, not for search engines.
    assert page.locator('.md-sidebar--primary a[href*="writers/trees"]').count() == 0
    assert page.locator('meta[name="robots"][content="noindex"]').count() == 1
