"""What a reader of a serious help site expects: keyboard use, printing, related articles,
the date of the last update, and no errors on any page."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import Page, expect

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_a_widget_can_be_used_with_the_keyboard_alone(page: Page, site_url: str):
    page.goto(site_url + "secure-login/system-access-help/")
    start = page.locator('.kbw[data-kbw="access-assistant"] .kbw-start')
    start.focus()
    page.keyboard.press("Enter")
    live = page.locator('.kbw[data-kbw="access-assistant"] .kbw-live')
    expect(live).to_be_visible(timeout=30_000)
    live.get_by_label("Neither Account Management nor the trading platform").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")  # submits the question's form
    expect(live.locator("legend")).to_have_text("What is stopping you?")
    # Every form control of the live widget has a label a screen reader can announce.
    for control in live.locator("input:not([type=hidden]), select, textarea").all():
        control_id = control.get_attribute("id")
        assert control_id and page.locator(f'label[for="{control_id}"]').count() == 1, control_id


def test_print_shows_the_article_and_the_widgets_answer_without_navigation(page: Page, site_url: str):
    page.goto(
        site_url + "zh/secure-login/system-access-help/?access_level=none&no_access_reason=card_expired"
    )
    widget = page.locator('.kbw[data-kbw="access-assistant"]')
    widget.hover()
    expect(widget.locator(".kbw-live .kbw-outcome-title")).to_be_visible(timeout=30_000)
    page.emulate_media(media="print")
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(widget.locator(".kbw-outcome-title")).to_be_visible()
    expect(widget.locator(".kbw-bar")).to_be_hidden()
    expect(widget.locator(".kbw-actions")).to_be_hidden()
    expect(widget.locator(".kbw-static")).to_be_hidden()


def test_articles_end_with_related_articles_and_the_update_date(page: Page, site_url: str):
    page.goto(site_url + "zh/tws/connectivity/")
    related = page.locator(".kb-related")
    expect(related.locator("h2")).to_have_text("相关文章")
    expect(related.locator("a")).not_to_have_count(0)
    for href in related.locator("a").evaluate_all("links => links.map(a => a.href)"):
        assert "/zh/" in href
    expect(page.locator(".kb-updated")).to_contain_text("最后更新：")


@pytest.mark.usefixtures("site_url")
def test_no_page_of_either_language_logs_an_error(page: Page, built_site, page_watch):
    urls = []
    for sitemap in ("sitemap.xml", "zh/sitemap.xml"):
        tree = ET.parse(built_site.root / sitemap)
        urls += [loc.text for loc in tree.getroot().iterfind("s:url/s:loc", NS)]
    assert len(urls) >= 20
    for url in urls:
        page.goto(url, wait_until="networkidle")
    assert page_watch.console_errors == [] and page_watch.page_errors == []
