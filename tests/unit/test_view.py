"""The view language: what reaches the page is escaped text, and only allowed markup."""

from __future__ import annotations

import pytest

from kbwidgets.engine.view import ViewError, h, text_of, to_html

HOSTILE = "<img src=x onerror=alert(1)>\"'&"


def test_text_is_escaped_never_markup():
    html = to_html(h("p", {"title": HOSTILE}, HOSTILE))
    assert "<img" not in html
    assert html == (
        '<p title="&lt;img src=x onerror=alert(1)&gt;&quot;&#x27;&amp;">'
        "&lt;img src=x onerror=alert(1)&gt;\"'&amp;</p>"
    )


@pytest.mark.parametrize("tag", ["script", "style", "iframe", "img", "object", "embed", "link", "meta"])
def test_dangerous_tags_are_refused(tag):
    with pytest.raises(ViewError):
        to_html(h("div", {}, h(tag, {})))


@pytest.mark.parametrize("attr", ["onclick", "onerror", "style", "srcdoc", "formaction"])
def test_dangerous_attributes_are_refused(attr):
    with pytest.raises(ViewError):
        to_html(h("button", {attr: "x"}))


@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "vbscript:x"]
)
def test_script_urls_are_refused(href):
    with pytest.raises(ViewError):
        to_html(h("a", {"href": href}, "x"))


@pytest.mark.parametrize("href", ["https://example.com/", "../tws/", "#note-3", "mailto:a@b.c", "?a=1:2"])
def test_ordinary_links_pass(href):
    assert 'href="' in to_html(h("a", {"href": href}, "x"))


def test_boolean_and_void_attributes():
    assert (
        to_html(h("input", {"checked": True, "disabled": False, "name": "a"})) == '<input checked name="a">'
    )


def test_none_children_are_dropped_and_text_is_collected():
    node = h("p", {}, "a", None, h("strong", {}, "b"))
    assert text_of(node) == "ab"
    assert to_html(node) == "<p>a<strong>b</strong></p>"


@pytest.mark.parametrize("href", [" javascript:alert(1)", "java\tscript:alert(1)", "\x01javascript:x"])
def test_script_urls_hidden_by_whitespace_are_refused(href):
    with pytest.raises(ViewError):
        to_html(h("a", {"href": href}, "x"))
