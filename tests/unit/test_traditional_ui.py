"""Material's Traditional interface texts lose their Simplified characters and nothing else:
its wording, its keys and the template around them stay as Material wrote them."""

from __future__ import annotations

from kbsite.traditional_ui import traditional_characters

# Shaped like Material's partials/languages/zh-Hant.html (these four texts are its own).
TEMPLATE = """{#-
  This file was automatically generated - do not edit
-#}
{% macro t(key) %}{{ {
  "language": "zh-Hant",
  "footer": "頁脚",
  "search.result.one": "找到 1 个符合條件的結果",
  "search.result.more.one": "此頁尚有 1 個符合的項目",
  "clipboard.copy": "拷貝",
}[key] }}{% endmacro %}
"""


def test_only_the_simplified_characters_change():
    fixed, changed = traditional_characters(TEMPLATE)
    assert changed == {"頁脚": "頁腳", "找到 1 个符合條件的結果": "找到 1 個符合條件的結果"}
    assert fixed == TEMPLATE.replace("頁脚", "頁腳").replace("1 个", "1 個")


def test_traditional_wording_is_left_to_materials_translators():
    # Taiwan phrasing (s2twp, as the site's own texts use) would make these 專案 and 複製.
    fixed, _ = traditional_characters(TEMPLATE)
    assert '"此頁尚有 1 個符合的項目"' in fixed
    assert '"拷貝"' in fixed


def test_a_file_already_traditional_is_returned_as_it_is():
    clean = TEMPLATE.replace("頁脚", "頁腳").replace("1 个", "1 個")
    assert traditional_characters(clean) == (clean, {})
