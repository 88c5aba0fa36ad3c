"""What mkdocs-static-i18n knows about languages, in one place, as kbsite's Language objects.

static-i18n builds the site once per language; its plugin object says which build is running.
With the suffix layout, `file.alternates` maps each language to that language's File, and
`file.locale` is the language the file is actually written in (an English file stands in for a
missing Chinese one when `fallback_to_default` is on).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from kbsite.languages import Language


def plugin(config: MkDocsConfig) -> Any:
    """static-i18n's plugin instance."""
    found = config.plugins.get("i18n")
    if found is None:
        raise PluginError("mkdocs.yml must enable the i18n plugin (mkdocs-static-i18n)")
    return found


def languages(config: MkDocsConfig) -> tuple[Language, ...]:
    """The built languages, default first."""
    found = [
        Language(lang.locale, lang.name, "" if lang.default else lang.link.strip("/") + "/", lang.default)
        for lang in plugin(config).config.languages
        if lang.build
    ]
    return tuple(sorted(found, key=lambda language: not language.default))


def current_language(config: MkDocsConfig) -> str:
    """The language of the build that is running now."""
    return plugin(config).current_language or languages(config)[0].code


def is_default_build(config: MkDocsConfig) -> bool:
    """Whether the default language's build is running: the one that copies the theme's assets
    into the site root and holds the other languages' builds inside it."""
    return current_language(config) == languages(config)[0].code


def is_nested_build(config: MkDocsConfig) -> bool:
    """Whether this build runs inside the default language's (static-i18n's loop)."""
    return bool(plugin(config).building)


def url_path(file: object) -> str:
    """A file's URL relative to the site root, with the root itself as "" (not "./")."""
    url = str(getattr(file, "url", ""))
    return "" if url in (".", "./") else url


def written_in(file: object, lang: str) -> str:
    """The language `file` is written in (`lang` when static-i18n did not say)."""
    return str(getattr(file, "locale", lang))
