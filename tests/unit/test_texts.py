"""Every interface text exists in every language, and the lookup refuses what it lacks."""

from __future__ import annotations

import string

import pytest

from kbwidgets import LANGUAGES
from kbwidgets.engine.texts import TextError, flatten_texts, t, ui_texts


def test_every_text_has_every_language():
    for key, texts in ui_texts().items():
        assert set(texts) <= set(LANGUAGES), key
        assert all(texts[lang].strip() for lang in LANGUAGES), key


def test_placeholders_match_across_languages():
    fields = lambda text: {name for _, name, _, _ in string.Formatter().parse(text) if name}  # noqa: E731
    for key, texts in ui_texts().items():
        assert fields(texts["en"]) == fields(texts["zh"]) == fields(texts["zh-hant"]), key


def test_chinese_texts_are_chinese():
    # A text copied into zh without translation would be pure ASCII.
    untranslated = [
        key for key, texts in ui_texts().items() if texts["zh"].isascii() and texts["en"] != texts["zh"]
    ]
    assert untranslated == []


def test_missing_language_is_an_error():
    with pytest.raises(TextError, match="missing text for zh"):
        flatten_texts({"greeting": {"en": "Hello"}})


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        t("runtime.ready", "fr")


def test_placeholders_are_filled():
    assert t("errors.unknown_widget", "zh", name="x") == "没有名为“x”的小工具。"


def test_a_key_defined_in_two_files_names_both(tmp_path):
    from kbwidgets.engine.texts import read_text_folder

    (tmp_path / "a.toml").write_text('[x.y]\nen = "A"\nzh = "甲"\n', "utf-8")
    (tmp_path / "b.toml").write_text('[x.y]\nen = "B"\nzh = "乙"\n', "utf-8")
    with pytest.raises(TextError, match=r"texts/b\.toml: x\.y is already defined in texts/a\.toml"):
        read_text_folder(tmp_path, "texts")
