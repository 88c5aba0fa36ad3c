"""The site shell in a real browser: both home pages, the language switcher, no foreign requests."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect


def test_home_page_renders_in_english(page: Page, site_url: str):
    page.goto(site_url)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("article h1")).to_contain_text("Help centre")


def test_home_page_renders_in_chinese(page: Page, site_url: str):
    page.goto(site_url + "zh/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.locator("article h1")).to_contain_text("帮助中心")
    # Material's own interface is in Chinese too, not just our text.
    expect(page.locator("input.md-search__input")).to_have_attribute("placeholder", "搜索")


def _navigate_in_site(page: Page, href_suffix: str) -> None:
    """Follow a sidebar link the way a reader does, and check it was an in-place (instant)
    navigation: the header, and with it the language switcher, was not re-rendered."""
    container = "document.querySelector('[data-md-component=container]')"
    page.evaluate("window.__kbSamePage = true")
    page.evaluate(f"window.__kbOldContainer = {container}")
    page.locator(f'.md-sidebar--primary a.md-nav__link[href$="{href_suffix}"]').first.click()
    expect(page).to_have_url(re.compile(re.escape(href_suffix) + "$"))
    # The address changes first; the next page's content (and logo) are swapped in just after.
    page.wait_for_function(f"() => {container} !== window.__kbOldContainer")  # a function: CSP forbids eval
    assert page.evaluate("window.__kbSamePage === true"), "expected instant navigation, got a reload"


def _switch_language(page: Page, lang: str) -> None:
    page.locator(".md-header .md-select").hover()
    page.locator(f'a[data-kb-switch="{lang}"]').click()


def test_switcher_lands_on_the_same_page_in_chinese_after_in_site_navigation(page: Page, site_url: str):
    page.goto(site_url)
    # Move through the site by clicking, as a reader would (instant navigation, no reload).
    _navigate_in_site(page, "tws/")
    _navigate_in_site(page, "tws/connectivity/")
    _switch_language(page, "zh")
    expect(page).to_have_url(site_url + "zh/tws/connectivity/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.locator("article h1")).to_contain_text("连接")


def test_switcher_lands_on_the_same_page_in_english_after_in_site_navigation(page: Page, site_url: str):
    page.goto(site_url + "zh/")
    _navigate_in_site(page, "zh/secure-login/")
    _navigate_in_site(page, "zh/secure-login/online-security-code-card/")
    _switch_language(page, "en")
    expect(page).to_have_url(site_url + "secure-login/online-security-code-card/")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_switcher_keeps_the_page_across_all_three_languages(page: Page, site_url: str):
    page.goto(site_url)
    _navigate_in_site(page, "tws/")
    _navigate_in_site(page, "tws/connectivity/")
    _switch_language(page, "zh-hant")
    expect(page).to_have_url(site_url + "zh-hant/tws/connectivity/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant")
    expect(page.locator("article h1")).to_contain_text("連線")
    expect(page.locator("article .kb-converted")).to_contain_text("由簡體中文自動轉換")
    # Material's own interface is in Traditional too
    expect(page.locator("input.md-search__input")).to_have_attribute("placeholder", "搜尋")
    _navigate_in_site(page, "zh-hant/tws/memory-allocation/")
    _switch_language(page, "zh")
    expect(page).to_have_url(site_url + "zh/tws/memory-allocation/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    _navigate_in_site(page, "zh/tws/settings-download-failed/")
    _switch_language(page, "zh-hant")
    expect(page).to_have_url(site_url + "zh-hant/tws/settings-download-failed/")
    _switch_language(page, "en")
    expect(page).to_have_url(site_url + "tws/settings-download-failed/")


def test_the_converted_line_leads_to_the_simplified_original(page: Page, site_url: str):
    page.goto(site_url + "zh-hant/secure-login/online-security-code-card/")
    page.locator("article .kb-converted a").click()
    expect(page).to_have_url(site_url + "zh/secure-login/online-security-code-card/")
    expect(page.locator("article .kb-converted")).to_have_count(0)


def test_untranslated_page_says_so_in_chinese(page: Page, site_url: str):
    # The writer's guide is written in English only.
    page.goto(site_url + "zh/writers/")
    notice = page.locator(".kb-untranslated")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("尚未翻译")
    expect(page.locator("article [lang=en] h1")).to_contain_text("Writer's guide")


PAGES = ["", "tws/connectivity/", "writers/", "zh/", "zh/tws/connectivity/", "zh/writers/"]


def test_pages_load_without_console_errors_or_foreign_requests(page: Page, site_url: str, page_watch):
    for path in PAGES:
        page.goto(site_url + path, wait_until="networkidle")
    # The fixture fails the test on any console error or request that left 127.0.0.1; make
    # sure it was actually watching.
    assert page_watch.console_errors == [] and page_watch.foreign_requests == []


def test_missing_page_gets_a_404_in_the_readers_language(page: Page, site_url: str, page_watch):
    page_watch.expected_failures = {site_url + "zh/no-such-page/", site_url + "no-such-page/"}
    response = page.goto(site_url + "zh/no-such-page/")
    assert response is not None and response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    response = page.goto(site_url + "no-such-page/")
    assert response is not None and response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_a_chosen_tab_is_kept_across_a_reload(page: Page, site_url: str):
    """Material's tab memory (its start-up scripts, md/start.js, and its bundle) under the
    strict CSP: the reader's choice of macOS instructions is still chosen after a reload."""
    page.goto(site_url + "tws/memory-allocation/")
    page.locator(".tabbed-labels label", has_text=re.compile("^macOS$")).click()
    expect(page.locator("input#macos")).to_be_checked()
    page.reload()
    expect(page.locator("input#macos")).to_be_checked()
    expect(page.locator("input#windows")).not_to_be_checked()


@pytest.mark.parametrize(("lang", "font"), [("zh/", "Noto Sans CJK SC"), ("zh-hant/", "Noto Sans CJK TC")])
def test_han_text_is_drawn_in_a_font_of_the_pages_own_script(page: Page, site_url: str, lang: str, font: str):
    """Simplified pages in a Simplified font and Traditional pages in a Traditional one, named in
    the stylesheet (theme.css), not left to the browser's search of every installed font: that
    search is what made a Chinese page's first layout about four times an English one's."""
    page.goto(site_url + lang + "tws/memory-allocation/")
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    heading = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "article h1"})["nodeId"]
    used = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": heading})["fonts"]
    fonts = [item["familyName"] for item in used]
    han_fonts = [name for name in fonts if "CJK" in name]  # Latin letters in it may use another
    assert han_fonts == [font], f"the heading's Han text is drawn in {fonts}"
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert font in family, f"the stylesheet leaves the Chinese font to the browser: {family}"


def _drawn(page: Page, selector: str) -> bool:
    """Whether the element shows anything: its parent's picture differs from its picture with the
    element hidden (a mask whose file fails to load paints nothing, per CSS Masking)."""
    element = page.locator(selector).first
    around = element.locator("..")
    shown = around.screenshot()
    element.evaluate("e => { e.style.visibility = 'hidden' }")  # CSSOM: allowed by the strict CSP
    hidden = around.screenshot()
    element.evaluate("e => { e.style.visibility = '' }")
    return shown != hidden


@pytest.mark.parametrize("lang", ["", "zh-hant/"])
def test_the_header_icons_are_drawn_also_after_in_site_navigation(page: Page, site_url: str, lang: str):
    """The template's icons (header, drawer, search box, footer, back to top) are shared files
    painted by the stylesheet (kbsite/icons.py): each must be drawn, at any depth, also after
    instant navigation has put in the next page's logo."""
    page.set_viewport_size({"width": 390, "height": 844})  # a phone: the logo heads the drawer
    page.goto(site_url + lang)
    page.locator('.md-header label[for="__drawer"]').click()
    assert _drawn(page, ".md-nav--primary > .md-nav__title .kb-icon--logo"), "the drawer's logo is not drawn"
    page.locator(".md-overlay").click(position={"x": 380, "y": 400})
    assert _drawn(page, ".md-header .kb-search-button svg"), "the search icon is not drawn"
    page.locator(".md-header .kb-search-button").click()
    # Material fades the phone's search box in after 250 ms: a picture before that is blank.
    expect(page.locator(".md-search__inner")).to_have_css("opacity", "1")
    assert _drawn(page, ".md-search__form .kb-icon--previous"), "the search box's back arrow is not drawn"
    page.set_viewport_size({"width": 1280, "height": 900})  # the header's logo shows from 76.25em
    page.reload()
    assert _drawn(page, ".md-header .md-logo .kb-icon--logo"), "the logo is not drawn"
    assert _drawn(page, ".md-header .md-select svg"), "the language icon is not drawn"
    assert _drawn(page, ".md-footer__link--next .kb-icon--next"), "the footer's arrow is not drawn"
    _navigate_in_site(page, lang + "tws/")
    _navigate_in_site(page, lang + "tws/memory-allocation/")
    assert _drawn(page, ".md-header .md-logo .kb-icon--logo"), "the logo is gone after instant navigation"
    page.mouse.wheel(0, 3000)  # Material shows "back to top" once the reader scrolls back up
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -300)
    expect(page.locator(".md-top")).to_be_visible()
    assert _drawn(page, ".md-top .kb-icon--top"), "the back-to-top arrow is not drawn"


def test_the_address_bar_takes_the_headers_colour_without_a_restyle_at_start(page: Page, site_url: str):
    """The page's one theme-color tag is the header's drawn colour (which Material's palette
    component used to measure at every start), and the start no longer flags a colour switch,
    which restyled the whole page twice."""
    page.goto(site_url + "zh/tws/memory-allocation/")
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    colours = page.evaluate(
        """() => ({
            tags: [...document.querySelectorAll('meta[name=theme-color]')].map(m => m.content),
            header: getComputedStyle(document.querySelector('.md-header')).backgroundColor,
            switching: document.body.hasAttribute('data-md-color-switching'),
        })"""
    )
    assert len(colours["tags"]) == 1, colours
    hex_colour = colours["tags"][0]
    rgb = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    assert colours["header"] == "rgb({}, {}, {})".format(*rgb), colours
    assert not colours["switching"]
    assert page.locator("[data-md-component=palette]").count() == 0


def test_a_page_waits_for_one_stylesheet_which_returning_readers_keep(page: Page, site_url: str):
    """Material's two stylesheets and ours arrive as one file (kbsite/stylesheet.py), cached for
    a year under a name of its content; Material's styling and ours both apply, ours last."""
    sheets: list = []
    page.on(
        "response",
        lambda response: sheets.append(response) if response.request.resource_type == "stylesheet" else None,
    )
    page.goto(site_url + "zh-hant/tws/memory-allocation/")
    assert [response.url.rsplit("/", 1)[1] for response in sheets] == [
        page.evaluate("() => document.querySelector('link[rel=stylesheet]').href.split('/').pop()")
    ]
    assert sheets[0].headers["cache-control"] == "public, max-age=31536000, immutable"
    drawn = page.evaluate(
        """() => ({
            header: getComputedStyle(document.querySelector('.md-header')).position,
            colour: getComputedStyle(document.querySelector('.md-header')).backgroundColor,
            font: getComputedStyle(document.body).fontFamily,
        })"""
    )
    assert drawn["header"] == "sticky"  # Material's main stylesheet
    assert drawn["colour"] not in ("rgba(0, 0, 0, 0)", "transparent")  # its palette
    assert "Noto Sans CJK TC" in drawn["font"]  # ours, which overrides Material's font
