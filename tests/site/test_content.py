"""What the build makes of the articles: descriptions, resolved shorthand, every language."""

from __future__ import annotations

import re
from pathlib import Path

from kbsite import frontmatter
from kbsite.converted import converted_markdown
from kbsite.facts import pairs

DOCS = Path(__file__).resolve().parents[2] / "docs"
# Each language's folder, and the start of IBKR's knowledge-base addresses in that language.
IBKR_KB = {"en": "https://ibkr.info/article/", "zh": "https://ibkr.info/zh-hans/article/",
           "zh-hant": "https://ibkr.info/zh-hant/article/"}
LEAVES = {"en": "(leaves this help centre)", "zh": "（离开本帮助中心）", "zh-hant": "（離開本說明中心）"}


def _language_of(relative: str) -> str:
    return "zh-hant" if relative.startswith("zh-hant/") else "zh" if relative.startswith("zh/") else "en"


def _page(built_site, path: str) -> str:
    return (built_site.root / path / "index.html").read_text("utf-8")


def test_meta_description_is_the_articles_summary_in_each_language(built_site):
    for pair in pairs(DOCS):
        # a Traditional page is the hand-written one, or else the Simplified one converted
        traditional = pair.traditional or pair.chinese
        for source, prefix in ((pair.english, ""), (pair.chinese, "zh/"), (traditional, "zh-hant/")):
            if source is None or not frontmatter.read(source).meta.get("summary"):
                continue
            slug = source.relative_to(DOCS).as_posix().split(".", 1)[0]
            slug = "" if slug == "index" else slug.removesuffix("/index").removesuffix("index") + "/"
            html = _page(built_site, prefix + slug)
            summary = frontmatter.read(source).meta["summary"]
            if prefix == "zh-hant/" and pair.traditional is None:
                summary = frontmatter.parse(converted_markdown(source)).meta["summary"]
            description = re.search(r'<meta name="description" content="([^"]*)">', html).group(1)
            assert description == summary.replace("&", "&amp;").replace('"', "&quot;"), source


def test_no_writer_shorthand_reaches_a_reader(built_site):
    code = re.compile(r"<(pre|code)\b.*?</\1>", re.S)  # the writer's guide shows the syntax
    for html_file in built_site.root.rglob("*.html"):
        html = code.sub("", html_file.read_text("utf-8"))
        assert 'href="link:' not in html, html_file
        assert "[[widget" not in html, html_file


def _public_pages(built_site):
    for html_file in built_site.root.rglob("*.html"):
        relative = html_file.relative_to(built_site.root).as_posix()
        if "writers/" not in relative and not relative.endswith("404.html"):
            yield relative, html_file.read_text("utf-8")


def test_no_kb_reference_or_named_link_is_left_as_plain_text_on_a_public_page(built_site):
    for relative, html in _public_pages(built_site):
        assert '<span class="kb-ref">' not in html, relative
        assert 'class="kb-named-link"' not in html, relative
    assert "no address for link:" not in built_site.log
    assert "KB references with no address" not in built_site.log


def test_every_kb_reference_on_a_chinese_page_opens_ibkrs_chinese_article(built_site):
    for relative, html in _public_pages(built_site):
        hrefs = re.findall(r'<a class="kb-ref[^"]*" href="([^"]*)"', html)
        hrefs += re.findall(r'<a href="(https://ibkr\.info/[^"]*)"', html)
        lang = _language_of(relative)
        for href in hrefs:
            assert href.startswith((IBKR_KB[lang], "../", "./")), (relative, href)


def test_every_outgoing_link_is_marked_and_opens_in_the_same_tab(built_site):
    anchor = re.compile(r'<a\b([^>]*)href="(https?://[^"]*)"([^>]*)>(.*?)</a>', re.S)
    for relative, html in _public_pages(built_site):
        article = html.split('<article', 1)[-1].split("</article>", 1)[0]
        leaves = LEAVES[_language_of(relative)]
        for before, href, after, text in anchor.findall(article):
            attrs = before + after
            assert "kb-out" in attrs and 'target="' not in attrs, (relative, href)
            assert leaves in text and 'aria-hidden="true">\u2060↗' in text, (relative, href)


def test_the_build_reports_which_kb_ids_are_ours_and_which_go_out(built_site):
    for lang in ("en", "zh"):
        assert f"KB references in the '{lang}' pages: covered by our articles (" in built_site.log
    assert "linked to IBKR's knowledge base (" in built_site.log
