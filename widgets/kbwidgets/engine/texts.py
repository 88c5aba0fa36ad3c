"""Bilingual texts kept as data, looked up by key.

Texts live in TOML files under `kbwidgets/data/` (TOML because its parser, `tomllib`, is in
the standard library in CPython and in Pyodide alike). Each entry is a table with one string
per language:

    [untranslated.title]
    en = "Not yet translated"
    zh = "尚未翻译"
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources

from kbwidgets import LANGUAGES


class TextError(ValueError):
    """A text table is malformed or misses a language."""


def load_toml(name: str) -> dict:
    """Parse `kbwidgets/data/<name>` (a TOML file shipped inside the package)."""
    data = resources.files("kbwidgets").joinpath("data", name).read_text(encoding="utf-8")
    return tomllib.loads(data)


def flatten_texts(table: Mapping, prefix: str = "") -> dict[str, dict[str, str]]:
    """Turn nested TOML tables into {"a.b.c": {"en": ..., "zh": ...}}.

    A table whose values are all strings is a text (one string per language); a table of tables
    is a namespace.
    """
    out: dict[str, dict[str, str]] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if not isinstance(value, Mapping):
            raise TextError(f"{name}: expected a table with {', '.join(LANGUAGES)}, got {value!r}")
        if value and all(isinstance(v, str) for v in value.values()):
            missing = [lang for lang in LANGUAGES if not str(value.get(lang, "")).strip()]
            if missing:
                raise TextError(f"{name}: missing text for {', '.join(missing)}")
            extra = set(value) - set(LANGUAGES)
            if extra:
                raise TextError(f"{name}: unknown language key(s) {', '.join(sorted(extra))}")
            out[name] = {lang: str(value[lang]) for lang in LANGUAGES}
        else:
            out.update(flatten_texts(value, f"{name}."))
    return out


@cache
def ui_texts() -> dict[str, dict[str, str]]:
    """All interface texts shared by the site and the widgets (kbwidgets/data/ui.toml)."""
    return flatten_texts(load_toml("ui.toml"))


def check_lang(lang: str) -> str:
    """Return `lang` if it is a supported language, else raise ValueError."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    return lang


def t(key: str, lang: str, **values: object) -> str:
    """The interface text `key` in `lang`, with `{name}` placeholders filled from `values`."""
    text = ui_texts()[key][check_lang(lang)]
    return text.format(**values) if values else text
