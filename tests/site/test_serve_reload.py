"""`make serve` for writers: a saved edit shows up on the page, articles and widget texts alike.

Runs the real `mkdocs serve --no-strict --dirty` (what `make serve` runs) on a copy of the
repository, edits files there, and reads the served pages over http.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from site_build import ROOT, free_port

PAGE = "tws/memory-allocation/"


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, timeout: float = 180) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in _page(url):
            return True
        time.sleep(0.3)
    return False


@pytest.fixture(scope="module")
def served_copy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    copy = tmp_path_factory.mktemp("serve")
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy2(ROOT / name, copy / name)
    for name in ("docs", "overrides", "widgets"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("node_modules", ".cache", "tools"):  # Pyodide, caches keyed by content, the snapshot script
        (ROOT / name).mkdir(exist_ok=True)
        (copy / name).symlink_to(ROOT / name)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=copy,
        # The copy's widgets, not the editable install's (the repository's own files).
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(copy / "widgets")),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        assert _wait_for(url + PAGE, "tws.vmoptions"), "mkdocs serve never served the page"
        time.sleep(2)  # let the file watcher settle
        yield copy, url
    finally:
        server.terminate()
        server.wait(timeout=30)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} is no longer in {path}: update this test"
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_saved_article_edit_is_served(served_copy):
    copy, url = served_copy
    _replace(copy / "docs" / "tws" / "memory-allocation.zh.md", "\n## ", "\n编辑标记甲乙丙\n\n## ")
    assert _wait_for(url + "zh/" + PAGE, "编辑标记甲乙丙")


def test_a_saved_widget_text_edit_reaches_pages_that_embed_the_widget(served_copy):
    copy, url = served_copy
    texts = next(p for p in (copy / "widgets").rglob("*.toml") if "Common memory values" in p.read_text("utf-8"))
    _replace(texts, "Common memory values", "Usual memory values")
    # The page's own Markdown did not change; its static widget version must still be new.
    assert _wait_for(url + PAGE, "Usual memory values")
