"""What the hooks need to know about mkdocs-static-i18n's languages, in one place.

static-i18n builds the site once per language: `current_language` tells which build is running.
With the suffix layout, `page.file.alternates` maps each language to that language's File, and
`file.locale` is the language the file is actually written in (an English file stands in for a
missing Chinese one when `fallback_to_default` is on).
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    link: str  # site-root-relative prefix, "" for the default language, "zh/" for Chinese
    default: bool


def plugin(config: MkDocsConfig):
    """static-i18n's plugin instance."""
    found = config.plugins.get("i18n")
    if found is None:
        raise RuntimeError("mkdocs.yml must enable the i18n plugin (mkdocs-static-i18n)")
    return found


def languages(config: MkDocsConfig) -> list[Language]:
    """The built languages, default first."""
    out = [
        Language(lang.locale, lang.name, lang.link.strip("/") + "/" if not lang.default else "", lang.default)
        for lang in plugin(config).config.languages
        if lang.build
    ]
    return sorted(out, key=lambda lang: not lang.default)


def current_language(config: MkDocsConfig) -> str:
    """The language of the build that is running now."""
    return plugin(config).current_language or languages(config)[0].code


def default_language(config: MkDocsConfig) -> str:
    return languages(config)[0].code


def written_in(file: object, lang: str) -> bool:
    """Whether `file` is written in `lang` (not an English stand-in for a missing translation)."""
    return getattr(file, "locale", lang) == lang


def url_path(file: object) -> str:
    """A file's URL relative to the site root, with the root itself as "" (not "./")."""
    url = getattr(file, "url", "")
    return "" if url in (".", "./") else url
