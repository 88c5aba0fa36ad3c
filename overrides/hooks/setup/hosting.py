"""What a host needs beside the pages, written after every `mkdocs build`: precompressed copies
of the large static files (kbsite.precompress) and the `_headers` file of security and caching
headers for static hosts and CDNs (kbsite.hosting). Not under `mkdocs serve`, which serves
neither."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from hooks import i18n, order
from kbsite.hosting import headers_file
from kbsite.precompress import precompress

_serving = False


def on_startup(*, command: str, **_: object) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(order.ABOUT_THE_SITE)
def on_post_build(config: MkDocsConfig) -> None:
    if _serving or i18n.is_nested_build(config):
        return
    site = Path(config.site_dir)
    root = Path(config.config_file_path).parent
    precompress(site, root / ".cache" / "precompressed")
    paths = [path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()]
    (site / "_headers").write_text(headers_file(paths), encoding="utf-8")
