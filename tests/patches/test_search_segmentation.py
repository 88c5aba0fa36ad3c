"""The search index's Chinese words come from rjieba; they must be the words jieba gives."""

from __future__ import annotations

import re
from pathlib import Path

import jieba
import material.plugins.search.plugin as search_plugin
import pytest
from mkdocs.config import load_config

from hooks.patches import search_segmentation as chinese_segmentation

ROOT = Path(__file__).resolve().parents[2]
HAN_RUNS = re.compile(r"[\u4e00-\u9fff]+")


def _han_runs() -> list[str]:
    runs: list[str] = []
    for page in sorted((ROOT / "docs").rglob("*.zh.md")):
        runs += HAN_RUNS.findall(page.read_text("utf-8"))
    return runs


def test_every_chinese_page_is_cut_into_the_words_jieba_gives():
    runs = _han_runs()
    assert len(runs) > 300  # the seven articles, home and categories
    cuts = [(run, list(jieba.cut(run)), list(chinese_segmentation.cut(run.encode()))) for run in runs]
    different = [(run, theirs, ours) for run, theirs, ours in cuts if theirs != ours]
    assert different == []


def test_search_terms_readers_type_are_whole_words():
    # What the issue saw indexed as 内存\u200b分配, so that 分配 alone finds the memory article.
    assert list(chinese_segmentation.cut("内存分配".encode())) == ["内存", "分配"]
    assert list(chinese_segmentation.cut("临时密码".encode())) == ["临时", "密码"]


@pytest.fixture
def config():
    config = load_config(str(ROOT / "mkdocs.yml"))
    original = search_plugin.SearchIndex._segment_chinese
    yield config
    search_plugin.jieba = jieba
    search_plugin.SearchIndex._segment_chinese = original


def test_the_search_plugin_uses_rjieba(config):
    chinese_segmentation.on_config(config)
    assert search_plugin.jieba.cut is chinese_segmentation.cut
    index = search_plugin.SearchIndex()
    assert index._segment_chinese("TWS 内存分配 1536") == "TWS \u200b内存\u200b分配\u200b 1536"


def test_materials_segmentation_when_turned_off(config, monkeypatch):
    monkeypatch.setenv("KB_PATCH_SEARCH_SEGMENTATION", "0")
    chinese_segmentation.on_config(config)
    assert search_plugin.jieba is jieba
    assert search_plugin.SearchIndex._segment_chinese is not chinese_segmentation.segment_chinese


def test_a_custom_jieba_dictionary_keeps_jieba(config):
    config.plugins["material/search"].config["jieba_dict"] = "custom.txt"
    chinese_segmentation.on_config(config)
    assert search_plugin.jieba is jieba
