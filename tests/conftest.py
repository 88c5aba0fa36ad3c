"""Shared fixtures: one real build of the site per test session, served on 127.0.0.1."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GROUPS = ("unit", "content", "site", "patches", "browser")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each test is marked with its folder: `pytest -m unit` runs tests/unit/ only, and so on."""
    for item in items:
        group = Path(str(item.fspath)).relative_to(ROOT / "tests").parts[0]
        if group in GROUPS:
            item.add_marker(getattr(pytest.mark, group))


@dataclass
class BuiltSite:
    root: Path
    log: str
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """`mkdocs build --strict` of the working tree into a fresh directory.

    The site is built for the address it will be served at (site_url), as a deployment is:
    Material's instant navigation only handles links listed in the sitemap, by full URL.
    """
    from tools.dev.site_build import build_site, free_port

    out = tmp_path_factory.mktemp("site")
    port = free_port()
    proc = build_site(out, port)
    log = proc.stdout + proc.stderr
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{log}")
    return BuiltSite(out, log, port)


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite) -> str:
    """The built site served by Debian's nginx, configured as deployed (kbsite.nginx): every
    browser test runs under the strict Content-Security-Policy and the other headers."""
    from tools.dev import nginx_server

    if not nginx_server.available():
        pytest.fail("nginx not found: run `make test`, which installs Debian's nginx")
    with nginx_server.NginxServer(built_site.root, built_site.port) as server:
        yield server.url
