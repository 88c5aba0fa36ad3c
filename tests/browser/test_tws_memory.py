"""The TWS memory calculator and the tws.vmoptions fixer in Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from widgets import open_widget

EN = "tws/memory-allocation/"
ZH = "zh/tws/memory-allocation/"
ZH_HANT = "zh-hant/tws/memory-allocation/"
CRLF_FILE = (
    b"-Xms256m\r\n-Xmx768m\r\n-XX:+UseG1GC\r\n### Keep on update\r\n"
    b"-Dinstaller.uuid=8f4c\r\n-DvmOptionsPath=C:\\Jts\\tws.vmoptions\r\n"
)


def test_calculator_in_english_with_pasted_top_output(page: Page, site_url: str):
    page.goto(site_url + EN)
    live = open_widget(page, "tws-memory")
    live.get_by_label("macOS").check()
    live.get_by_label("Free memory", exact=False).fill(
        "PhysMem: 15G used (2934M wired, 1283M compressor), 1.2G unused."
    )
    live.get_by_label("Current allocation", exact=False).fill("768")
    live.get_by_label("TWS crashes").check()
    result = live.locator(".kbw-result")
    # 1.2 GB free: never more than that, rounded down to a step of 256 MB.
    expect(result.locator("h3")).to_have_text("Allocate 1024 MB")
    expect(result).to_contain_text("free memory")
    # Unknown version: both methods, each under its own heading, each a list from step 1.
    expect(result.locator("h4.kbw-steps-heading")).to_have_text(
        ["If your TWS is version 972 or later:", "If your TWS is older than version 972:"]
    )
    expect(result.locator(".kbw-steps").nth(0)).to_contain_text("Global Configuration")
    expect(result.locator(".kbw-steps").nth(1)).to_contain_text("Spotlight")


# Each Chinese site in its own script: the labels to fill, the error to read, and a word of the
# other script that must not show (the Traditional result says 記憶體, never 内存).
CHINESE = {
    "zh": (ZH, "当前分配值", "TWS 运行缓慢或反应迟钝", "不是有效的 TWS 版本号", "記憶體"),
    "zh-hant": (ZH_HANT, "當前分配值", "TWS 執行緩慢或反應遲鈍", "不是有效的 TWS 版本號", "内存"),
}


@pytest.mark.parametrize("lang", CHINESE)
def test_calculator_in_chinese_for_an_old_version_on_windows(page: Page, site_url: str, lang: str):
    path, current, slow, not_a_version, other_script = CHINESE[lang]
    page.goto(site_url + path)
    live = open_widget(page, "tws-memory")
    live.get_by_label("TWS 版本", exact=False).fill("9.65")
    live.get_by_label(current, exact=False).fill("1536")
    live.get_by_label(slow).check()
    result = live.locator(".kbw-result")
    expect(result.locator("h3")).to_have_text("分配 1792 MB")
    expect(result.locator(".kbw-steps")).to_contain_text("WIN+R")
    expect(result.locator(".kbw-steps")).not_to_contain_text("Global Configuration")
    expect(result).not_to_contain_text(other_script)
    live.get_by_label("TWS 版本", exact=False).fill("ten")
    live.get_by_label("TWS 版本", exact=False).press("Tab")
    expect(live.locator(".kbw-error")).to_contain_text(not_a_version)


def test_upload_a_crlf_file_and_download_it_fixed(page: Page, site_url: str, tmp_path):
    page.goto(site_url + EN + "?version=960&current=1536&symptoms=freezes")
    live = open_widget(page, "tws-memory")
    expect(live.locator(".kbw-result h3")).to_have_text("Allocate 1792 MB")
    original = tmp_path / "tws.vmoptions"
    original.write_bytes(CRLF_FILE)
    live.locator('input[type="file"]').set_input_files(str(original))
    expect(live.locator(".kbw-diff")).to_contain_text("+-Xmx1792m")
    with page.expect_download() as download_info:
        live.get_by_role("link", name="Download the corrected tws.vmoptions").click()
    fixed = tmp_path / "fixed.vmoptions"
    download_info.value.save_as(fixed)
    assert fixed.read_bytes() == (
        b"-Xms256m\r\n-XX:+UseG1GC\r\n### Keep on update\r\n-Xmx1792m\r\n"
        b"-Dinstaller.uuid=8f4c\r\n-DvmOptionsPath=C:\\Jts\\tws.vmoptions\r\n"
    )


def test_a_binary_file_is_refused_in_the_readers_language(page: Page, site_url: str, tmp_path):
    page.goto(site_url + ZH + "?version=960")
    live = open_widget(page, "tws-memory")
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    live.locator('input[type="file"]').set_input_files(str(picture))
    expect(live.locator(".kbw-fixer .kbw-error")).to_contain_text("这不是文本文件")
    expect(live.locator(".kbw-diff")).to_have_count(0)
