"""The widgets and the articles agree: every embedded widget is warmed up for the snapshot, and
widget links to our articles carry the articles' real titles."""

from __future__ import annotations

import re
from pathlib import Path

from kbsite import frontmatter
from kbsite.converted import converted_markdown
from kbwidgets.engine.texts import ui_texts
from kbwidgets.engine.widget import get_widget
from kbwidgets.entrypoints.browser import warm_up

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_warm_up_starts_every_interactive_widget_an_article_embeds():
    # The start-up snapshot is taken after warm_up(): a widget it missed would start slowly.
    embedded = {
        name
        for page in DOCS.rglob("*.md")
        for name in re.findall(r"\[\[widget ([a-z0-9-]+)", page.read_text("utf-8"))
    }
    interactive = {name for name in embedded if get_widget(name).interactive}
    assert interactive and interactive <= set(warm_up())


def test_widget_links_to_articles_use_the_articles_real_titles():
    for key, texts in ui_texts().items():
        if not key.startswith("articles."):
            continue
        path = key.removeprefix("articles.").rstrip("/")
        for lang, suffix in (("en", ".md"), ("zh", ".zh.md")):
            page = DOCS / f"{path}{suffix}"
            source = page if page.is_file() else DOCS / path / f"index{suffix}"
            assert frontmatter.read(source).meta["title"] == texts[lang], (key, lang)
        # The Traditional page's title: hand-written, or the Simplified page's converted.
        hand_written = [DOCS / f"{path}.zh-hant.md", DOCS / path / "index.zh-hant.md"]
        written = next((page for page in hand_written if page.is_file()), None)
        simplified_pages = (DOCS / f"{path}.zh.md", DOCS / path / "index.zh.md")
        simplified = next(page for page in simplified_pages if page.is_file())
        text = written.read_text("utf-8") if written else converted_markdown(simplified)
        assert frontmatter.parse(text).meta["title"] == texts["zh-hant"], (key, "zh-hant")
