"""Reading the fields of a request (CLI JSON, browser events) without trusting their types.

A request is untrusted input: `"situation": {"x": 1}`, `"now": 5` or a 4,000-digit number must
give the caller a message naming the field and what it should be, in the caller's language,
never an internal error. `Fields` hands out each field checked, and refuses fields it does not
know, so a misspelt field name is reported instead of silently ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from kbwidgets.engine.errors import InputError, Localized

MAX_TEXT = 200  # characters: a date, a version, an amount; anything longer is not a value


def kind_of(value: object) -> Localized:
    """What a JSON value is, as a text key ("a list", "一个列表" ...)."""
    if value is None:
        return Localized("fields.kind.null")
    if isinstance(value, bool):
        return Localized("fields.kind.boolean")
    if isinstance(value, int | float):
        return Localized("fields.kind.number")
    if isinstance(value, str):
        return Localized("fields.kind.text")
    if isinstance(value, list):
        return Localized("fields.kind.list")
    return Localized("fields.kind.object")


class Fields:
    """The fields of one request object; every getter checks the type and names the field."""

    def __init__(self, request: Mapping[str, Any], known: Iterable[str]) -> None:
        self.request = request
        unknown = sorted(str(name) for name in request if name not in set(known))
        if unknown:
            raise InputError("unknown_field", field=unknown[0][:40], known=", ".join(sorted(known)))

    def _bad(self, name: str, expected: str) -> InputError:
        return InputError(
            "bad_field",
            field=name,
            expected=Localized(f"fields.expected.{expected}"),
            got=kind_of(self.request[name]),
        )

    def text(self, name: str, *, required: bool = False, max_length: int = MAX_TEXT) -> str | None:
        """A string field (None when absent or null and not required)."""
        value = self.request.get(name)
        if value is None:
            if required:
                raise InputError("missing_field", field=name)
            return None
        if not isinstance(value, str):
            raise self._bad(name, "text")
        if len(value) > max_length:
            raise InputError("field_too_long", field=name, limit=max_length)
        return value

    def choice(self, name: str, options: Iterable[str], *, default: str | None = None) -> str:
        """One of `options` (the default when absent); anything else names the options."""
        allowed = list(options)
        value = self.request.get(name)
        if value is None and default is not None:
            return default
        if value is None:  # absent or null: said so, not shown as Python's "None"
            raise InputError("missing_field", field=name)
        if not isinstance(value, str) or value not in allowed:
            raise InputError("bad_choice", field=name, known=", ".join(allowed), got=_shown(value))
        return value

    def flag(self, name: str) -> bool | None:
        value = self.request.get(name)
        if value is None:
            return None
        if not isinstance(value, bool):
            raise self._bad(name, "boolean")
        return value

    def whole(self, name: str, low: int, high: int) -> int | None:
        """A whole number from `low` to `high` (True/False are not numbers)."""
        value = self.request.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._bad(name, "whole")
        if not low <= value <= high:
            raise InputError("out_of_range", field=name, low=low, high=high)
        return value

    def texts(self, name: str, options: Iterable[str]) -> list[str]:
        """A list of some of `options` (empty when absent)."""
        allowed = list(options)
        value = self.request.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self._bad(name, "list")
        for item in value:
            if not isinstance(item, str) or item not in allowed:
                raise InputError("bad_choice", field=name, known=", ".join(allowed), got=_shown(item))
        return list(value)


def _shown(value: object) -> str:
    """A short, printable form of a refused value for the message."""
    try:
        text = value if isinstance(value, str) else repr(value)
    except ValueError:  # an integer too long to print
        text = "…"
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= 40 else text[:39] + "…"
