"""Per-page language facts for the templates: the switcher's targets and the untranslated notice.

- `kb_alternates`: for each language, this page in that language (or that language's home page
  when the page has no twin), for the language switcher and its instant-navigation sync.
- `kb_untranslated`: set when the page shown on the Chinese site is an English stand-in
  (static-i18n's `fallback_to_default`). The template shows a visible notice in the reader's
  language and marks the content with its real language.
- `kb_noindex` / `kb_canonical_url`: a stand-in page points search engines at the original.

It also points Material's `base` (in the page's `#__config` JSON) at the root of the page's
language instead of the site root. Material fetches the sitemap and the search index from
there, so instant navigation works on the Chinese pages and search stays in one language
(`per_language_outputs.py` writes the per-language files).
"""

from __future__ import annotations

import json
import posixpath
import re

from _i18n import current_language, languages, url_path, written_in
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kbwidgets.engine.texts import t

CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: object) -> str:
    # An English stand-in on the Chinese site stays out of the Chinese search index: search
    # results are in the reader's language only.
    if getattr(page.file, "locale", None) not in (None, current_language(config)):
        page.meta.setdefault("search", {})["exclude"] = True
    return markdown


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    lang = current_language(config)
    twins = getattr(page.file, "alternates", {}) or {}
    alternates = []
    for language in languages(config):
        twin = twins.get(language.code)
        translated = twin is not None and written_in(twin, language.code)
        alternates.append(
            {
                "lang": language.code,
                "name": language.name,
                "url": url_path(twin) if twin is not None else language.link,
                "current": language.code == lang,
                "translated": translated,
            }
        )
    context["kb_alternates"] = alternates

    page_lang = getattr(page.file, "locale", lang)
    if page_lang != lang:
        context["kb_untranslated"] = {
            "title": t("untranslated.title", lang),
            "body": t("untranslated.body", lang, original=t(f"language.{page_lang}", lang)),
            "content_lang": page_lang,
        }
        original = twins.get(page_lang)
        context["kb_noindex"] = True
        if original is not None and config.site_url:
            context["kb_canonical_url"] = config.site_url + url_path(original)
    return context


def language_root_base(page_url: str, language_link: str) -> str:
    """The relative path from a page (site-root URL like "zh/about/") to its language root."""
    here = posixpath.join("/", page_url)
    here = here if here.endswith("/") else posixpath.dirname(here)
    return posixpath.relpath(posixpath.join("/", language_link), here)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    link = {language.code: language.link for language in languages(config)}[current_language(config)]
    if not link:
        return output

    def rebase(match: re.Match) -> str:
        material_config = json.loads(match.group(2))
        material_config["base"] = language_root_base(url_path(page.file), link)
        body = json.dumps(material_config, ensure_ascii=False).replace("<", "\\u003c")
        return match.group(1) + body + match.group(3)

    return CONFIG_SCRIPT.sub(rebase, output, count=1)
