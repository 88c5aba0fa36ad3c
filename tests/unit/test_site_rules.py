"""The build rules that turn writers' shorthand into links, and that check front matter."""

from __future__ import annotations

import datetime as dt

import pytest

from kbsite import SiteError, frontmatter
from kbsite.frontmatter_rules import problems
from kbsite.named_links import check_names, missing_warning, resolve
from kbsite.references import link_references

# --- KB references -------------------------------------------------------------------------------


def test_kb_ids_link_to_our_article_or_template_or_stay_text():
    ours = {"KB1131": "../../secure-login/"}
    target = lambda kb: ours.get(kb)  # noqa: E731
    html, unresolved = link_references("<p>See KB1131 and KB70.</p>", target)
    assert html == (
        '<p>See <a class="kb-ref" href="../../secure-login/">KB1131</a>'
        ' and <span class="kb-ref">KB70</span>.</p>'
    )
    assert unresolved == {"KB70"}
    templated, _ = link_references("<p>KB70</p>", lambda kb: f"https://kb.example/{kb[2:]}")
    assert templated == '<p><a class="kb-ref" href="https://kb.example/70">KB70</a></p>'


def test_kb_ids_in_code_links_and_headings_are_left_alone():
    html = '<h2 id="kb1">About KB1</h2><p><code>KB2</code> <a href="x">KB3</a> <kbd>KB4</kbd> KB5</p>'
    out, unresolved = link_references(html, lambda _kb: None)
    assert unresolved == {"KB5"}
    assert out.count('class="kb-ref"') == 1


def test_words_containing_kb_are_not_references():
    out, unresolved = link_references("<p>KB2816a, XKB12, KB</p>", lambda _kb: None)
    assert unresolved == set() and out == "<p>KB2816a, XKB12, KB</p>"


# --- named links ----------------------------------------------------------------------------------


def test_named_link_with_an_address_becomes_a_link():
    html = '<p>Open <a href="link:connectivity_test">the IB Connectivity Test page</a>.</p>'
    assert resolve(html, {"connectivity_test": "https://example.com/test"}) == (
        '<p>Open <a href="https://example.com/test">the IB Connectivity Test page</a>.</p>',
        set(),
    )


def test_named_link_to_a_kb_id_leads_where_the_kb_reference_would_in_the_pages_language():
    html = '<p><a href="link:ios">IB Key on iPhone</a></p>'
    out, missing = resolve(html, {"ios": "KB2278"}, lambda kb: f"https://ibkr.info/zh-hans/article/{kb[2:]}")
    assert not missing
    assert out == '<p><a href="https://ibkr.info/zh-hans/article/2278">IB Key on iPhone</a></p>'


def test_named_link_without_an_address_keeps_its_words_and_is_reported_for_the_warning():
    html = '<p>Open <a href="link:connectivity_test">the IB Connectivity Test page</a>.</p>'
    out, missing = resolve(html, {"connectivity_test": ""})
    assert "<a " not in out and "the IB Connectivity Test page" in out
    assert missing == {"connectivity_test"}
    assert "docs/a.md: no address for link:connectivity_test" in missing_warning("docs/a.md", missing)


def test_unknown_named_link_stops_the_build_with_file_and_line():
    with pytest.raises(SiteError, match=r"docs/a\.md:3: unknown link target 'link:conectivity_test'"):
        check_names("x\n\nsee [it](link:conectivity_test)\n", {"connectivity_test": ""}, "docs/a.md")


# --- front matter ---------------------------------------------------------------------------------

TODAY = dt.date(2026, 11, 23)
GOOD = """---
id: tws-memory-allocation
title: Memory
summary: How much memory to give TWS.
tags: [tws, memory]
platforms: [tws, windows]
last_reviewed: 2026-11-20
---
# Memory
"""


def _problems(text: str, is_index: bool = False) -> list[str]:
    return problems(frontmatter.parse(text), is_index=is_index, platforms=["tws", "windows"], today=TODAY)


def test_complete_front_matter_passes():
    assert _problems(GOOD) == []


def test_each_problem_names_its_line_and_the_fix():
    bad = GOOD.replace("platforms: [tws, windows]", "platforms: [tws, mac]").replace(
        "last_reviewed: 2026-11-20", "last_reviewed: 2027-01-01"
    )
    assert _problems(bad) == [
        "line 6: unknown platform 'mac'; use one of: tws, windows (extra.platforms)",
        "line 7: `last_reviewed: 2027-01-01` is in the future",
    ]


def test_missing_article_keys_are_listed():
    found = _problems("---\ntitle: T\nsummary: S.\n---\n")
    assert [p.split(":", 1)[1].split("`")[1] for p in found] == [
        "id:",
        "tags:",
        "platforms:",
        "last_reviewed:",
    ]


def test_index_pages_need_only_title_and_summary():
    assert _problems("---\ntitle: T\nsummary: S.\n---\n", is_index=True) == []


def test_broken_yaml_reports_its_line():
    found = _problems("---\ntitle: T\nsummary: [unclosed\n---\n")
    assert len(found) == 1 and found[0].startswith("line ")


def test_writer_pages_are_not_held_to_article_rules():
    assert _problems("---\ntitle: Guide\npublic: false\n---\n") == []


# --- last updated ---------------------------------------------------------------------------------


def test_without_git_the_update_date_comes_from_front_matter(tmp_path):
    from kbsite.gitdates import git_dates, updated_on
    from kbwidgets.rules.dates import format_day

    assert git_dates(tmp_path) == {}  # a tarball build: not a repository
    reviewed = {"last_reviewed": dt.date(2026, 5, 1)}
    assert updated_on(None, reviewed) == dt.date(2026, 5, 1)
    assert updated_on(dt.date(2026, 6, 2), reviewed) == dt.date(2026, 6, 2)
    assert updated_on(None, {}) is None
    assert format_day(dt.date(2026, 6, 2), "zh") == "2026年6月2日"
    assert format_day(dt.date(2026, 6, 2), "en") == "2 June 2026"


def test_related_articles_share_the_most_tags_first():
    from kbsite.related import Article, RelatedIndex

    index = RelatedIndex(
        [
            Article("a/", "A", frozenset({"tws", "memory"})),
            Article("b/", "B", frozenset({"tws"})),
            Article("c/", "C", frozenset({"login"})),
            Article("self/", "Self", frozenset({"tws", "memory"})),
        ]
    )
    shown = index.best_for("self/", frozenset({"tws", "memory"}))
    assert [(article.url, article.title) for article in shown] == [("a/", "A"), ("b/", "B")]


# --- language builds under serve ---------------------------------------------------------------


def test_saving_an_english_page_with_a_twin_does_not_rebuild_chinese(tmp_path):
    from kbsite.changes import languages_to_rebuild

    (tmp_path / "a.md").write_text("x")
    (tmp_path / "a.zh.md").write_text("x")
    (tmp_path / "solo.md").write_text("x")
    codes = ["en", "zh"]
    assert languages_to_rebuild([tmp_path / "a.md"], codes, "en") == set()
    assert languages_to_rebuild([tmp_path / "a.zh.md"], codes, "en") == {"zh"}
    # An English page without a twin stands in on the Chinese site.
    assert languages_to_rebuild([tmp_path / "solo.md"], codes, "en") == {"zh"}
    assert languages_to_rebuild([tmp_path / "picture.png"], codes, "en") == {"zh"}


def test_saving_a_simplified_page_rebuilds_its_converted_traditional_page_only(tmp_path):
    from kbsite.changes import languages_to_rebuild

    for name in ("a.md", "a.zh.md", "b.md", "b.zh.md", "b.zh-hant.md", "solo.md"):
        (tmp_path / name).write_text("x")
    codes = ["en", "zh", "zh-hant"]
    assert languages_to_rebuild([tmp_path / "a.zh.md"], codes, "en") == {"zh", "zh-hant"}  # converted
    assert languages_to_rebuild([tmp_path / "b.zh.md"], codes, "en") == {"zh"}  # written by hand
    assert languages_to_rebuild([tmp_path / "b.zh-hant.md"], codes, "en") == {"zh-hant"}
    assert languages_to_rebuild([tmp_path / "a.md"], codes, "en") == set()
    assert languages_to_rebuild([tmp_path / "solo.md"], codes, "en") == {"zh", "zh-hant"}


# --- front matter report and bundles --------------------------------------------------------------


def test_an_article_id_used_twice_names_both_files():
    from kbsite.frontmatter_rules import report

    doc = frontmatter.parse(
        "---\nid: same\ntitle: T\nsummary: S.\ntags: [a]\nplatforms: [tws]\nlast_reviewed: 2026-01-01\n---\n"
    )
    found = report([("docs/a.md", doc, False), ("docs/b.md", doc, False)], platforms=["tws"], today=TODAY)
    assert found == ["docs/b.md:2: id 'same' is already used by docs/a.md"]


def test_kb_must_be_a_list():
    assert _problems(GOOD.replace("tags: [tws, memory]", "tags: [tws, memory]\nkb: KB1131")) == [
        "line 6: `kb:` must be a list, e.g. kb: [KB1131]"
    ]


def test_bundles_join_their_parts_in_order():
    from kbsite.bundles import BUNDLES, build_bundles, sources

    made = build_bundles(lambda source: f"/* {source} */\n")
    css = made["assets/stylesheets/kb.css"]
    assert css.index("theme.css") < css.index("widgets.css") < css.index("page.css")  # print rules last
    assert sources() == {part for parts in BUNDLES.values() for part in parts}
