"""What a reader met on a phone, with JavaScript off and on, in both languages (issue 19)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

PAGES = [
    "",
    "tws/memory-allocation/",
    "secure-login/system-access-help/",
    "secure-login/online-security-code-card/",
]
ACCESS = "secure-login/system-access-help/"
EXPIRED = "?access_level=none&no_access_reason=passcode_expired&issued=2026-11-28T01%3A00%3A00%2B00%3A00"


def _phone(browser: Browser, width: int = 390, js: bool = True) -> Page:
    context = browser.new_context(viewport={"width": width, "height": 844}, java_script_enabled=js)
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
    return context.new_page()


@pytest.mark.parametrize("js", [False, True])
@pytest.mark.parametrize("width", [320, 390])
def test_no_page_scrolls_sideways_on_a_phone(browser: Browser, site_url: str, width: int, js: bool):
    page = _phone(browser, width, js)
    for lang in ("", "zh/"):
        for path in PAGES:
            page.goto(site_url + lang + path)
            overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
            assert overflow == 0, f"{lang}{path} at {width} px (JavaScript {'on' if js else 'off'})"
    page.context.close()


def test_the_static_unit_table_has_room_between_its_columns(browser: Browser, site_url: str):
    page = _phone(browser, js=False)
    page.goto(site_url + "tws/memory-allocation/")
    cell = page.locator('.kbw[data-kbw="memory-units"] .kbw-static table td').first
    padding = cell.evaluate("c => parseFloat(getComputedStyle(c).paddingRight)")
    assert padding >= 8
    page.context.close()


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_the_static_access_overview_is_folded_and_never_links_to_itself(
    browser: Browser, site_url: str, lang
):
    page = _phone(browser, js=False)
    page.goto(site_url + lang + ACCESS)
    static = page.locator('.kbw[data-kbw="access-assistant"] .kbw-static')
    assert static.locator("details.kbw-overview-outcome").count() >= 8
    assert (
        static.evaluate(
            "s => [...s.querySelectorAll('a')].filter(a => a.pathname === location.pathname).length"
        )
        == 0
    )
    height, screen = static.evaluate("s => [s.getBoundingClientRect().height, innerHeight]")
    assert height < 3 * screen  # it was 8.7 screens in English
    page.context.close()


def test_timeline_labels_are_readable_on_a_phone(browser: Browser, site_url: str):
    page = _phone(browser)
    page.goto(site_url + "zh/" + ACCESS + EXPIRED)
    page.locator('.kbw[data-kbw="access-assistant"]').hover()
    labels = page.locator(".kbw-live .kbw-timeline-svg text")
    expect(labels.first).to_be_visible(timeout=30_000)
    smallest = labels.evaluate_all("ts => Math.min(...ts.map(t => t.getBoundingClientRect().height))")
    assert smallest >= 11
    page.context.close()


def test_keyboard_focus_moves_into_the_interactive_version(browser: Browser, site_url: str):
    page = _phone(browser, width=1280)
    page.goto(site_url + "tws/memory-allocation/")
    widget = page.locator('.kbw[data-kbw="memory-units"]')
    widget.locator(".kbw-start").focus()
    expect(widget.locator(".kbw-live")).to_be_visible(timeout=30_000)
    assert widget.evaluate(
        "w => w.contains(document.activeElement) && document.activeElement !== document.body"
    )
    assert widget.evaluate("w => w.querySelector('.kbw-live').contains(document.activeElement)")
    page.context.close()


def test_xmx_never_breaks_at_its_hyphen_in_chinese(browser: Browser, site_url: str):
    page = _phone(browser, width=320, js=False)
    page.goto(site_url + "zh/tws/memory-allocation/")
    codes = page.locator('.kbw[data-kbw="tws-memory"] .kbw-static li code', has_text="-Xmx")
    assert codes.count() >= 2
    assert codes.evaluate_all("cs => cs.every(c => c.getClientRects().length === 1)")
    page.context.close()


def test_pasted_text_stays_and_the_diff_speaks_chinese(browser: Browser, site_url: str):
    page = _phone(browser, width=1280)
    page.goto(site_url + "zh/tws/memory-allocation/")
    widget = page.locator('.kbw[data-kbw="tws-memory"]')
    widget.hover()
    live = widget.locator(".kbw-live")
    expect(live).to_be_visible(timeout=30_000)
    live.get_by_label("TWS 版本", exact=False).fill("960")
    live.get_by_label("TWS 版本", exact=False).press("Tab")
    pasted = "-Xmx768m\n-Xss2m"
    live.locator("textarea[name=vmtext]").fill(pasted)
    live.get_by_role("button", name="修正粘贴的内容").click()
    expect(live.locator(".kbw-diff")).to_contain_text("tws.vmoptions（修改前）")
    expect(live.locator("textarea[name=vmtext]")).to_have_value(pasted)
    page.context.close()


# Layout shift as the browser scores it (the Layout Instability API), summed over a page's load.
SHIFTS = """window.__kbShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__kbShift += entry.value;
}).observe({ type: "layout-shift", buffered: true });"""


@pytest.mark.parametrize("lang", ["", "zh/", "zh-hant/"])
def test_pages_do_not_jump_while_they_load_on_a_phone(browser: Browser, site_url: str, lang: str):
    """What the scripts change (Material wraps tables and adds header buttons, a widget shows its
    live version) must not move what the reader already sees: below 0.1, the browser's 'good'.
    (Scripts started after the first paint once made the login-report page jump by 0.47.)
    No request routing here: Playwright's interception changes when the scripts arrive."""
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    page.add_init_script(SHIFTS)
    for path in ("", "reports/login-report/", "tws/memory-allocation/", ACCESS):
        page.goto(site_url + lang + path)
        page.wait_for_timeout(800)  # the scripts and widgets settle well within this
        shift = page.evaluate("window.__kbShift")
        assert shift < 0.1, f"{lang}{path}: layout shift {shift:.3f}"
    page.context.close()
