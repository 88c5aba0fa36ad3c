"""Check a built site's links: every internal link reaches a page, every anchor an id.

Run on the finished HTML (after every build step), so it sees what readers get. Used by the
tests and by writers' `make links`.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


class LinksAndIds(HTMLParser):
    """The links and the ids of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {name: value for name, value in attrs if value is not None}
        if attr.get("id"):
            self.ids.add(attr["id"])
        if tag == "a" and attr.get("name"):
            self.ids.add(attr["name"])
        if tag == "a" and "href" in attr:
            self.links.append(attr["href"])


def _parse(path: Path) -> LinksAndIds:
    parser = LinksAndIds()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(root: Path, base_url: str) -> list[str]:
    """Every internal link of the site in `root` (served at `base_url`) that leads nowhere."""
    pages = {path: _parse(path) for path in root.rglob("*.html")}
    problems = []
    for page, parsed in pages.items():
        page_url = base_url + page.relative_to(root).as_posix()
        for href in parsed.links:
            target = urljoin(page_url, href)
            parts = urlsplit(target)
            if not target.startswith(base_url) or parts.scheme not in ("http", "https"):
                continue  # another site, mailto:, data: ...
            path = root / unquote(parts.path[len(urlsplit(base_url).path) :])
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
