"""Interface texts kept as data, in every language, looked up by key.

Texts live in TOML files (TOML because its parser, `tomllib`, is in the standard library in
CPython and in Pyodide alike), one file per concern under `kbwidgets/data/texts/`. Each entry
is a table with one string per written language (Traditional Chinese is converted from the
Simplified text at build time, kbwidgets.engine.traditional; an entry may give its own
`"zh-hant"`, which then wins):

    [tree.next]
    en = "Next"
    zh = "下一步"

All files of a folder share one namespace: a key defined twice is an error, as is a text that
misses a language. The build's own texts (kbsite) are read with the same `read_text_folder`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from kbwidgets import LANGUAGES, WRITTEN_LANGUAGES
from kbwidgets.engine.traditional import complete, to_traditional

Texts = dict[str, dict[str, str]]  # {"tree.next": {"en": "Next", "zh": "下一步", "zh-hant": "下一步"}}
Convert = Callable[[str], str]  # Simplified -> Traditional


class TextError(ValueError):
    """A text table is malformed, misses a language, or repeats a key."""


def flatten_texts(table: Mapping[str, object], prefix: str = "", convert: Convert = to_traditional) -> Texts:
    """Turn nested TOML tables into {"a.b.c": {"en": ..., "zh": ...}}.

    A table whose values are all strings is a text (one string per language); a table of tables
    is a namespace.
    """
    out: Texts = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if not isinstance(value, Mapping):
            raise TextError(f"{name}: expected a table with {', '.join(WRITTEN_LANGUAGES)}, got {value!r}")
        if value and all(isinstance(v, str) for v in value.values()):
            missing = [lang for lang in WRITTEN_LANGUAGES if not str(value.get(lang, "")).strip()]
            if missing:
                raise TextError(f"{name}: missing text for {', '.join(missing)}")
            extra = set(value) - set(LANGUAGES)
            if extra:
                raise TextError(f"{name}: unknown language key(s) {', '.join(sorted(extra))}")
            out[name] = complete({k: str(v) for k, v in value.items()}, convert)
        else:
            out.update(flatten_texts(value, f"{name}.", convert))
    return out


def read_text_folder(folder: Traversable, label: str, convert: Convert = to_traditional) -> Texts:
    """Every `*.toml` in `folder` as one table of texts; errors name `label/<file>`."""
    merged: Texts = {}
    origin: dict[str, str] = {}
    for item in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if not item.name.endswith(".toml"):
            continue
        where = f"{label}/{item.name}"
        try:
            texts = flatten_texts(tomllib.loads(item.read_text(encoding="utf-8")), convert=convert)
        except tomllib.TOMLDecodeError as error:
            raise TextError(f"{where}: {error}") from None
        except TextError as error:
            raise TextError(f"{where}: {error}") from None
        for key in texts:
            if key in origin:
                raise TextError(f"{where}: {key} is already defined in {origin[key]}")
            origin[key] = where
        merged.update(texts)
    return merged


@cache
def ui_texts() -> Texts:
    """Every widget text (kbwidgets/data/texts/*.toml)."""
    folder = resources.files("kbwidgets").joinpath("data", "texts")
    return read_text_folder(folder, "widgets/kbwidgets/data/texts")


def check_lang(lang: str) -> str:
    """Return `lang` if it is a supported language, else raise ValueError."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    return lang


def lookup(texts: Texts, key: str, lang: str, **values: object) -> str:
    """The text `key` of `texts` in `lang`, with `{name}` placeholders filled from `values`."""
    text = texts[key][check_lang(lang)]
    return text.format(**values) if values else text


def t(key: str, lang: str, **values: object) -> str:
    """The widget text `key` in `lang`, with `{name}` placeholders filled from `values`."""
    return lookup(ui_texts(), key, lang, **values)
