"""The Traditional site's table for Simplified queries: each Han character of its pages under
its Simplified form, the pages' more frequent choice where two share one, and the glossary's
terms where the characters alone would not give the site's word."""

from __future__ import annotations

from pathlib import Path

from kbsite.glossary import Term
from kbsite.search_aliases import page_texts, search_aliases


def _term(zh: str, zh_hant: str) -> Term:
    return Term(en="x", zh=zh, zh_hant=zh_hant, avoid={})


def test_characters_of_the_pages_map_from_their_simplified_forms():
    table = search_aliases([], ["記憶體不足時，請檢查連接埠 4001。"])
    expected = {"记": "記", "忆": "憶", "体": "體", "时": "時", "请": "請", "检": "檢", "连": "連"}
    assert table["characters"] == expected  # 不, 足, 接, 埠 are the same in both scripts


def test_where_two_traditional_characters_share_a_simplified_one_the_more_frequent_wins():
    assert search_aliases([], ["頭髮", "發送 發出 發現"])["characters"]["发"] == "發"
    assert search_aliases([], ["頭髮 髮型 髮夾", "發送"])["characters"]["发"] == "髮"


def test_a_glossary_term_is_listed_only_when_its_characters_do_not_give_the_sites_word():
    terms = [_term("内存", "記憶體"), _term("账户", "帳戶"), _term("帐户", "帳戶"), _term("IB Key", "IB Key")]
    table = search_aliases(terms, ["帳戶"])
    # 帳 is written 帐 in Simplified: 帐户 needs no entry; the glossary's 账户 (賬 in OpenCC) does.
    assert table["terms"] == {"内存": "記憶體", "账户": "帳戶"}


def test_page_texts_leave_out_markup_scripts_and_comments(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<p title="標題">記憶體</p><script>var 腳本 = 1</script><!-- 註解 -->&amp;', encoding="utf-8"
    )
    texts = list(page_texts(tmp_path))
    assert len(texts) == 1
    assert "記憶體" in texts[0] and "&" in texts[0]
    assert "腳本" not in texts[0] and "註解" not in texts[0] and "標題" not in texts[0]
