"""The site's own words, outside any widget: the language switcher, the untranslated-page
notice, page labels. Kept as data (`kbsite/data/*.toml`) in every language, read with the same
loader and rules as the widget texts."""

from __future__ import annotations

from functools import cache
from importlib import resources

from kbsite.traditional import converter
from kbwidgets.engine.texts import Texts, lookup, read_text_folder


@cache
def site_texts() -> Texts:
    """The site's texts; Traditional Chinese converted from Simplified here, at build time."""
    folder = resources.files("kbsite").joinpath("data")
    return read_text_folder(folder, "sitelib/kbsite/data", convert=converter().text)


def site_text(key: str, lang: str, **values: object) -> str:
    """The site text `key` in `lang`, with `{name}` placeholders filled."""
    return lookup(site_texts(), key, lang, **values)
