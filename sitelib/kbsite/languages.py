"""The site's languages, and where each one's pages live.

The default language is served at the site root, every other one under its own folder
("zh/"). Pages link to their language's root with relative URLs ("../../"), so a built site
works wherever it is served.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from kbwidgets.engine.traditional import CONVERTED_FROM as converted_from


@dataclass(frozen=True)
class Language:
    code: str  # "en", "zh"
    name: str  # as the language switcher shows it: "English", "简体中文"
    link: str  # the folder of its pages, relative to the site root: "" for the default, "zh/"
    default: bool = False


def folders(languages: list[Language] | tuple[Language, ...]) -> dict[str, str]:
    """{language code: its folder} ("" for the default language)."""
    return {language.code: language.link for language in languages}


def relative_root(page_url: str, language_link: str) -> str:
    """The relative URL from a page to its language's root: "", "../", "../../" ... (or to any
    other folder-style address: "zh-hant/tws/m/" to "zh/tws/m/" is "../../../zh/tws/m/").

    `page_url` is relative to the site root ("zh/tws/memory/", "" for the home page,
    "404.html"); `language_link` is that language's folder ("zh/", "" for the default).
    """
    here = posixpath.join("/", page_url)
    here = here if here.endswith("/") else posixpath.dirname(here)
    relative = posixpath.relpath(posixpath.join("/", language_link), here)
    return "" if relative == "." else relative + "/"


# The site's language codes are its folder names (/zh/, /zh-hant/). Pages, hreflang and the
# sitemaps name the script, as IETF language tags do: Simplified is zh-Hans, Traditional zh-Hant.
LANGUAGE_TAGS = {"en": "en", "zh": "zh-Hans", "zh-hant": "zh-Hant"}

# Languages whose pages and texts are converted from another language's at build time
# (kbsite.converted, kbsite.traditional_texts): kbwidgets' own table, which its texts use too.
CONVERTED_FROM = converted_from


def language_tag(code: str) -> str:
    """The IETF language tag of a site language code: "zh-hant" -> "zh-Hant"."""
    return LANGUAGE_TAGS.get(code, code)
