"""The browser's view renderer (kbw/view.js) refuses what Python's does, on its own: hundreds of
generated hostile views are built in Chromium, and the resulting DOM, read back by Python's HTML
parser, holds only allowed tags, attributes and link schemes. A download is always plain text."""

from __future__ import annotations

import random
from html.parser import HTMLParser

from playwright.sync_api import Page

from kbwidgets.engine.view import ATTRIBUTES, HTML_TAGS, SVG_TAGS

TAGS = sorted(HTML_TAGS | SVG_TAGS)
HOSTILE_TAGS = ["script", "style", "iframe", "img", "object", "embed", "base", "meta", "link"]
NAMES = [
    "onclick",
    "onmouseover",
    "ONLOAD",
    "style",
    "srcdoc",
    "formaction",
    "src",
    "xlink:href",
    "data-x onmouseover=alert(1) y",
    "data-a><script>x</script>",
    "data-download-type",
    "href",
    "id",
    "name",
    "for",
    "download",
    "class",
    "data-action",
    "aria-label",
    "title",
]
VALUES = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:x",
    "data:text/html,<script>x</script>",
    "\x01javascript:x",
    "getElementById",
    "kbw1-ok",
    "../ok/",
    "#kbw1-a",
    "x onerror=alert(1)",
    "tws.vmoptions",
    "../../evil.html",
    {"nested": 1},
    ["list"],
    True,
    3,
]


def _view(rng: random.Random, depth: int = 3) -> list:
    tag = rng.choice(TAGS + HOSTILE_TAGS)
    attrs = {rng.choice(NAMES): rng.choice(VALUES) for _ in range(rng.randint(0, 3))}
    children = [
        _view(rng, depth - 1) if depth and rng.random() < 0.5 else rng.choice(["text", "<b>x</b>", ""])
        for _ in range(rng.randint(0, 3))
    ]
    return [tag, attrs, *children]


class Seen(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs += [(name, value or "") for name, value in attrs]


def test_hostile_views_never_become_markup_in_the_browser(page: Page, site_url: str):
    page.goto(site_url + "tws/memory-allocation/")
    rng = random.Random(20261202)
    views = [_view(rng) for _ in range(400)]
    built = page.evaluate(
        """async (views) => {
          const rules = (await (await fetch("../../pyodide/runtime.json")).json()).view;
          return views.map((view) => {
            try { const el = window.kbwView.build(view, rules, false);
                  const box = document.createElement("div"); box.appendChild(el); return box.innerHTML; }
            catch (error) { return ""; }
          });
        }""",
        views,
    )
    assert sum(1 for html in built if html) > 50  # most views had allowed tags at the top
    seen = Seen()
    for html in built:
        seen.feed(html)
    assert seen.tags <= {tag.lower() for tag in TAGS}
    for name, value in seen.attrs:
        assert name in {attr.lower() for attr in ATTRIBUTES} and not name.startswith("on"), name
        if name == "href":
            assert (
                not value.replace("\t", "")
                .replace("\x01", "")
                .strip()
                .lower()
                .startswith(("javascript:", "data:", "vbscript:"))
            )
        if name in ("id", "for"):
            assert value.startswith("kbw"), value
        if name == "name":
            assert value != "getElementById"


def test_a_download_link_is_always_plain_text(page: Page, site_url: str):
    page.goto(site_url + "tws/memory-allocation/")
    kinds = page.evaluate(
        """() => {
          const types = [];
          const original = URL.createObjectURL;
          URL.createObjectURL = (blob) => { types.push(blob.type); return original(blob); };
          const box = document.createElement("div");
          const make = (attrs) => { const a = document.createElement("a");
            Object.entries(attrs).forEach(([k, v]) => a.setAttribute(k, v)); box.appendChild(a); return a; };
          make({"data-download-b64": btoa("<script>alert(1)</script>"), "data-download-type": "text/html",
                download: "x.html"});
          make({"data-download-b64": btoa("no download name")});
          window.kbwView.attachDownloads(box, { objectUrls: [] });
          URL.createObjectURL = original;
          return { types, hrefs: [...box.children].map((a) => a.getAttribute("href")) };
        }"""
    )
    assert kinds["types"] == ["text/plain"]  # the link without a file name got no URL at all
    assert kinds["hrefs"][1] is None
