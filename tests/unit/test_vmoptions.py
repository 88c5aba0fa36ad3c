"""The tws.vmoptions fixer: the -Xmx line below the marker, every other byte kept."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kbwidgets.engine.errors import InputError
from kbwidgets.rules.vmoptions import MARKER, MAX_BYTES, fix

REAL = (
    b"-Xmx768m\r\n-XX:+UseG1GC\r\n-Dsun.java2d.noddraw=true\r\n"
    b"### Keep on update\r\n-Dinstaller.uuid=abc\r\n-DvmOptionsPath=C:\\Jts\\tws.vmoptions\r\n"
)


def test_the_xmx_line_moves_below_the_marker_with_the_new_value_and_crlf_stays():
    out = fix(REAL, 1536).data
    assert out == (
        b"-XX:+UseG1GC\r\n-Dsun.java2d.noddraw=true\r\n### Keep on update\r\n-Xmx1536m\r\n"
        b"-Dinstaller.uuid=abc\r\n-DvmOptionsPath=C:\\Jts\\tws.vmoptions\r\n"
    )


def test_fixing_twice_changes_nothing_more():
    once = fix(REAL, 1792)
    twice = fix(once.data, 1792)
    assert once.changed and not twice.changed and twice.data == once.data


@pytest.mark.parametrize(
    ("line", "mb"),
    [
        (b"-Xmx768m", 768),
        (b"-Xmx768M", 768),
        (b"-Xmx2g", 2048),
        (b"-Xmx2G", 2048),
        (b"-Xmx1048576k", 1024),
        (b"-Xmx1048576K", 1024),
        (b"-Xmx805306368", 768),
    ],
)
def test_units_in_either_case_are_understood(line, mb):
    result = fix(line + b"\n### Keep on update\n", 1536)
    assert result.previous_mb == [mb]
    assert result.data == b"### Keep on update\n-Xmx1536m\n"


def test_several_xmx_lines_become_one():
    result = fix(b"-Xmx512m\n-Xmx768m\n### Keep on update\n-Xmx1024m\n", 1536)
    assert result.data.count(b"-Xmx") == 1 and "duplicates_removed" in result.notes
    assert result.previous_mb == [512, 768, 1024]


def test_no_xmx_line_and_no_marker():
    result = fix(b"-Dfoo=1\n", 1536)
    assert result.data == b"-Dfoo=1\n### Keep on update\n-Xmx1536m\n"
    assert {"xmx_added", "marker_added"} <= set(result.notes)


def test_comments_bom_and_trailing_spaces_are_kept_byte_for_byte():
    data = b"\xef\xbb\xbf# my settings   \n#-Xmx512m (old)\n-Xmx768m   \n### Keep on update  \n-Dbar=2 \n"
    out = fix(data, 1536).data
    assert (
        out == b"\xef\xbb\xbf# my settings   \n#-Xmx512m (old)\n### Keep on update  \n-Xmx1536m\n-Dbar=2 \n"
    )


def test_last_line_without_a_newline():
    assert fix(b"### Keep on update\n-Xmx768m", 1536).data == b"### Keep on update\n-Xmx1536m"
    assert fix(b"-Xmx768m\n### Keep on update", 1536).data == b"### Keep on update\n-Xmx1536m\n"


def test_empty_file_gets_the_two_lines():
    result = fix(b"", 2048)
    assert result.data == MARKER.encode() + b"\n-Xmx2048m\n" and "empty_file" in result.notes


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"\x00\x01\x02binary", "vmoptions.binary"),
        (b"-Dx=1\n" * (MAX_BYTES // 6 + 1), "vmoptions.too_large"),
        (b"\xff\xfe" + b"\x00\xd8" + b"-\x00", "vmoptions.damaged"),  # UTF-16 with a lone surrogate
    ],
)
def test_binary_and_huge_files_are_refused_clearly(data, code):
    with pytest.raises(InputError) as caught:
        fix(data, 1536)
    assert caught.value.code == code
    assert "tws.vmoptions" in caught.value.message("en") and "tws.vmoptions" in caught.value.message("zh")


def test_cli_fixes_stdin_to_stdout_byte_exact():
    proc = subprocess.run(
        [sys.executable, "-m", "kbwidgets", "vmoptions", "--mb", "1536"],
        input=REAL,
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 0 and proc.stdout == fix(REAL, 1536).data


def test_cli_refuses_binary_with_status_2_in_the_requested_language():
    proc = subprocess.run(
        [sys.executable, "-m", "kbwidgets", "vmoptions", "--mb", "1536", "--lang", "zh"],
        input=b"\x00" * 100,
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 2 and "文本文件".encode() in proc.stdout


@pytest.mark.parametrize(
    ("line", "mb"),
    [
        (b"-Xmx1t", 1024 * 1024),
        (b"-Xmx1T", 1024 * 1024),
        (b"-XX:MaxHeapSize=3g", 3072),
        (b"  -Xmx2048m\t", 2048),
    ],
)
def test_every_heap_setting_the_jvm_reads_is_replaced(line, mb):
    result = fix(b"### Keep on update\n" + line + b"\n", 1792)
    assert result.data == b"### Keep on update\n-Xmx1792m\n" and result.previous_mb == [mb]


@pytest.mark.parametrize(
    "line", [b"-Xmx 2048m", b"-Xmx=2048m", b"-Xmx2048mb", b"-Xmx", b"-XX:MaxHeapSize 2g"]
)
def test_a_heap_line_the_jvm_cannot_read_is_replaced_and_named(line):
    result = fix(b"-Dfoo=1\n### Keep on update\n" + line + b"\n-Dbar=2\n", 1536)
    assert result.data == b"-Dfoo=1\n### Keep on update\n-Xmx1536m\n-Dbar=2\n"
    assert result.malformed_lines == [3] and "malformed_replaced" in result.notes
    assert "3" in _note_text(result, "en") and "第 3 行" in _note_text(result, "zh")


def _note_text(result, lang: str) -> str:
    from kbwidgets.widgets.vmoptions_fixer import _note

    return _note("malformed_replaced", result, lang)


def test_comments_that_mention_xmx_are_left_alone():
    data = b"# -Xmx512m was too small\n### Keep on update\n-Xmx768m\n"
    assert fix(data, 1536).data == b"# -Xmx512m was too small\n### Keep on update\n-Xmx1536m\n"


@pytest.mark.parametrize(
    ("encode", "name"),
    [
        (lambda text: text.encode("latin-1"), "8-bit"),
        (lambda text: b"\xff\xfe" + text.encode("utf-16-le"), "UTF-16 LE"),
        (lambda text: b"\xfe\xff" + text.encode("utf-16-be"), "UTF-16 BE"),
        (lambda text: text.encode("utf-16-le"), "UTF-16 LE"),  # Notepad's "Unicode" without a BOM
        (lambda text: b"\xff\xfe\x00\x00" + text.encode("utf-32-le"), "UTF-32 LE"),
    ],
)
def test_legacy_encodings_are_read_and_written_back_the_same_way(encode, name):
    before = "-Dname=Müller\r\n-Xmx768m\r\n### Keep on update\r\n"
    after = "-Dname=Müller\r\n### Keep on update\r\n-Xmx1536m\r\n"
    result = fix(encode(before), 1536)
    assert result.data == encode(after)
    assert result.encoding.startswith(name) and "encoding_kept" in result.notes
    assert fix(result.data, 1536).data == result.data


def test_a_lone_carriage_return_beside_a_crlf_keeps_its_empty_line():
    data = b"-Da=1\r\r\n-Xmx768m\r\n### Keep on update\r\n"
    assert fix(data, 1536).data == b"-Da=1\r\r\n### Keep on update\r\n-Xmx1536m\r\n"


def test_a_file_just_under_the_limit_can_be_fixed_again_and_again():
    filler = b"-Dx=" + b"a" * 60 + b"\n"
    data = filler * (MAX_BYTES // len(filler)) + b"-Xmx768m\n"
    assert len(data) <= MAX_BYTES + 10
    once = fix(data, 2048)
    assert len(once.data) > len(data) - 9  # grew by the marker line
    assert fix(once.data, 2048).data == once.data


def test_cli_answers_a_bad_mb_as_json_in_the_requested_language():
    proc = subprocess.run(
        [sys.executable, "-m", "kbwidgets", "vmoptions", "--mb", "abc", "--lang", "zh"],
        input=REAL,
        capture_output=True,
        timeout=60,
    )
    out = json.loads(proc.stdout)
    assert proc.returncode == 2 and out["error"]["code"] == "vmoptions.bad_value"
    assert "整数" in out["error"]["message"]
