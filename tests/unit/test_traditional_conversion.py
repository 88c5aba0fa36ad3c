"""Simplified → Traditional at build time: phrase by phrase, the glossary deciding, Markdown's
structure untouched; hand-written Traditional pages win; outdated ones are reported.

Expected strings are written out by hand (what a Taiwan reader expects), not computed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kbsite.converted import Conversion, conversions, with_notice
from kbsite.languages import relative_root
from kbsite.traditional import converter
from kbsite.translations import stamp, status
from kbwidgets.engine.traditional import StaleTraditionalTexts, complete

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [
        ("内存不足", "記憶體不足"),  # by phrase: a character table gives 內存
        ("默认设置", "預設設定"),
        ("网络连接", "網路連線"),
        ("无法登录", "無法登入"),
        ("我的账户", "我的帳戶"),  # the glossary: OpenCC alone gives 賬戶
        ("账户管理", "帳戶管理"),
        ("端口 4001", "連接埠 4001"),  # the glossary: OpenCC alone gives 埠
        ("打开终端", "開啟終端機"),
        ("打开终端机", "開啟終端機"),  # not 終端機機
        ("这只会更慢", "這只會更慢"),  # not the measure word 隻
        ("2 天后失效", "2 天後失效"),  # not 天后, the goddess
        ("最长 3 周", "最長 3 週"),
        ("点击“继续”", "點選「繼續」"),
        ("IBKR Mobile（移动IBKR）", "IBKR Mobile（移動IBKR）"),
    ],
)
def test_text_is_converted_by_phrase_with_the_glossary_deciding(simplified: str, traditional: str):
    assert converter().text(simplified) == traditional


def test_what_is_not_prose_stays_as_written_in_markdown():
    source = (
        "---\ntitle: 内存设置\nid: tws-memory\n---\n"
        "运行 `内存.sh`，按 ++ctrl+alt++，见[说明](../tws/memory-allocation.md#内存不足)。\n\n"
        "```text\n内存 = 1536\n```\n\n"
        '<span title="内存">内存</span> { #note-1 }\n\n[[widget tws-memory]]\n\n'
        "[^1]: 脚注里的内存。\n[ref]: https://example.com/内存\n"
    )
    out = converter().markdown(source)
    assert out.startswith("---\ntitle: 記憶體設定\nid: tws-memory\n---\n")
    assert "執行 `内存.sh`" in out  # code keeps its Simplified text
    assert "++ctrl+alt++" in out
    assert "](../tws/memory-allocation.md#記憶體不足)" in out  # the fragment matches the heading
    assert "```text\n内存 = 1536\n```" in out
    assert '<span title="内存">記憶體</span> { #note-1 }' in out
    assert "[[widget tws-memory]]" in out
    assert "[^1]: 腳註裡的記憶體。" in out  # a footnote is prose
    assert "[ref]: https://example.com/内存" in out


def test_a_hand_written_traditional_page_wins_over_conversion():
    uris = ["index.md", "index.zh.md", "tws/a.md", "tws/a.zh.md", "tws/b.zh.md", "tws/b.zh-hant.md", "c.md"]
    assert conversions(uris) == [
        Conversion("index.zh-hant.md", "index.zh.md", "zh-hant"),
        Conversion("tws/a.zh-hant.md", "tws/a.zh.md", "zh-hant"),
    ]


def test_the_converted_line_goes_under_the_title_and_links_to_the_original():
    html = '<h1 id="x">記憶體</h1><p>正文</p>'
    href = relative_root("zh-hant/tws/m/", "zh/tws/m/")
    out = with_notice(html, "由簡體中文自動轉換。", "檢視<原文>", href, "zh-Hans")
    # data-pagefind-ignore: not every converted page's search excerpt
    line = '<p class="kb-converted" data-pagefind-ignore><small>由簡體中文自動轉換。 '
    assert out.startswith('<h1 id="x">記憶體</h1>' + line)
    assert '<a href="../../../zh/tws/m/" hreflang="zh-Hans">檢視&lt;原文&gt;</a>' in out
    assert relative_root("zh-hant/", "zh/") == "../zh/"


def _write(path: Path, title: str, body: str, extra: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {title}\n{extra}---\n# {title}\n\n{body}\n", "utf-8")


def test_a_hand_written_traditional_page_is_outdated_when_its_simplified_source_changes(tmp_path: Path):
    docs = tmp_path / "docs"
    _write(docs / "a.md", "A", "Port 4001.")
    _write(docs / "a.zh.md", "甲", "端口 4001。")
    _write(docs / "a.zh-hant.md", "甲", "連接埠 4001。")
    _write(docs / "b.md", "B", "Text.")
    _write(docs / "b.zh.md", "乙", "正文。")
    stamp(docs / "a.zh.md")
    stamp(docs / "a.zh-hant.md")
    stamp(docs / "b.zh.md")
    report = status(docs)
    assert report["outdated"] == [] and report["unstamped"] == []
    assert report["traditional_handwritten"] == ["docs/a.zh-hant.md"]
    assert report["traditional_converted"] == ["docs/b.zh-hant.md (converted)"]
    _write(docs / "a.zh.md", "甲", "端口 4002。")  # the Simplified page changes
    assert status(docs)["outdated"] == ["docs/a.zh-hant.md (translated from an earlier docs/a.zh.md)"]


def test_a_widget_text_is_converted_when_asked_for_and_a_given_traditional_text_wins():
    calls: list[str] = []

    def convert(text: str) -> str:
        calls.append(text)
        return "轉換後"

    texts = complete({"en": "Next", "zh": "下一步"}, convert)
    assert calls == []  # nothing converted while the text table is read
    assert texts["zh-hant"] == "轉換後" and texts["zh"] == "下一步"
    assert complete({"en": "Next", "zh": "下一步", "zh-hant": "下一頁"}, convert)["zh-hant"] == "下一頁"


def test_a_text_the_generated_file_does_not_know_names_the_fix():
    texts = complete({"en": "New", "zh": "一句还没有转换的新话"})
    with pytest.raises(StaleTraditionalTexts, match="make setup"):
        texts["zh-hant"]


def _cli(command: str, payload: dict) -> tuple[int, dict]:
    done = subprocess.run(
        [sys.executable, "-m", "kbwidgets", command], input=json.dumps(payload).encode(), capture_output=True
    )
    return done.returncode, json.loads(done.stdout)


def test_the_command_line_answers_in_traditional_for_zh_hant():
    code, answer = _cli("memory", {"lang": "zh-Hant", "os": "windows", "tws_version": "10.30"})
    assert code == 0 and "記憶體" in json.dumps(answer, ensure_ascii=False)
    code, error = _cli("memory", {"lang": "zh-Hant", "symptom": "slow"})
    assert code == 2 and "欄位" in error["error"]["message"] and "栏位" not in error["error"]["message"]
    code, error = _cli("memory", {"lang": "zh-Hans", "symptom": "slow"})
    assert code == 2 and "字段" in error["error"]["message"]
