"""Errors a reader can cause, with a stable code and a message in the reader's language."""

from __future__ import annotations

from kbwidgets.texts import t


class InputError(ValueError):
    """Bad input from a reader or a caller. `code` is stable; the message text is in ui.toml
    under `errors.<code>` and may use the `values` placeholders."""

    def __init__(self, code: str, **values: object) -> None:
        super().__init__(code)
        self.code = code
        self.values = values

    def message(self, lang: str) -> str:
        return t(f"errors.{self.code}", lang, **self.values)

    def as_json(self, lang: str) -> dict:
        return {"error": {"code": self.code, "message": self.message(lang)}}
