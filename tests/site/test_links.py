"""Every internal link and anchor of the built site resolves, in both languages."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


class LinksAndIds(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if attr.get("id"):
            self.ids.add(attr["id"])
        if tag == "a" and attr.get("name"):
            self.ids.add(attr["name"])
        if tag == "a" and attr.get("href") is not None:
            self.links.append(attr["href"])


def _parse(path: Path) -> LinksAndIds:
    parser = LinksAndIds()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(root: Path, base_url: str) -> list[str]:
    pages = {path: _parse(path) for path in root.rglob("*.html")}
    problems = []
    for page, parsed in pages.items():
        page_url = base_url + page.relative_to(root).as_posix()
        for href in parsed.links:
            target = urljoin(page_url, href)
            parts = urlsplit(target)
            if not target.startswith(base_url) or parts.scheme not in ("http", "https"):
                continue  # another site, mailto:, data: ...
            path = root / unquote(parts.path[len(urlsplit(base_url).path):])
            if path.is_dir() or parts.path.endswith("/"):
                path = path / "index.html"
            where = f"{page.relative_to(root)}: {href}"
            if not path.is_file():
                problems.append(f"{where} -> no such page")
            elif parts.fragment and path.suffix == ".html":
                ids = pages[path].ids if path in pages else _parse(path).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{where} -> no anchor #{parts.fragment}")
    return problems


def test_every_internal_link_and_anchor_resolves(built_site):
    assert broken_links(built_site.root, built_site.url) == []


def test_the_checker_finds_a_broken_page_and_a_broken_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/#there">ok</a><a href="b/">gone</a><a href="a/#nope">x</a>')
    (tmp_path / "a" / "index.html").write_text('<h2 id="there">T</h2><a href="https://example.com/">out</a>')
    assert broken_links(tmp_path, "http://127.0.0.1:1/") == [
        "index.html: b/ -> no such page",
        "index.html: a/#nope -> no anchor #nope",
    ]
