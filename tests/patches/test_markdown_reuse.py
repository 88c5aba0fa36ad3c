"""A reused Markdown converter must give every page exactly what a fresh one gives."""

from __future__ import annotations

from pathlib import Path

import markdown
from mkdocs.config import load_config
from mkdocs.utils import meta

from hooks.patches.markdown_reuse import reused_markdown

ROOT = Path(__file__).resolve().parents[2]
# Footnotes, abbreviations, tabs, code and tables all keep state between pages unless reset.
TRICKY = """# Title

Text with a footnote[^1] and an HTML abbreviation.

*[HTML]: Hyper Text Markup Language

[^1]: The footnote.

=== "One"

    ```python
    print(1)
    ```

=== "Two"

    | a | b |
    |---|---|
    | 1 | 2 |
"""


def _pages() -> list[str]:
    texts = [meta.get_data(p.read_text("utf-8"))[0] for p in sorted((ROOT / "docs").rglob("*.md"))]
    # The tricky page twice, and between real pages: state would show on the second copy.
    return [TRICKY, *texts[:5], TRICKY, *texts[5:], TRICKY]


def test_every_page_converts_the_same_with_a_reused_converter():
    config = load_config(str(ROOT / "mkdocs.yml"))
    options = {"extensions": config["markdown_extensions"], "extension_configs": config["mdx_configs"]}
    pages = _pages()
    assert len(pages) > 20
    for text in pages:
        fresh = markdown.Markdown(**options)
        expected = (fresh.convert(text), fresh.toc_tokens)
        reused = reused_markdown(**options)
        assert (reused.convert(text), reused.toc_tokens) == expected


def test_the_converter_is_reused_only_for_the_same_configuration():
    config = load_config(str(ROOT / "mkdocs.yml"))
    options = {"extensions": config["markdown_extensions"], "extension_configs": config["mdx_configs"]}
    first = reused_markdown(**options)
    assert reused_markdown(**options) is first
    other = {"extensions": ["toc"], "extension_configs": {}}
    assert reused_markdown(**other) is not first
