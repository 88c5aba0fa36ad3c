"""Errors a reader can cause, with a stable code and a message in the reader's language."""

from __future__ import annotations

from kbwidgets.engine.texts import t


class Localized(str):
    """A placeholder value that is itself an interface text key, shown in the reader's language."""


class Quoted(tuple[str, ...]):
    """Names from the reader's own input (a file's column headers), shown as they are, each in
    the quotation marks of the reader's language (“Login Name” / 「Login Name」), never converted."""


def _shown(value: object, lang: str) -> object:
    if isinstance(value, Localized):
        return t(value, lang)
    if isinstance(value, Quoted):
        return ", ".join(t("format.quoted", lang, text=item) for item in value)
    return value


class InputError(ValueError):
    """Bad input from a reader or a caller. `code` is stable; the message text is in data/texts/
    under `errors.<code>` and may use the `values` placeholders (a `Localized` value is looked up
    in the texts too)."""

    def __init__(self, code: str, **values: object) -> None:
        super().__init__(code)
        self.code = code
        self.values = values

    def message(self, lang: str) -> str:
        values = {k: _shown(v, lang) for k, v in self.values.items()}
        return t(f"errors.{self.code}", lang, **values)

    def as_json(self, lang: str) -> dict[str, dict[str, str]]:
        return {"error": {"code": self.code, "message": self.message(lang)}}
