"""Chinese cut into words for the search index (kbsite.search_words), with the real Node and
its ICU, the segmenter the reader's browser uses on a query."""

from __future__ import annotations

import shutil

import pytest

from kbsite.search_words import WordBreakError, break_words, han_runs, index_language, with_word_breaks

needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="Node is part of the README's setup")


def test_only_chinese_gets_a_language_pagefind_does_not_cut_again():
    assert index_language("zh-Hans") == "und-Hans"
    assert index_language("zh-Hant") == "und-Hant"
    assert index_language("en") is None


def test_runs_come_from_the_text_not_from_attributes_and_single_characters_stay():
    html = '<p title="記憶體分配">增加 TWS 的記憶體分配</p><p>或</p>'
    assert han_runs(html) == {"增加", "的記憶體分配"}


@needs_node
def test_traditional_words_are_cut_whole_as_the_browser_cuts_a_query():
    words = break_words(["的記憶體分配", "使用者名稱", "連接埠"], "zh-Hant")
    assert words["的記憶體分配"].split() == ["的", "記憶體", "分配"]
    assert "".join(words["使用者名稱"].split()) == "使用者名稱"
    assert words["連接埠"].split()[0] != "連"  # not the per-character split jieba gives


@needs_node
def test_the_copy_for_the_index_changes_only_the_text():
    html = '<h1 id="記憶體">TWS 的記憶體分配</h1><a href="/zh-hant/記憶體/">記憶體</a>'
    words = break_words(han_runs(html), "zh-Hant")
    copy = with_word_breaks(html, words)
    assert copy == '<h1 id="記憶體">TWS 的 記憶體 分配</h1><a href="/zh-hant/記憶體/"> 記憶體</a>'


def test_without_node_the_build_stops_saying_what_is_missing(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PATH", "")
    with pytest.raises(WordBreakError, match="Node"):
        break_words(["記憶體"], "zh-Hant")


@needs_node
def test_chinese_punctuation_is_set_apart_so_the_words_next_to_it_are_indexed_alone():
    html = "<p>1536。幾乎（記憶體）</p>"
    copy = with_word_breaks(html, break_words(han_runs(html), "zh-Hant"))
    assert copy == "<p>1536。 幾乎 （ 記憶體 ）</p>"


@needs_node
def test_punctuation_after_a_link_is_set_apart_too():
    html = "<p>見<a href='x'>說明</a>）。</p>"
    copy = with_word_breaks(html, break_words(han_runs(html), "zh-Hant"))
    assert copy == "<p>見<a href='x'> 說明 </a>）。</p>"


@needs_node
def test_han_text_in_two_elements_stays_two_words():
    html = "<p>前往<a href='x'>無法登入</a></p>"
    copy = with_word_breaks(html, break_words(han_runs(html), "zh-Hant"))
    assert copy == "<p>前往<a href='x'> 無法 登入</a></p>"
