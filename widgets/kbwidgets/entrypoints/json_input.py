"""Reading one JSON request from untrusted bytes, with every failure a clear InputError.

Limits come first, so no input can cost more than they allow: at most MAX_INPUT bytes are ever
read, nesting deeper than MAX_DEPTH is refused before the JSON parser sees it (it would recurse
until Python's recursion limit), and numbers are read by hooks that refuse the absurd (a
4,000-digit integer, 1e999, NaN) instead of letting them reach the rules.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from kbwidgets.engine.errors import InputError, Localized

MAX_INPUT = 1_000_000  # bytes: a request is a few hundred
MAX_DEPTH = 32
MAX_NUMBER_DIGITS = 30
# What the standard library's decoder says, as our text keys (json.* in data/texts/fields.toml).
JSON_PROBLEMS = {
    "Expecting value": "expecting_value",
    "Expecting property name enclosed in double quotes": "expecting_name",
    "Expecting ',' delimiter": "expecting_comma",
    "Expecting ':' delimiter": "expecting_colon",
    "Unterminated string starting at": "unterminated_string",
    "Invalid control character at": "control_character",
    "Invalid \\escape": "bad_escape",
    "Extra data": "extra_data",
}


def read_limited(stream: BinaryIO, limit: int) -> bytes:
    """Up to `limit` bytes of `stream`; one byte more is enough to know it is too large."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError("too_large", limit_kb=limit // 1024)
    return data


def decode_utf8(data: bytes) -> str:
    """UTF-8 text, a leading byte order mark allowed; anything else names the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError("bad_encoding", position=error.start + 1) from None


def nesting_depth(text: str) -> int:
    """The deepest nesting of [ and { outside strings (a scan, no recursion)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _number_too_long() -> InputError:
    return InputError("number_too_long")


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _number_too_long()
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if len(text) > MAX_NUMBER_DIGITS + 10 or value in (float("inf"), float("-inf")):
        raise _number_too_long()
    return value


def _constant(_name: str) -> Any:  # NaN, Infinity, -Infinity: Python accepts them, JSON does not
    raise _number_too_long()


def parse_request(data: bytes) -> dict[str, Any]:
    """The one JSON object `data` holds; InputError for anything else."""
    text = decode_utf8(data)
    if nesting_depth(text) > MAX_DEPTH:
        raise InputError("too_deep", limit=MAX_DEPTH)
    try:
        request = json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except InputError:
        raise
    except json.JSONDecodeError as error:
        detail = Localized(f"json.{JSON_PROBLEMS.get(error.msg, 'other')}")
        raise InputError("bad_json", detail=detail, line=error.lineno, column=error.colno) from None
    except (ValueError, RecursionError):  # an integer past Python's own digit limit
        raise _number_too_long() from None
    if not isinstance(request, dict):
        from kbwidgets.engine.fields import kind_of

        raise InputError("not_an_object", got=kind_of(request))
    return request
