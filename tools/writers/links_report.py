"""Links of the built site (`make links`): every outgoing address, page by page, and every
internal link or anchor that leads nowhere (kbsite.linkcheck, kbsite.outgoing).

Run on the finished HTML, so it lists what readers get: links typed in articles, named links
and KB references once resolved, and the static versions of widgets. Exits 1 when an internal
link is broken; the outgoing list is for the writer to read, not a test.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kbsite.linkcheck import broken_links
from kbsite.outgoing import outgoing_addresses

ROOT = Path(__file__).resolve().parents[2]


def page_url(root: Path, page: Path) -> str:
    """The address a reader sees for a built page: /tws/connectivity/ for tws/connectivity/index.html."""
    relative = page.relative_to(root).as_posix()
    return "/" + relative.removesuffix("index.html")


def outgoing_by_page(root: Path) -> dict[str, list[str]]:
    """{page address: its outgoing addresses}, pages in address order, writers' pages included."""
    pages = {}
    for page in sorted(root.rglob("*.html"), key=lambda path: page_url(root, path)):
        addresses = outgoing_addresses(page.read_text("utf-8"))
        if addresses:
            pages[page_url(root, page)] = addresses
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site", help="the built site (site/)")
    parser.add_argument("--base-url", default="http://127.0.0.1:8000/", help="the address it was built for")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        print(f"{args.site} holds no built site: run `make build` first", file=sys.stderr)
        return 2
    pages = outgoing_by_page(args.site)
    every = sorted({address for addresses in pages.values() for address in addresses})
    print(f"Outgoing links: {len(every)} addresses on {len(pages)} pages")
    for page, addresses in pages.items():
        print(f"  {page}")
        for address in addresses:
            print(f"    {address}")
    broken = broken_links(args.site, args.base_url)
    print(f"Internal links that lead nowhere: {len(broken)}")
    for problem in broken:
        print(f"  {problem}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
