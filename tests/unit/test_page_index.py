"""The page index of a language build (kbsite.pages), built from plain files, no mkdocs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kbsite import SiteError
from kbsite.languages import Language, relative_root
from kbsite.pages import SourceFile, build_index

LANGUAGES = (Language("en", "English", "", True), Language("zh", "简体中文", "zh/"))


def _write(root: Path, name: str, front: str, body: str = "# Title\n") -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8")
    return path


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    _write(
        docs,
        "tws/memory.md",
        "title: Memory\nsummary: s\ntags: [tws]\nkb: [KB100]",
        "[[widget memory-units]]\n",
    )
    _write(docs, "tws/memory.zh.md", "title: 内存\nsummary: s\ntags: [tws]\nkb: [KB100]")
    _write(docs, "tws/solo.md", "title: Solo\nsummary: s\ntags: [tws]")
    _write(docs, "writers/guide.md", "title: Guide\npublic: false")
    return docs


def _zh_build(docs: Path) -> list[SourceFile]:
    """What static-i18n hands the Chinese build: a twin, an English stand-in, a private page."""
    return [
        SourceFile(
            "tws/memory.zh.md",
            "zh/tws/memory/",
            docs / "tws/memory.zh.md",
            "zh",
            False,
            {"en": ("tws/memory/", "en"), "zh": ("zh/tws/memory/", "zh")},
        ),
        SourceFile(
            "tws/solo.md",
            "zh/tws/solo/",
            docs / "tws/solo.md",
            "en",
            False,
            {"en": ("tws/solo/", "en"), "zh": ("zh/tws/solo/", "en")},
        ),
        SourceFile("writers/guide.md", "zh/writers/guide/", docs / "writers/guide.md", "en", False, {}),
    ]


def test_each_page_knows_its_language_twins_and_visibility(docs):
    index = build_index("zh", LANGUAGES, _zh_build(docs), {}, docs)
    memory, solo, guide = (index.page(uri) for uri in ("tws/memory.zh.md", "tws/solo.md", "writers/guide.md"))
    assert memory.indexable and not memory.stand_in
    assert memory.twins == {"en": "tws/memory/", "zh": "zh/tws/memory/"}
    assert solo.stand_in and not solo.indexable  # the English text shown on the Chinese site
    assert solo.twins == {"en": "tws/solo/"}
    assert not guide.public and not guide.indexable
    assert index.folder == "zh/"


def test_only_indexable_pages_reach_the_sitemap_and_related_articles(docs):
    commits = {"tws/memory.zh.md": dt.date(2026, 11, 30)}
    index = build_index("zh", LANGUAGES, _zh_build(docs), commits, docs)
    entries = index.sitemap_entries()
    assert [(e.url, e.lastmod) for e in entries] == [("zh/tws/memory/", "2026-11-30")]
    assert [a.url for a in index.related.articles] == ["zh/tws/memory/"]
    assert index.kb_coverage == {"KB100": "zh/tws/memory/"}


def test_the_switcher_leads_to_the_twin_or_the_other_languages_home(docs):
    index = build_index("zh", LANGUAGES, _zh_build(docs), {}, docs)
    switch = {entry["lang"]: entry for entry in index.switcher(index.page("tws/memory.zh.md"))}
    assert switch["en"]["url"] == "tws/memory/" and switch["zh"]["current"]
    solo = {entry["lang"]: entry for entry in index.switcher(index.page("tws/solo.md"))}
    assert solo["zh"]["translated"] is False
    guide = {entry["lang"]: entry for entry in index.switcher(index.page("writers/guide.md"))}
    assert guide["en"]["url"] == "" and guide["zh"]["url"] == "zh/"  # no twin: the home page


def test_the_index_knows_which_pages_embed_a_widget(docs):
    english = SourceFile("tws/memory.md", "tws/memory/", docs / "tws/memory.md", "en", False, {})
    index = build_index("en", LANGUAGES, [english], {}, docs)
    assert index.page("tws/memory.md").widgets == ("memory-units",)


def test_a_broken_embed_names_the_line_a_writer_sees_in_the_file(docs):
    path = _write(docs, "tws/bad.md", "title: Bad\nsummary: s", "# Bad\n\nText\n\n[[widget nope]]\n")
    bad = SourceFile("tws/bad.md", "tws/bad/", path, "en", False, {})
    # Front matter is lines 1-4, so the embed is on line 9 of the file.
    with pytest.raises(SiteError, match=r"^docs/tws/bad\.md:9: unknown widget 'nope'"):
        build_index("en", LANGUAGES, [bad], {}, docs)


@pytest.mark.parametrize(
    ("page", "folder", "expected"),
    [
        ("", "", ""),
        ("tws/", "", "../"),
        ("tws/memory-allocation/", "", "../../"),
        ("404.html", "", ""),
        ("zh/", "zh/", ""),
        ("zh/tws/memory-allocation/", "zh/", "../../"),
        ("zh/404.html", "zh/", ""),
        ("zh-hant/tws/", "zh-hant/", "../"),
    ],
)
def test_relative_root_leads_from_a_page_to_its_languages_home(page, folder, expected):
    assert relative_root(page, folder) == expected
