"""`python -m kbwidgets`: for ANY input, exit 0 with the answer or exit 2 with one JSON error,
in the requested language, never an internal error and never a traceback."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kbwidgets.entrypoints.cli import main
from kbwidgets.entrypoints.json_input import MAX_INPUT

HAN = "\u4e00"  # any Chinese message holds at least one character of the Han block


def _is_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def run(args: list[str], data: bytes, locale: str = "C.UTF-8") -> tuple[int, bytes, str]:
    """The real command, as a process, under `locale` (C means ASCII stdout)."""
    env = {**os.environ, "LC_ALL": locale, "LANG": locale}
    env.pop("PYTHONIOENCODING", None)
    env.pop("PYTHONUTF8", None)
    proc = subprocess.run(
        [sys.executable, "-m", "kbwidgets", *args], input=data, capture_output=True, env=env, timeout=60
    )
    return proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace")


def _error(stdout: bytes) -> dict[str, str]:
    out = json.loads(stdout.decode("utf-8"))  # strict: the output must be UTF-8
    assert set(out) == {"error"} and set(out["error"]) == {"code", "message"}
    return out["error"]


ACCESS_OK = {
    "situation": "passcode_expired",
    "passcode_issued_at": "2026-11-20T09:00Z",
    "now": "2026-11-23T09:00Z",
}


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"[" * 1000 + b"]" * 1000, "too_deep"),
        (b'{"situation": "card_expired", "now": ' + b"9" * 4301 + b', "lang": "zh"}', "number_too_long"),
        (b'{"situation": "card_expired", "lang": "zh", "now": 1e999}', "number_too_long"),
        (b'{"situation": "card_expired", "lang": "zh", "now": NaN}', "number_too_long"),
        (b'{"situation": {"x": 1}, "lang": "zh"}', "bad_field"),
        (b'{"situation": "passcode_expired", "now": 5, "lang": "zh"}', "bad_field"),
        (b'{"situation": "passcode_expired", "phone_has_internet": "yes", "lang": "zh"}', "bad_field"),
        (
            b'{"situation": "passcode_expired", "passcode_issued_at": "9999-12-30T00:00Z",'
            b' "now": "9999-12-31T00:00Z", "lang": "zh"}',
            "access.implausible_date",
        ),
        (
            b'{"situation": "passcode_expired", "passcode_issued_at": "0026-11-20", "lang": "zh"}',
            "access.implausible_date",
        ),
        (b'{"situation": "card_expired", "lang": "zh", "colour": "red"}', "unknown_field"),
        (b'{"lang": "zh", "situation": "card_expired"', "bad_json"),  # unparseable, yet in Chinese
        (b'{"lang": "zh", "situation": "\xff"}', "bad_encoding"),
        (b'["lang", "zh"]', "not_an_object"),
    ],
)
def test_hostile_access_input_is_a_chinese_error_not_an_internal_one(data, code):
    status, stdout, stderr = run(["access", "--lang", "zh"], data, locale="C")
    error = _error(stdout)
    assert (status, error["code"]) == (2, code)
    assert _is_chinese(error["message"]) and "Traceback" not in stderr


def test_the_input_s_own_lang_wins_even_when_another_field_is_wrong():
    status, stdout, _ = run(["access"], json.dumps({"situation": 3, "lang": "zh"}).encode())
    assert status == 2 and _is_chinese(_error(stdout)["message"])


def test_a_byte_order_mark_is_accepted():
    status, stdout, _ = run(["access"], b"\xef\xbb\xbf" + json.dumps({**ACCESS_OK, "lang": "zh"}).encode())
    assert status == 0 and json.loads(stdout)["outcome"] == "passcode_expired"


def test_output_is_utf8_json_whatever_the_locale():
    status, stdout, _ = run(["access"], json.dumps({**ACCESS_OK, "lang": "zh"}).encode(), locale="C")
    assert status == 0 and _is_chinese(json.loads(stdout.decode("utf-8"))["title"])


def test_stdin_is_read_up_to_a_limit_not_whole():
    status, stdout, _ = run(["memory", "--lang", "zh"], b" " * (MAX_INPUT + 10))
    error = _error(stdout)
    assert status == 2 and error["code"] == "too_large" and _is_chinese(error["message"])


@pytest.mark.parametrize(
    "args",
    [["vmoptions"], ["vmoptions", "--mb"], ["memory", "--nope"], ["no-such-command"], ["access", "--lang"]],
)
def test_argument_errors_are_json_in_the_requested_language(args):
    status, stdout, stderr = run([*args, "--lang", "zh"] if args[-1] != "--lang" else args, b"")
    error = _error(stdout)
    assert status == 2 and error["code"] == "bad_argument" and "usage:" not in stdout.decode() + stderr


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["vmoptions", "--mb"], "`python -m kbwidgets vmoptions --help`"),
        (["--zzz"], "`python -m kbwidgets --help`"),
    ],
)
def test_an_argument_error_points_at_a_help_command_that_exists(args, hint):
    status, stdout, _ = run(args, b"")
    assert status == 2 and hint in _error(stdout)["message"]


@pytest.mark.parametrize(
    ("request_", "code"),
    [
        ({"os": "solaris"}, "bad_choice"),
        ({"os": "windows", "os_bits": 48}, "memory.bad_bits"),
        ({"os": "windows", "os_bits": True}, "bad_field"),
        ({"os": "windows", "current_mb": "2048"}, "bad_field"),
        ({"os": "windows", "symptoms": "slow"}, "bad_field"),
        ({"os": "windows", "symptoms": ["slow", 3]}, "bad_choice"),
        ({"os": "windows", "tws_version": ["972"]}, "bad_field"),
    ],
)
def test_memory_fields_of_the_wrong_kind_name_the_field(request_, code):
    status, stdout, _ = run(["memory"], json.dumps({**request_, "lang": "zh"}).encode())
    error = _error(stdout)
    assert (status, error["code"]) == (2, code) and _is_chinese(error["message"])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)
field_names = st.sampled_from(
    [
        "situation",
        "now",
        "passcode_issued_at",
        "card_activated_at",
        "phone_has_internet",
        "lang",
        "os",
        "os_bits",
        "available_mb",
        "current_mb",
        "symptoms",
        "tws_version",
        "other",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["access", "memory"]), st.dictionaries(field_names, json_values, max_size=6))
def test_no_request_ever_gets_an_internal_error(command, request_):
    out = io.BytesIO()
    status = main([command], stdin=io.BytesIO(json.dumps(request_).encode()), stdout=out)
    payload = json.loads(out.getvalue().decode("utf-8"))
    assert status in (0, 2)
    if status == 2:
        assert payload["error"]["code"] != "internal", (request_, payload)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_no_bytes_ever_get_an_internal_error(data):
    for command in ("access", "memory"):
        out = io.BytesIO()
        assert main([command], stdin=io.BytesIO(data), stdout=out) == 2
        assert json.loads(out.getvalue().decode("utf-8"))["error"]["code"] != "internal"


@pytest.mark.parametrize("lang", ["zh", "zh-Hant", "en"])
@pytest.mark.parametrize("os_field", [{}, {"os": None}])
def test_a_missing_choice_is_called_missing_not_python_s_none(lang: str, os_field: dict[str, None]):
    status, stdout, _ = run(["memory"], json.dumps({"current_mb": 1536, **os_field, "lang": lang}).encode())
    error = _error(stdout)
    assert (status, error["code"]) == (2, "missing_field")
    assert "os" in error["message"] and "None" not in error["message"]
    assert _is_chinese(error["message"]) == (lang != "en")
