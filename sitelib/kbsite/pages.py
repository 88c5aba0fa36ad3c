"""One index of the pages of one language build: read once, asked by every step of the build.

For each page: whether it is public, which language it is written in (an English page stands
in on the Chinese site while it has no translation), its twins in the other languages, title,
tags, KB ids, the date it was last updated and the widgets it embeds. The navigation, KB
references, related articles, the language switcher, the sitemaps and the serve-time rebuilds
all read this index instead of scanning the pages again, and each page flag (indexable or not)
is decided here, once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from kbsite import embeds, frontmatter, gitdates
from kbsite.languages import Language, folders, language_tag
from kbsite.outputs import SitemapEntry
from kbsite.related import Article, RelatedIndex


@dataclass(frozen=True)
class SourceFile:
    """What the generator knows about one page file in one language build."""

    src_uri: str  # as the generator names it: "tws/memory-allocation.zh.md"
    url: str  # relative to the site root, "" for the home page: "zh/tws/memory-allocation/"
    path: Path  # the Markdown file (for a converted page: the page it is converted from)
    written_in: str  # the language the file is written in
    is_index: bool  # a category's (or the site's) index page
    alternates: dict[str, tuple[str, str]]  # language -> (URL of the page there, language it is written in)
    converted_text: str | None = None  # a page converted at build time (kbsite.converted): its text

    @property
    def converted(self) -> bool:
        return self.converted_text is not None


@dataclass(frozen=True)
class PageInfo:
    file: SourceFile
    lang: str  # the language of the build that shows the page
    doc: frontmatter.Document
    updated: dt.date | None
    widgets: tuple[str, ...]

    @property
    def url(self) -> str:
        return self.file.url

    @property
    def meta(self) -> dict[str, Any]:
        return self.doc.meta

    @property
    def public(self) -> bool:
        return frontmatter.is_public(self.meta)

    @property
    def stand_in(self) -> bool:
        """An untranslated page shown, in its own language, on another language's site."""
        return self.file.written_in != self.lang

    @property
    def indexable(self) -> bool:
        """In search results and sitemaps, and open to search engines: public, and in this language."""
        return self.public and not self.stand_in

    @property
    def title(self) -> str:
        return str(self.meta.get("title", Path(self.file.src_uri).stem))

    @property
    def summary(self) -> str:
        return str(self.meta.get("summary", ""))

    @property
    def tags(self) -> frozenset[str]:
        return frozenset(map(str, self.meta.get("tags") or []))

    @property
    def kb_ids(self) -> list[str]:
        return [str(kb_id).upper() for kb_id in self.meta.get("kb") or []]

    @property
    def twins(self) -> dict[str, str]:
        """{language: URL} of this page in every language it is written in (itself included)."""
        return {code: url for code, (url, locale) in self.file.alternates.items() if locale == code}


@dataclass
class LanguageIndex:
    lang: str
    languages: tuple[Language, ...]  # every built language, the default first
    pages: dict[str, PageInfo] = field(default_factory=dict)  # by src_uri

    @property
    def folder(self) -> str:
        """This language's folder under the site root ("" for the default language)."""
        return folders(self.languages)[self.lang]

    def page(self, src_uri: str) -> PageInfo | None:
        return self.pages.get(src_uri)

    @cached_property
    def kb_coverage(self) -> dict[str, str]:
        """{"KB1131": URL of our article covering it} (front matter `kb:`)."""
        return {kb_id: page.url for page in self.pages.values() for kb_id in page.kb_ids}

    @cached_property
    def related(self) -> RelatedIndex:
        articles = [
            Article(page.url, page.title, page.tags)
            for page in self.pages.values()
            if page.indexable and page.tags
        ]
        return RelatedIndex(articles)

    def sitemap_entries(self) -> list[SitemapEntry]:
        return [
            SitemapEntry(
                page.url,
                page.updated.isoformat() if page.updated else None,
                {language_tag(code): url for code, url in page.twins.items()},
            )
            for page in self.pages.values()
            if page.indexable
        ]

    def switcher(self, page: PageInfo) -> list[dict[str, Any]]:
        """For each language, where the switcher leads from `page`: its twin, or that language's home."""
        out = []
        for language in self.languages:
            twin = page.file.alternates.get(language.code)
            out.append(
                {
                    "lang": language.code,
                    "tag": language_tag(language.code),
                    "name": language.name,
                    "url": twin[0] if twin is not None else language.link,
                    "current": language.code == self.lang,
                    "translated": twin is not None and twin[1] == language.code,
                }
            )
        return out


def build_index(
    lang: str,
    languages: tuple[Language, ...],
    files: list[SourceFile],
    commit_dates: dict[str, dt.date],
    docs_dir: Path,
) -> LanguageIndex:
    """Read every page of one language build once. Raises SiteError for a malformed widget embed."""
    index = LanguageIndex(lang, languages)
    for source in files:
        text = source.converted_text
        doc = frontmatter.read(source.path) if text is None else frontmatter.parse(text)
        relative = source.path.resolve().relative_to(docs_dir.resolve()).as_posix()
        label = f"docs/{relative}" + (f" (converted to {lang})" if source.converted else "")
        _, widgets = embeds.find_embeds(doc.body, label, doc.body_line) if "[[" in doc.body else ("", [])
        updated = gitdates.updated_on(commit_dates.get(relative), doc.meta)
        index.pages[source.src_uri] = PageInfo(source, lang, doc, updated, tuple(widgets))
    return index
