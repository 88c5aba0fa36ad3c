"""A link can carry anything; a widget started from it is never blank and never falsely ready."""

from __future__ import annotations

from playwright.sync_api import Page, expect

MEMORY = '.kbw[data-kbw="tws-memory"]'
ACCESS = '.kbw[data-kbw="access-assistant"]'
UNITS = '.kbw[data-kbw="memory-units"]'


def _start(page: Page, widget: str) -> None:
    page.locator(widget).hover()


def test_an_operating_system_the_form_does_not_offer_gives_the_default_calculation(page: Page, site_url: str):
    for system in ("Windows", "solaris"):
        page.goto(site_url + f"tws/memory-allocation/?os={system}&version=960")
        _start(page, MEMORY)
        live = page.locator(f"{MEMORY} .kbw-live")
        expect(live).to_be_visible(timeout=30_000)
        expect(live.locator("input[name=os][value=windows]")).to_be_checked()
        expect(live.locator(".kbw-result")).to_contain_text("1536")


def test_an_impossible_date_in_a_link_is_the_widgets_own_message_in_chinese(page: Page, site_url: str):
    for issued in ("0026-11-20", "0001-01-01", "9999-12-31"):
        page.goto(
            site_url + f"zh/secure-login/system-access-help/?access_level=none"
            f"&no_access_reason=passcode_expired&issued={issued}"
        )
        _start(page, ACCESS)
        live = page.locator(f"{ACCESS} .kbw-live")
        expect(live).to_be_visible(timeout=30_000)
        expect(live.locator(".kbw-error")).to_contain_text("不可能正确")


def test_a_first_answer_that_is_an_error_keeps_the_static_version(page: Page, site_url: str):
    # The page names a widget Python does not know: its first answer is an error, as any
    # unforeseen one would be.
    def rename(route) -> None:
        body = route.fetch().text().replace('data-kbw="memory-units"', 'data-kbw="no-such-widget"')
        route.fulfill(body=body, content_type="text/html; charset=utf-8")

    page.route("**/zh/tws/memory-allocation/", rename)
    page.goto(site_url + "zh/tws/memory-allocation/")
    page.locator('.kbw[data-kbw="no-such-widget"]').hover()
    status = page.locator('.kbw[data-kbw="no-such-widget"] .kbw-status')
    expect(status).to_contain_text("没有名为")
    expect(page.locator('.kbw[data-kbw="no-such-widget"] .kbw-static')).to_be_visible()
    expect(page.locator('.kbw[data-kbw="no-such-widget"] .kbw-live')).to_be_hidden()
    expect(status).not_to_contain_text("已就绪")


def test_a_huge_typed_value_never_makes_the_address_too_long_to_reload(page: Page, site_url: str):
    page.goto(site_url + "tws/memory-allocation/")
    _start(page, UNITS)
    field = page.locator(f"{UNITS} .kbw-live input[name=amount]")
    expect(field).to_be_visible(timeout=30_000)
    field.fill("9" * 100_000)
    field.press("Enter")
    expect(page.locator(f"{UNITS} .kbw-live .kbw-error")).to_be_visible()
    assert len(page.url) < 2_000
    response = page.reload()
    assert response is not None and response.status == 200
