"""Each language's 404 page speaks that language and offers a way on: search, the categories,
"cannot log in?"; its language switcher leads to a real page (never `/.`)."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest

PAGES = {
    "en": ("404.html", "Page not found", "Can't log in?", "/secure-login/system-access-help/", "/"),
    "zh": ("zh/404.html", "找不到此页面", "无法登录？", "/zh/secure-login/system-access-help/", "/zh/"),
    "zh-hant": ("zh-hant/404.html", "找不到此頁面", "無法登入？", "/zh-hant/secure-login/system-access-help/", "/zh-hant/"),
}
TAGS = {"en": "en", "zh": "zh-Hans", "zh-hant": "zh-Hant"}  # <html lang> names the script


@pytest.mark.parametrize("lang", PAGES)
def test_the_404_page_is_in_its_language_with_search_categories_and_login_help(built_site, lang):
    path, title, login, login_url, home = PAGES[lang]
    html = (built_site.root / path).read_text("utf-8")
    assert f'<html lang="{TAGS[lang]}"' in html
    assert f"<h1>{title}</h1>" in html and "404 - Not found" not in html
    assert re.search(rf'<form class="kb-not-found-search" role="search" action="{home}"', html)
    assert 'name="q"' in html
    assert login in html and f'href="{login_url}"' in html
    categories = re.findall(r'<ul class="kb-not-found-categories">(.*?)</ul>', html, re.S)[0]
    links = re.findall(r'href="([^"]+)"', categories)
    assert len(links) == 3 and links[0] == f"{home}secure-login/"
    assert all(link.startswith(home) for link in links)


@pytest.mark.parametrize("lang", PAGES)
def test_the_switcher_on_404_pages_leads_to_each_languages_home(built_site, lang):
    html = (built_site.root / PAGES[lang][0]).read_text("utf-8")
    switch = dict(re.findall(r'href="([^"]*)" hreflang="([\w-]+)"', html))
    assert switch == {"/": "en", "/zh/": "zh-Hans", "/zh-hant/": "zh-Hant"}
    assert "/." not in switch


@pytest.mark.parametrize(("folder", "title"), [("zh/", "找不到此页面"), ("zh-hant/", "找不到此頁面")])
def test_nginx_answers_a_missing_chinese_page_with_that_scripts_404(site_url, folder, title):
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(site_url + folder + "no-such/page/")
    assert caught.value.code == 404
    assert title in caught.value.read().decode("utf-8")
