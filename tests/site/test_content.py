"""What the build makes of the articles: descriptions, resolved shorthand, both languages."""

from __future__ import annotations

import re
from pathlib import Path

from kbsite import frontmatter
from kbsite.facts import pairs

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _page(built_site, path: str) -> str:
    return (built_site.root / path / "index.html").read_text("utf-8")


def test_meta_description_is_the_articles_summary_in_each_language(built_site):
    for pair in pairs(DOCS):
        for source, prefix in ((pair.english, ""), (pair.chinese, "zh/")):
            if source is None or not frontmatter.read(source).meta.get("summary"):
                continue
            slug = source.relative_to(DOCS).as_posix().removesuffix(".zh.md").removesuffix(".md")
            slug = "" if slug == "index" else slug.removesuffix("/index").removesuffix("index") + "/"
            html = _page(built_site, prefix + slug)
            summary = frontmatter.read(source).meta["summary"]
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
