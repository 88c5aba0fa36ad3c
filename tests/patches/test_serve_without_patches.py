"""`make serve` without the patches: still correct, only less current.

With every patch off (`KB_PATCHES=off`), a saved article still reaches the served page (the
site is right without them), but a saved widget text does not reach the pages that embed the
widget until their own Markdown is saved: that is what dirty_widget_pages adds, and the on-side
is tested in tests/site/test_serve_reload.py.
"""

from __future__ import annotations

import time

from tools.dev.site_build import replace_in, served_copy, wait_for_text

PAGE = "tws/memory-allocation/"


def test_without_patches_serve_shows_article_edits_but_not_widget_edits(tmp_path):
    with served_copy(tmp_path, {"KB_PATCHES": "off"}) as url:
        replace_in(tmp_path / "docs" / "tws" / "memory-allocation.md", "\n## ", "\nEdit marker ABC\n\n## ")
        assert wait_for_text(url + PAGE, "Edit marker ABC", 120)
        texts = tmp_path / "widgets" / "kbwidgets" / "data" / "texts" / "units.toml"
        replace_in(texts, "Common memory values", "Usual memory values")
        time.sleep(8)  # a rebuild with the dirty_widget_pages patch takes about 2 s
        assert not wait_for_text(url + PAGE, "Usual memory values", 5)
        # Saving the page itself brings the new widget text.
        replace_in(tmp_path / "docs" / "tws" / "memory-allocation.md", "Edit marker ABC", "Edit marker ABD")
        assert wait_for_text(url + PAGE, "Usual memory values", 120)
