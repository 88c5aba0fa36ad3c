"""Reading login reports as brokers have them: layouts, encodings, headers, bad rows."""

from __future__ import annotations

from datetime import UTC

import pytest

from kbwidgets.engine.errors import InputError
from kbwidgets.rules.login_analysis import analyse, parse_off_hours
from kbwidgets.rules.login_encoding import detect
from kbwidgets.rules.login_file import ROW_LIMIT, read_report, read_user_list
from kbwidgets.rules.login_times import SourceZone

NY = SourceZone("America/New_York")
ROWS = [("alice", "TWS", "2026-01-15 09:30:00"), ("bob", "Mobile Trader", "2026-01-16 23:10:00")]


def report_bytes(header: str, delimiter: str = ",", ending: str = "\n", rows=ROWS) -> str:
    lines = [header.replace(",", delimiter)] + [delimiter.join(row) for row in rows]
    return ending.join(lines) + ending


def answers(data: bytes, **kwargs):
    return analyse(read_report(data, NY, **kwargs), UTC).as_json("en")


@pytest.mark.parametrize("delimiter", [",", "\t", ";"])
@pytest.mark.parametrize("ending", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_delimiters_line_endings_and_bom(delimiter, ending, bom):
    data = bom + report_bytes("Username,Application Type,Login Time", delimiter, ending).encode()
    out = answers(data)
    assert out["rows"] == 2 and out["skipped"] == []
    assert [u["username"] for u in out["users"]] == ["alice", "bob"]
    assert out["users"][0]["first_login"] == "2026-01-15T14:30:00+00:00"
    assert out["platforms"] == {"Mobile Trader": 1, "TWS": 1}


@pytest.mark.parametrize(
    ("header", "codec"),
    [
        ("用户名,应用类型,登录时间", "gb18030"),
        ("用戶名稱,應用程式,登入時間", "big5"),
        ("帳號,平台,日期時間", "big5"),
        ("账号,平台,日期", "gb18030"),
        ("Username,Application,Login Time", "utf-16"),
        ("用户名,应用类型,登录时间", "utf-8"),
    ],
)
def test_chinese_headers_in_chinese_encodings_are_found(header, codec):
    data = report_bytes(header).encode(codec)
    assert detect(data) == codec
    assert answers(data)["users"][1]["platforms"] == {"Mobile Trader": 1}


def test_latin1_usernames_are_read_as_latin1():
    data = "Username,App,Time\nRenée,TWS,2026-01-15 09:30\nJosé,TWS,2026-01-15 09:31\n".encode("cp1252")
    assert detect(data) == "cp1252"
    assert [u["username"] for u in answers(data)["users"]] == ["José", "Renée"]


def test_chinese_usernames_under_an_english_header_in_gb18030_and_big5():
    rows = [("张伟", "TWS", "2026-01-15 09:30"), ("李娜", "TWS", "2026-01-15 09:31")]
    assert detect(report_bytes("User,App,Time", rows=rows).encode("gb18030")) == "gb18030"
    rows = [("陳大文", "TWS", "2026-01-15 09:30"), ("黃小明", "TWS", "2026-01-15 09:31")]
    big5 = report_bytes("User,App,Time", rows=rows).encode("big5")
    assert [u["username"] for u in answers(big5)["users"]] == sorted(["陳大文", "黃小明"])


def _workbook() -> bytes:
    """An Excel workbook as a reader might pick it by mistake: a zip of deflated XML."""
    import io
    import random
    import zipfile

    sheet = "".join(f"<row><c><v>{random.Random(n).random()}</v></c></row>" for n in range(400))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as workbook:
        workbook.writestr("xl/worksheets/sheet1.xml", f"<sheetData>{sheet}</sheetData>")
    return buffer.getvalue()


PICTURE = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
)  # high bytes in runs, as in any image


@pytest.mark.parametrize("data", [PICTURE, _workbook()], ids=["picture", "workbook"])
@pytest.mark.parametrize("lang", ["en", "zh", "zh-hant"])
def test_a_picture_or_a_workbook_is_called_not_a_text_file_not_an_unknown_chinese_encoding(data, lang):
    with pytest.raises(InputError) as refused:
        read_report(data, NY)
    assert refused.value.code == "login.not_text"
    assert "GB18030" not in refused.value.message(lang)


def test_binary_and_undecidable_files_are_refused_clearly():
    with pytest.raises(InputError) as refused:
        read_report(b"User,App,Time\n\x00\x01\x02\x03,TWS,2026-01-15 09:30\n", NY)
    assert refused.value.code == "login.not_text"
    with pytest.raises(InputError) as refused:
        read_report(b"User,App,Time\n\x81\x30\x81\x30\xff\xfe\xfd,TWS,2026-01-15 09:30\n", NY)
    assert refused.value.code == "login.unknown_encoding"
    assert "UTF-8" in refused.value.message("en") and "GB18030" in refused.value.message("zh")


def test_columns_by_name_anywhere_and_case_insensitively():
    data = b"ID,LOGIN TIME,Platform Name,Client USERNAME\n1,2026-01-15 09:30,TWS,alice\n"
    out = answers(data)
    assert out["users"][0]["username"] == "alice" and out["platforms"] == {"TWS": 1}


def test_columns_can_be_named_by_the_reader():
    data = b"Who,What,When,Time zone\nalice,TWS,2026-01-15 09:30,EST\n"
    out = answers(data, overrides={"user": "who", "app": "WHAT", "time": "When"})
    assert out["users"][0]["username"] == "alice"
    with pytest.raises(InputError) as refused:
        read_report(data, NY, overrides={"user": "nobody"})
    assert refused.value.code == "login.unknown_column" and "“Who”" in refused.value.message("en")
    with pytest.raises(InputError) as refused:
        read_report(data, NY)
    assert refused.value.code == "login.no_column" and "用户名" in refused.value.message("zh")


def test_a_files_own_column_names_are_quoted_in_the_readers_script_and_never_converted():
    with pytest.raises(InputError) as refused:
        read_report("颜色,尺寸\n红,大\n".encode(), NY)
    assert "“颜色”, “尺寸”" in refused.value.message("en")
    assert "“颜色”, “尺寸”" in refused.value.message("zh")
    # Traditional quotation marks around the file's text, which stays as the file has it
    assert "「颜色」, 「尺寸」" in refused.value.message("zh-hant")
    assert "使用者名稱" in refused.value.message("zh-hant")


def test_a_report_without_an_application_column_is_still_analysed():
    out = answers(b"User,Time\nalice,2026-01-15 09:30\n")
    assert out["platforms"] == {} and out["users"][0]["platforms"] == {}


def test_bad_rows_are_skipped_with_their_line_numbers_and_the_rest_analysed():
    data = (
        b"User,App,Time\n"
        b"alice,TWS,2026-01-15 09:30\n"  # line 2
        b",TWS,2026-01-15 09:30\n"  # 3: no user
        b"bob,TWS,yesterday\n"  # 4
        b"\n"  # 5: blank, ignored
        b"carol\n"  # 6: short
        b'dave,"TWS\nbeta",2026-01-15 09:30\n'  # 7-8: quoted newline, fine
        b"erin,TWS,13/01/2026 09:30\n"  # 9: day-first
        b"frank,TWS,2026-01-15, 09:30:00\n"  # 10: unquoted comma inside the time
        b"gina,TWS,20260115;093000,\n"  # 11: trailing delimiter
    )
    out = answers(data)
    assert out["rows"] == 8
    assert [(s["line"], s["reason"][:12]) for s in out["skipped"]] == [
        (3, "no username"),
        (4, "the login ti"),
        (6, "the row has "),
        (9, "the date loo"),
    ]
    assert [u["username"] for u in out["users"]] == ["alice", "dave", "frank", "gina"]


def test_empty_file_is_an_error_and_a_lone_header_is_zero_rows():
    for empty in (b"", b"\n\n", b"\xef\xbb\xbf"):
        with pytest.raises(InputError) as refused:
            read_report(empty, NY)
        assert refused.value.code == "login.empty"
    out = answers(b"User,App,Time\r\n")
    assert out["rows"] == 0 and out["users"] == [] and out["period"] == {"first": None, "last": None}


def test_inactive_clients_and_off_hours():
    data = (
        b"User,App,Time\n"
        b"alice,TWS,2026-01-15 09:30\n"  # Thursday 14:30 UTC
        b"alice,TWS,2026-01-17 09:30\n"  # Saturday
        b"bob,TWS,2026-01-15 18:00\n"  # 23:00 UTC: off-hours
        b"carol,TWS,not a time\n"
    )
    clients = read_user_list(b"\xef\xbb\xbfalice\r\ncarol\r\n\r\nzed\r\n")
    out = analyse(read_report(data, NY), UTC, clients, parse_off_hours("22-6")).as_json("zh")
    assert out["inactive"] == ["carol", "zed"] and out["off_hours"] == 2
    assert out["skipped"][0]["reason"] == "登录时间的格式无法识别"
    evening = analyse(read_report(data, NY), UTC, clients, parse_off_hours("14-6"))
    assert evening.off_hours == 3
    with pytest.raises(InputError):
        parse_off_hours("25-6")


def test_more_rows_than_the_limit_are_refused_with_the_limit():
    data = b"User,App,Time\n" + b"a,T,2026-01-15 09:30\n" * (ROW_LIMIT + 1)
    with pytest.raises(InputError) as refused:
        read_report(data, NY)
    assert refused.value.code == "login.too_many_rows" and "500,000" in refused.value.message("en")


def test_regular_and_irregular_files_are_read_alike():
    """A regular file is read column by column, an irregular one row by row: same answers."""
    regular = (
        b"User,App,Time\r\nalice,TWS,2026-03-08 02:30:00\r\n,TWS,2026-01-15 09:30\r\n"
        b"bob,TWS,01/15/2026 9:30 PM\r\ncarol,TWS,32/01/2026 09:30\r\ndave,Mobile Trader,20260115;093000\r\n"
    )
    irregular = regular + b"\r\n"  # a blank line at the end: the row-by-row reader
    assert answers(regular) == answers(irregular)
    assert [s["line"] for s in answers(regular)["skipped"]] == [3, 5]
