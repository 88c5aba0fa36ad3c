"""The access-recovery assistant in Chromium, in both languages."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from widgets import answer, open_widget

EN = "secure-login/system-access-help/"
ZH = "zh/secure-login/system-access-help/"


def test_forgotten_password_in_english(page: Page, site_url: str):
    page.goto(site_url + EN)
    live = open_widget(page, "access-assistant")
    answer(live, "Neither Account Management nor the trading platform")
    answer(live, "I forgot my username or my password")
    expect(live.locator(".kbw-outcome-title")).to_contain_text("telephone only")
    expect(live.locator(".kbw-call")).to_be_visible()
    expect(page).to_have_url(re.compile(r"access_level=none&no_access_reason=forgot_credentials"))
    # no dead end: where to call, and what to have ready
    contact = live.locator(".kbw-contact")
    expect(contact).to_contain_text("verifies your identity")
    name = "IBKR's regional Customer Service centres (leaves this help centre)"
    numbers = contact.get_by_role("link", name=name)
    expect(numbers).to_have_attribute(
        "href", "https://www.interactivebrokers.com/en/support/customer-service.php"
    )
    expect(numbers).not_to_have_attribute("target", re.compile("."))


def test_kb_ids_in_an_outcome_open_ibkrs_chinese_article(page: Page, site_url: str):
    page.goto(site_url + ZH)
    live = open_widget(page, "access-assistant")
    answer(live, "账户管理和交易平台都登录不了")
    answer(live, "我使用 IB Key，但一直收不到 IBKR Mobile（移动IBKR）通知")
    answer(live, "能")
    iphone = live.get_by_role("link", name=re.compile(r"^KB2278\s*（离开本帮助中心）$"))
    expect(iphone).to_have_attribute("href", "https://ibkr.info/zh-hans/article/2278")


def test_expired_passcode_with_dates_in_english(page: Page, site_url: str):
    page.goto(site_url + EN)
    live = open_widget(page, "access-assistant")
    answer(live, "Neither Account Management nor the trading platform")
    answer(live, "My temporary passcode has expired")
    live.get_by_label("When did you receive the temporary passcode?").fill("2026-11-20T09:30")
    live.get_by_label("When did you receive the temporary passcode?").press("Tab")
    dated = live.locator(".kbw-dated")
    expect(dated).to_contain_text("full access until Sun 22 Nov 2026, 09:30")
    expect(dated).to_contain_text("until Wed 2 Dec 2026, 09:30")
    expect(live.locator("svg.kbw-timeline-svg")).to_be_visible()


def test_dates_typed_the_chinese_way_on_a_chinese_page(page: Page, site_url: str):
    # A text field, not the browser's own date picker, which would speak the browser's language.
    page.goto(site_url + ZH)
    live = open_widget(page, "access-assistant")
    answer(live, "账户管理和交易平台都登录不了")
    answer(live, "我的临时密码已过期")
    field = live.get_by_label("您是什么时候收到临时密码的？")
    expect(field).to_have_attribute("type", "text")
    field.fill("2026年11月20日 9:30")
    field.press("Tab")
    expect(live.locator(".kbw-dated")).to_contain_text("2026年11月22日（星期日）09:30")
    expect(field).to_have_value("2026-11-20 09:30")
    field.fill("2026年2月30日")
    field.press("Tab")
    expect(live.locator(".kbw-error")).to_contain_text("请按 2026-11-20 09:30（年-月-日 时:分）的格式填写")
    expect(field).to_have_value("2026年2月30日")  # what the reader typed is kept, not lost


def test_lost_device_in_chinese_then_change_an_earlier_answer(page: Page, site_url: str):
    page.goto(site_url + ZH)
    live = open_widget(page, "access-assistant")
    answer(live, "账户管理和交易平台都登录不了")
    answer(live, "我的安全设备丢失或损坏了")
    expect(live.locator(".kbw-outcome-title")).to_contain_text("申请更换设备")
    expect(live.locator(".kbw-steps")).to_contain_text("3 到 14 天")
    # Change the first answer: the outcome changes, the path is rebuilt.
    live.get_by_role("button", name=re.compile("修改您对以下问题的回答：您现在能登录到哪里")).click()
    answer(live, "能用临时密码登录账户管理，但登录不了交易平台")
    expect(live.locator(".kbw-outcome-title")).to_have_text("请立即打印或保存在线安全码卡")
    expect(live).not_to_contain_text("Neither")


def test_notifications_without_internet_in_chinese_with_back(page: Page, site_url: str):
    page.goto(site_url + ZH)
    live = open_widget(page, "access-assistant")
    answer(live, "账户管理和交易平台都登录不了")
    answer(live, "我使用 IB Key，但一直收不到 IBKR Mobile（移动IBKR）通知")
    answer(live, "能")
    expect(live.locator(".kbw-outcome-title")).to_contain_text("挑战/响应")
    live.get_by_role("button", name="上一步").click()
    answer(live, "不能：漫游、没有信号或没有移动数据套餐")
    expect(live.locator(".kbw-outcome-title")).to_have_text("使用 IB Key 挑战/响应方式登录：无需联网")
    live.get_by_role("button", name="重新开始").click()
    expect(live.locator("legend")).to_have_text("您现在能登录到哪里？")


def test_a_copied_link_restores_the_answers_and_dates(page: Page, browser, site_url: str):
    page.goto(site_url + EN)
    live = open_widget(page, "access-assistant")
    answer(live, "Neither Account Management nor the trading platform")
    answer(live, "My security device is not with me for now")
    live.get_by_label("When did you receive the temporary passcode?").fill("2026-11-21T08:00")
    live.get_by_label("When did you receive the temporary passcode?").press("Tab")
    expect(live.locator(".kbw-dated")).to_contain_text("Mon 23 Nov 2026, 08:00")
    copied = page.url
    # A support agent opens the link in a fresh browser.
    other = browser.new_context(locale="en-US", timezone_id="UTC").new_page()
    other.goto(copied)
    again = open_widget(other, "access-assistant")
    expect(again.locator(".kbw-outcome-title")).to_have_text(live.locator(".kbw-outcome-title").inner_text())
    expect(again.locator(".kbw-dated")).to_contain_text("Mon 23 Nov 2026, 08:00")
    other.context.close()


def test_static_overview_lists_every_situation_without_javascript(browser, site_url: str):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + ZH)
    overview = page.locator('.kbw[data-kbw="access-assistant"] .kbw-static')
    expect(overview).to_be_visible()
    for outcome in ("请致电客户服务中心：用户名和密码问题只能通过电话处理", "在账户管理中重新激活您的设备"):
        expect(overview).to_contain_text(outcome)
    context.close()
