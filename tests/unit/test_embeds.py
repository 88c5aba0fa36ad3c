"""Embedding a widget in Markdown, and the build errors a writer gets."""

from __future__ import annotations

import pytest

from kbsite import SiteError
from kbsite.embeds import container_html, find_embeds


def test_an_embed_line_becomes_a_slot():
    markdown, names = find_embeds("# Title\n\n[[widget memory-units]]\n\nText", "docs/a.md")
    assert names == ["memory-units"]
    assert 'data-kbw-slot="0"' in markdown and "[[widget" not in markdown


def test_unknown_widget_names_the_file_line_and_known_widgets():
    with pytest.raises(
        SiteError, match=r"docs/a\.md:3: unknown widget 'memory-unit'\. Known widgets: .*memory-units"
    ):
        find_embeds("a\n\n[[widget memory-unit]]\n", "docs/a.md")


@pytest.mark.parametrize(
    "line", ["[[widget]]", "[[ widget memory-units ]]", "[[widget memory-units]] trailing", "[[Widget X]]"]
)
def test_malformed_embed_is_an_error_with_the_line(line):
    with pytest.raises(SiteError, match=r"docs/b\.md:2: malformed widget embed"):
        find_embeds(f"intro\n{line}\n", "docs/b.md")


def test_embeds_inside_code_fences_are_documentation_not_widgets():
    markdown, names = find_embeds("```md\n[[widget nope]]\n```\n", "docs/guide.md")
    assert names == [] and "[[widget nope]]" in markdown


def test_container_carries_the_fallback_and_texts_in_the_page_language():
    html = container_html("memory-units", 0, "zh", "../pyodide/")
    assert 'class="kbw-static"' in html and "1536 MB" in html
    assert "使用交互版本" in html and "Use the interactive version" not in html
    assert 'data-kbw-runtime="../pyodide/"' in html
