"""Per-page language facts for the templates: the switcher's targets, the untranslated notice,
the converted-page line, and the page's language tag.

- `kb_alternates`: for each language, this page in that language (or that language's home page
  when the page has no twin), for the language switcher and its instant-navigation sync;
- `kb_untranslated`: set when the page shown is an English stand-in for a missing translation
  (static-i18n's `fallback_to_default`). The template shows a notice in the reader's language
  and marks the content with its real language;
- a Traditional page converted from the Simplified one (kbsite.converted) says so under its
  title, with a link to the original;
- `<html lang>` names the script (zh-Hans, zh-Hant: kbsite.languages.language_tag), where
  Material writes its own translation's code.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from hooks import site_index
from kbsite.converted import with_notice
from kbsite.languages import CONVERTED_FROM, language_tag, relative_root
from kbsite.texts import site_text

HTML_LANG = re.compile(r'<html lang="[^"]*"')


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, **_: object) -> str:
    info = site_index.page_info(page, config)
    if not info.file.converted:
        return html
    lang = site_index.current(config).lang
    source = CONVERTED_FROM[lang]
    original = info.file.alternates.get(source)
    href = relative_root(info.url, original[0] if original else "")
    notice, link = site_text("converted.notice", lang), site_text("converted.original", lang)
    return with_notice(html, notice, link, href, language_tag(source))


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, **_: object) -> dict:
    index = site_index.current(config)
    info = site_index.page_info(page, config)
    context["kb_alternates"] = index.switcher(info)
    if info.stand_in:
        lang, original = index.lang, info.file.written_in
        context["kb_untranslated"] = {
            "title": site_text("untranslated.title", lang),
            "body": site_text("untranslated.body", lang, original=site_text(f"language.{original}", lang)),
            "content_lang": language_tag(original),
        }
    return context


def on_post_page(output: str, *, config: MkDocsConfig, **_: object) -> str:
    tag = language_tag(site_index.current(config).lang)
    return HTML_LANG.sub(f'<html lang="{tag}"', output, count=1)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig, **_: object) -> str:
    if template_name != "404.html":  # the one page rendered from a template, not from Markdown
        return output_content
    return on_post_page(output_content, config=config)
