"""Traditional Chinese texts, as the build converted them: looked up, never converted here.

The browser never converts. At build time (and by `make setup`, for the command line and the
tests) kbsite.traditional_texts converts every Simplified text of `kbwidgets/data/` with OpenCC
and the glossary, and writes `data/generated/zh-hant.json`: {Simplified text: Traditional
text}. The wheel carries that file, so the start-up snapshot and the CLI answer in Traditional
without OpenCC. A Simplified text missing from it means the file is older than the texts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources

from kbwidgets import LANGUAGES

GENERATED = ("data", "generated", "zh-hant.json")
CONVERTED_FROM = {"zh-hant": "zh"}  # converted language -> the written language it comes from
# What conversion changes: Chinese characters, and curly quotation marks (“” → 「」). A text
# without either is its own Traditional form (the build's converter follows the same rule).
CONVERTIBLE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff“”‘’]")


class StaleTraditionalTexts(LookupError):
    """The generated Traditional texts do not cover a Simplified text: regenerate them."""


@cache
def converted_texts() -> dict[str, str]:
    """{Simplified text: Traditional text} from the generated file ({} when there is none)."""
    item = resources.files("kbwidgets").joinpath(*GENERATED)
    if not item.is_file():
        return {}
    data = json.loads(item.read_text(encoding="utf-8"))
    return dict(data.get("texts") or {})


def to_traditional(simplified: str) -> str:
    """The Traditional form of a Simplified widget text, from the generated file."""
    if not CONVERTIBLE.search(simplified):
        return simplified  # nothing Chinese in it: digits, Latin, placeholders only
    try:
        return converted_texts()[simplified]
    except KeyError:
        raise StaleTraditionalTexts(
            f"no Traditional Chinese for {simplified[:40]!r}: widgets/kbwidgets/"
            f"{'/'.join(GENERATED)} is older than the texts; `make setup` or a build regenerates it"
        ) from None


class Texts(dict[str, str]):
    """One text in every language. The written ones are stored; a converted language is looked
    up the first time it is asked for (so a tree or text table parses without the generated
    file, and a stale file is reported for the text that is missing, when it is used)."""

    def __init__(self, written: Mapping[str, str], convert: Callable[[str], str]) -> None:
        super().__init__(written)
        self._convert = convert

    def __missing__(self, lang: str) -> str:
        source = CONVERTED_FROM.get(lang)
        if source is None:
            raise KeyError(lang)
        value = self._convert(self[source])
        self[lang] = value
        return value

    def get(self, lang: str, default: str | None = None) -> str | None:  # type: ignore[override]
        return self[lang] if lang in LANGUAGES else default


def complete(texts: Mapping[str, str], convert: Callable[[str], str] = to_traditional) -> Texts:
    """One text in every language: the written ones as given, a given `zh-hant` as given (it
    wins over the conversion), else Traditional converted by `convert` (the generated file's
    lookup, unless the build passes its own converter) when first asked for."""
    return Texts({lang: str(texts[lang]) for lang in LANGUAGES if texts.get(lang)}, convert)
