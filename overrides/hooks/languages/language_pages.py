"""Per-page language facts for the templates: the switcher's targets and the untranslated notice.

- `kb_alternates`: for each language, this page in that language (or that language's home page
  when the page has no twin), for the language switcher and its instant-navigation sync;
- `kb_untranslated`: set when the page shown is an English stand-in for a missing translation
  (static-i18n's `fallback_to_default`). The template shows a notice in the reader's language
  and marks the content with its real language.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from hooks import site_index
from kbsite.texts import site_text


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, **_: object) -> dict:
    index = site_index.current(config)
    info = site_index.page_info(page, config)
    context["kb_alternates"] = index.switcher(info)
    if info.stand_in:
        lang, original = index.lang, info.file.written_in
        context["kb_untranslated"] = {
            "title": site_text("untranslated.title", lang),
            "body": site_text("untranslated.body", lang, original=site_text(f"language.{original}", lang)),
            "content_lang": original,
        }
    return context
