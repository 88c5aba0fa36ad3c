"""The tws.vmoptions fixer: the -Xmx line below the marker, every other byte kept."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
    assert result.data == MARKER + b"\n-Xmx2048m\n" and "empty_file" in result.notes


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"\x00\x01\x02binary", "vmoptions.binary"),
        (b"\xff\xfe-\x00X\x00", "vmoptions.binary"),
        (b"-Dx=1\n" * (MAX_BYTES // 6 + 1), "vmoptions.too_large"),
    ],
)
def test_binary_and_huge_files_are_refused_clearly(data, code):
    with pytest.raises(InputError) as caught:
        fix(data, 1536)
    assert caught.value.code == code
    assert "tws.vmoptions" in caught.value.message("en") and "tws.vmoptions" in caught.value.message("zh")


line_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x00"), max_size=30
)
line_end = st.sampled_from([b"\n", b"\r\n"])


IS_XMX = re.compile(rb"\s*-Xmx\d+[kKmMgG]?\s*")


@given(st.lists(st.tuples(line_text, line_end), max_size=12), st.integers(min_value=256, max_value=4096))
def test_every_other_line_is_byte_identical_and_the_fix_is_idempotent(lines, mb):
    data = b"".join(text.encode("utf-8") + end for text, end in lines)
    fixed = fix(data, mb)
    wanted = b"-Xmx%dm" % mb
    untouched = [ln for ln in data.splitlines(keepends=True) if not IS_XMX.fullmatch(ln.rstrip(b"\r\n"))]
    out = fixed.data.splitlines(keepends=True)
    # Exactly one -Xmx line, right below the marker, with the new value.
    xmx_at = [i for i, ln in enumerate(out) if IS_XMX.fullmatch(ln.rstrip(b"\r\n"))]
    assert len(xmx_at) == 1 and out[xmx_at[0]].rstrip(b"\r\n") == wanted
    assert out[xmx_at[0] - 1].strip().lower() == MARKER.lower()
    # Every other line is there, in order, byte for byte; a marker line may have been added.
    rest = out[: xmx_at[0]] + out[xmx_at[0] + 1 :]
    if "marker_added" in fixed.notes:
        newline = b"\r\n" if b"\r\n" in data else b"\n"
        assert rest == [*untouched, MARKER + newline]
    else:
        assert rest == untouched
    assert fix(fixed.data, mb).data == fixed.data


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
