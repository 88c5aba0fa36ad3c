"""`python -m kbwidgets login-report`: the issue's contract, key for key, as a real process."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cli_contract import _error, _is_chinese, run

from kbwidgets.entrypoints.cli import main

REPORT = (
    b"Username,Application Type,Login Time\n"
    b"bob,Mobile Trader,2026-01-15 09:30:00\n"
    b"alice,TWS,2026-01-17 09:30:00 EST\n"
    b"alice,TWS,2026-03-08 02:30:00\n"
    b"Zoe,TWS,2026-11-01 01:30:00\n"
    b"carol,TWS,31/01/2026 09:30\n"
)


def test_output_keys_and_rules(tmp_path):
    users = tmp_path / "clients.txt"
    users.write_bytes(b"alice\ncarol\ndan\n")
    status, stdout, _ = run(["login-report", "--tz", "Asia/Hong_Kong", "--users", str(users)], REPORT, "C")
    out = json.loads(stdout.decode("utf-8"))
    assert status == 0
    assert list(out) == [
        "rows",
        "skipped",
        "period",
        "platforms",
        "users",
        "inactive",
        "off_hours",
        "dst_flagged",
    ]
    assert out["rows"] == 5 and [s["line"] for s in out["skipped"]] == [6]
    assert out["period"] == {"first": "2026-01-15T22:30:00+08:00", "last": "2026-11-01T13:30:00+08:00"}
    assert out["platforms"] == {"Mobile Trader": 1, "TWS": 3}
    assert [u["username"] for u in out["users"]] == ["Zoe", "alice", "bob"]  # by code point
    assert out["users"][1] == {
        "username": "alice",
        "logins": 2,
        "first_login": "2026-01-17T22:30:00+08:00",
        "last_login": "2026-03-08T15:30:00+08:00",
        "platforms": {"TWS": 2},
    }
    assert out["inactive"] == ["carol", "dan"]  # carol's only row was skipped
    assert out["dst_flagged"] == 2
    # In Hong Kong: bob 22:30 Thu (off), alice Sat (off), alice 15:30 Sun (off), Zoe 13:30 Sun (off).
    assert out["off_hours"] == 4


def test_defaults_are_new_york_and_fixed_minus_5_flags_nothing():
    _, stdout, _ = run(["login-report"], REPORT)
    out = json.loads(stdout)
    assert out["period"]["first"] == "2026-01-15T09:30:00-05:00" and out["dst_flagged"] == 2
    _, stdout, _ = run(
        ["login-report", "--source-tz", "fixed-5", "--tz", "UTC", "--off-hours", "24-0"], REPORT
    )
    out = json.loads(stdout)
    assert out["dst_flagged"] == 0 and out["users"][0]["first_login"] == "2026-11-01T06:30:00+00:00"
    assert out["off_hours"] == 3  # weekends only: 24-0 leaves every weekday hour inside


@pytest.mark.parametrize(
    ("args", "data", "code"),
    [
        (["--tz", "Mars/Olympus"], REPORT, "login.unknown_zone"),
        (["--tz", "../../etc/passwd"], REPORT, "login.unknown_zone"),
        (["--source-tz", "EST"], REPORT, "login.unknown_source"),
        (["--off-hours", "late"], REPORT, "login.bad_off_hours"),
        (["--columns", "user=Nobody"], REPORT, "login.unknown_column"),
        (["--columns", "who=Username"], REPORT, "login.unknown_role"),
        (["--columns", "user"], REPORT, "login.bad_columns"),
        (["--users", "/no/such/file"], REPORT, "login.users_unreadable"),
        ([], b"", "login.empty"),
        ([], b"Name,Count\nx,1\n", "login.no_column"),
        ([], b"\x00\x01PK\x03\x04" * 20, "login.not_text"),
        (["--nope"], REPORT, "bad_argument"),
    ],
)
def test_bad_input_is_a_json_error_in_the_requested_language(args, data, code):
    status, stdout, stderr = run(["login-report", *args, "--lang", "zh"], data, "C")
    error = _error(stdout)
    assert (
        (status, error["code"]) == (2, code) and _is_chinese(error["message"]) and "Traceback" not in stderr
    )


def test_a_header_with_no_rows_is_zero_rows():
    status, stdout, _ = run(["login-report"], b"\xef\xbb\xbfUser\tApp\tTime\r\n")
    assert status == 0 and json.loads(stdout)["rows"] == 0


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_no_bytes_ever_get_an_internal_error(data):
    out = io.BytesIO()
    status = main(["login-report"], stdin=io.BytesIO(b"User,App,Time\n" + data), stdout=out)
    payload = json.loads(out.getvalue().decode("utf-8"))
    assert status in (0, 2)
    assert status == 0 or payload["error"]["code"] != "internal"
