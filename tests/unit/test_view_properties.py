"""Hostile views never get past the Python renderer: whatever a widget (or a mistake in one)
puts in a view, the HTML has only allowed tags, attributes and link schemes.

The oracle is the standard library's HTML parser reading the output, not the allow-list code.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kbwidgets.engine.view import ATTRIBUTES, HTML_TAGS, SVG_TAGS, ViewError, h, to_html

SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
TAGS = HTML_TAGS | SVG_TAGS


class Seen(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(name, value or "") for name, value in attrs]


def _seen(html: str) -> Seen:
    parser = Seen()
    parser.feed(html)
    parser.close()
    return parser


hostile_names = st.sampled_from(
    [
        "onclick",
        "onmouseover",
        "ONLOAD",
        "style",
        "srcdoc",
        "formaction",
        "src",
        "srcset",
        "data-x onmouseover=alert(1) y",
        "data-a><script>alert(1)</script>",
        "aria-x onfocus=alert(1)",
        "data-download-type",
        "href",
        "id",
        "name",
        "for",
        "download",
        "class",
        "data-action",
        "title",
        "xlink:href",
        "data-",
        "aria-",
        "",
    ]
)
hostile_values = st.sampled_from(
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:x",
        "data:text/html,<script>x</script>",
        "vbscript:x",
        "\x01javascript:x",
        "getElementById",
        "cookie",
        "kbw1-ok",
        "../ok/",
        "#kbw1-a",
        '"><script>alert(1)</script>',
        "x onerror=alert(1)",
        "tws.vmoptions",
        "../../etc/passwd",
    ]
) | st.text(max_size=12)
hostile_tags = st.sampled_from(
    [*sorted(TAGS), "script", "style", "iframe", "img", "object", "embed", "a b", "svg:script"]
)


def nodes(depth: int = 3) -> st.SearchStrategy:
    children = (
        st.text(max_size=8)
        if depth == 0
        else st.one_of(st.text(max_size=8), st.deferred(lambda: nodes(depth - 1)))
    )
    return st.builds(
        lambda tag, attrs, kids: [tag, attrs, *kids],
        hostile_tags,
        st.dictionaries(hostile_names, hostile_values, max_size=3),
        st.lists(children, max_size=3),
    )


@settings(max_examples=400, deadline=None)  # a loaded CI machine is slow, not wrong
@given(nodes())
def test_no_hostile_view_reaches_the_page_as_markup(view):
    try:
        html = to_html(view)
    except ViewError:
        return  # refused as a whole: nothing reaches the page
    seen = _seen(html)
    assert set(seen.tags) <= {tag.lower() for tag in TAGS}
    for name, value in seen.attrs:
        assert name in {a.lower() for a in ATTRIBUTES} and not name.startswith("on"), name
        if name == "href":
            scheme = value.replace("\t", "").replace("\n", "").strip().split(":", 1)
            # WHATWG URL: a scheme is a letter then letters, digits, + - . ; anything else
            # before the first ":" (":", "1:", "/a:") makes the address a relative one
            is_scheme = re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", scheme[0]) is not None
            assert len(scheme) == 1 or not is_scheme or scheme[0].lower() in SAFE_SCHEMES, value
        if name in ("id", "for"):
            assert value.startswith("kbw"), value
        if name == "name":
            assert value not in ("getElementById", "cookie", "domain", "body")


@pytest.mark.parametrize(
    "attrs",
    [
        {"data-x onmouseover=alert(1) y": "z"},
        {"data-a><script>alert(1)</script>": "1"},
        {"aria-x onfocus=alert(1)": "1"},
        {"data-download-type": "text/html"},
    ],
)
def test_prefixed_hostile_attribute_names_are_refused(attrs):
    with pytest.raises(ViewError):
        to_html(h("div", attrs))


@pytest.mark.parametrize(
    "node",
    [
        h("form", {"name": "getElementById"}),
        h("div", {"id": "getElementById"}),
        h("label", {"for": "cookie"}),
        h("input", {"name": "Bad Name"}),
        h("a", {"data-download-b64": "PHNjcmlwdD4="}, "no file name"),
        h("a", {"data-download-b64": "eA==", "download": "../evil.html"}, "x"),
    ],
)
def test_no_view_can_shadow_a_document_property_or_download_anything_but_a_named_file(node):
    with pytest.raises(ViewError):
        to_html(node)


def test_widget_ids_names_and_downloads_pass():
    html = to_html(
        h(
            "form",
            {"id": "kbw1-form"},
            h("input", {"id": "kbw1-version", "name": "version"}),
            h("a", {"download": "tws.vmoptions", "data-download-b64": "eA==", "href": "#"}, "x"),
        )
    )
    assert 'name="version"' in html and 'download="tws.vmoptions"' in html
