"""`make serve` for writers: a saved edit shows up on the page, articles and widget texts alike.

Runs the real `mkdocs serve --no-strict --dirty` (what `make serve` runs) on a copy of the
repository, edits files there, and reads the served pages over http.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tools.dev.site_build import replace_in as _replace
from tools.dev.site_build import served_copy as serve
from tools.dev.site_build import wait_for_text

PAGE = "tws/memory-allocation/"
TIMEOUT = 180  # seconds: a first build, or a rebuild that remakes the wheel and snapshot


@pytest.fixture(scope="module")
def served_copy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    copy = tmp_path_factory.mktemp("serve")
    with serve(copy, timeout=TIMEOUT) as url:
        yield copy, url


def test_a_saved_article_edit_is_served(served_copy):
    copy, url = served_copy
    _replace(copy / "docs" / "tws" / "memory-allocation.zh.md", "\n## ", "\n编辑标记甲乙丙\n\n## ")
    assert wait_for_text(url + "zh/" + PAGE, "编辑标记甲乙丙", TIMEOUT)


def test_a_saved_widget_text_edit_reaches_pages_that_embed_the_widget(served_copy):
    copy, url = served_copy
    texts = next(p for p in (copy / "widgets").rglob("*.toml") if "Common memory values" in p.read_text("utf-8"))
    _replace(texts, "Common memory values", "Usual memory values")
    # The page's own Markdown did not change; its static widget version must still be new.
    assert wait_for_text(url + PAGE, "Usual memory values", TIMEOUT)


def test_a_saved_widget_code_edit_reaches_pages_that_embed_the_widget(served_copy):
    copy, url = served_copy
    code = copy / "widgets" / "kbwidgets" / "widgets" / "memory_units.py"
    _replace(code, "COMMON_MB = (768, 1024, 1536, 1792, 2048)", "COMMON_MB = (768, 1024, 1536, 1792, 2048, 3584)")
    # The memory article's static conversion table is drawn by that code at build time.
    assert wait_for_text(url + PAGE, "3584 MB", TIMEOUT)


def test_widget_code_that_does_not_import_is_retried_on_the_next_save(served_copy):
    copy, url = served_copy
    code = copy / "widgets" / "kbwidgets" / "widgets" / "memory_units.py"
    # A syntax error stops that rebuild (mkdocs then holds requests until a build succeeds).
    _replace(code, "COMMON_MB = (", "COMMON_MB = ((")
    time.sleep(5)
    _replace(code, "COMMON_MB = ((", "COMMON_MB = (4608, ")
    assert wait_for_text(url + PAGE, "4608 MB", TIMEOUT)
