"""What the build makes of the articles: descriptions, resolved shorthand, both languages."""

from __future__ import annotations

import re
from pathlib import Path

from content_facts import pairs

DOCS = Path(__file__).resolve().parents[2] / "docs"
import _frontmatter  # noqa: E402  (on sys.path through content_facts)


def _page(built_site, path: str) -> str:
    return (built_site.root / path / "index.html").read_text("utf-8")


def test_meta_description_is_the_articles_summary_in_each_language(built_site):
    for pair in pairs(DOCS):
        for source, prefix in ((pair.english, ""), (pair.chinese, "zh/")):
            if source is None or not _frontmatter.read(source).meta.get("summary"):
                continue
            slug = source.relative_to(DOCS).as_posix().removesuffix(".zh.md").removesuffix(".md")
            slug = "" if slug == "index" else slug.removesuffix("/index").removesuffix("index") + "/"
            html = _page(built_site, prefix + slug)
            summary = _frontmatter.read(source).meta["summary"]
            description = re.search(r'<meta name="description" content="([^"]*)">', html).group(1)
            assert description == summary.replace("&", "&amp;").replace('"', "&quot;"), source


def test_no_writer_shorthand_reaches_a_reader(built_site):
    code = re.compile(r"<(pre|code)\b.*?</\1>", re.S)  # the writer's guide shows the syntax
    for html_file in built_site.root.rglob("*.html"):
        html = code.sub("", html_file.read_text("utf-8"))
        assert 'href="link:' not in html, html_file
        assert "[[widget" not in html, html_file


def test_kb_references_are_marked_up_and_unlinked_without_a_template(built_site):
    html = _page(built_site, "zh/secure-login")
    assert '<span class="kb-ref">KB1131</span>' in html
    assert "KB references with no article of ours in the 'zh' pages" in built_site.log


def test_lost_links_keep_words_that_say_what_to_look_for(built_site):
    html = _page(built_site, "tws/connectivity")
    named = re.findall(r'<span class="kb-named-link" data-link="connectivity_test">(.*?)</span>', html, re.S)
    assert named and all("Connectivity Test" in re.sub("<[^>]+>", "", text) for text in named)


def test_widget_links_to_articles_use_the_articles_real_titles():
    from kbwidgets.engine.texts import ui_texts

    for key, texts in ui_texts().items():
        if not key.startswith("articles."):
            continue
        path = key.removeprefix("articles.").rstrip("/")
        for lang, suffix in (("en", ".md"), ("zh", ".zh.md")):
            source = DOCS / f"{path}{suffix}" if (DOCS / f"{path}{suffix}").is_file() else DOCS / path / f"index{suffix}"
            assert _frontmatter.read(source).meta["title"] == texts[lang], (key, lang)
