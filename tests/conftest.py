"""Shared fixtures: one real build of the site per test session, served on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))


@dataclass
class BuiltSite:
    root: Path
    log: str
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """`mkdocs build --strict` of the working tree into a fresh directory.

    The site is built for the address it will be served at (site_url), as a deployment is:
    Material's instant navigation only handles links listed in the sitemap, by full URL.
    """
    out = tmp_path_factory.mktemp("site")
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", KB_SITE_URL=f"http://127.0.0.1:{port}/")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    log = proc.stdout + proc.stderr
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{log}")
    return BuiltSite(out, log, port)


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite) -> str:
    from serve_site import SiteServer

    with SiteServer(built_site.root, port=built_site.port) as server:
        yield server.url
