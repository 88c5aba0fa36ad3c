"""The page index of each language build (kbsite.pages.LanguageIndex), kept for every hook.

`languages/page_index.py` builds it once per language build, in the `files` step; every other
hook reads it here instead of scanning the pages again. Under `mkdocs serve` each rebuild
replaces it.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from hooks.i18n import current_language
from kbsite.pages import LanguageIndex, PageInfo

_indexes: dict[str, LanguageIndex] = {}


def publish(index: LanguageIndex) -> None:
    _indexes[index.lang] = index


def for_language(lang: str) -> LanguageIndex:
    try:
        return _indexes[lang]
    except KeyError:
        raise RuntimeError(f"no page index for '{lang}': languages/page_index.py must run first") from None


def current(config: MkDocsConfig) -> LanguageIndex:
    """The index of the language build that is running."""
    return for_language(current_language(config))


def page_info(page: Page, config: MkDocsConfig) -> PageInfo:
    """What the index knows about `page`, in the running language build."""
    info = current(config).page(page.file.src_uri)
    if info is None:
        raise RuntimeError(f"{page.file.src_uri} is not in the '{current_language(config)}' page index")
    return info


def all_indexes() -> dict[str, LanguageIndex]:
    """Every language's index built in this process so far."""
    return dict(_indexes)
