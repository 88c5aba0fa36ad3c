"""Pages converted from another language at build time: Traditional from Simplified.

Every Simplified page (`page.zh.md`) has a Traditional twin (`page.zh-hant.md`). A writer may
write one; otherwise the build converts the Simplified page (kbsite.traditional) and the
Traditional site says so under the title, with a link to the Simplified original. A converted
page is never written to docs/: it lives in the build only, so writers see just their files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from kbsite.languages import CONVERTED_FROM
from kbsite.traditional import converter


@dataclass(frozen=True)
class Conversion:
    target: str  # src_uri of the page to make: "tws/memory.zh-hant.md"
    source: str  # src_uri of the page it is made from: "tws/memory.zh.md"
    lang: str  # the language made: "zh-hant"


def twin(src_uri: str, source_lang: str, target_lang: str) -> str | None:
    """`tws/memory.zh.md` -> `tws/memory.zh-hant.md`; None when `src_uri` is not in `source_lang`."""
    suffix = f".{source_lang}.md"
    return src_uri[: -len(suffix)] + f".{target_lang}.md" if src_uri.endswith(suffix) else None


def conversions(src_uris: Iterable[str]) -> list[Conversion]:
    """The pages to convert: every page of a source language with no hand-written twin."""
    present = set(src_uris)
    found = []
    for target_lang, source_lang in CONVERTED_FROM.items():
        for uri in sorted(present):
            target = twin(uri, source_lang, target_lang)
            if target is not None and target not in present:
                found.append(Conversion(target, uri, target_lang))
    return found


_by_content: dict[str, str] = {}  # sha256 of a Simplified page -> its conversion


def converted_markdown(path: Path) -> str:
    """The converted text of the page at `path` (cached by its content)."""
    text = path.read_text(encoding="utf-8")
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()
    cached = _by_content.get(key)
    if cached is None:
        cached = _by_content[key] = converter().markdown(text)
    return cached


def with_notice(html: str, notice: str, link_text: str, href: str, target_tag: str) -> str:
    """The page's HTML with a small line under its title (the first </h1>) saying it was
    converted, and linking to the original. Our own texts, escaped all the same. Kept out of
    the search index: every converted page says it, so it would be every result's excerpt."""
    line = (
        f'<p class="kb-converted" data-pagefind-ignore><small>{escape(notice)} '
        f'<a href="{escape(href)}" hreflang="{escape(target_tag)}">{escape(link_text)}</a></small></p>'
    )
    end = html.find("</h1>")
    if end < 0:
        return line + html
    end += len("</h1>")
    return html[:end] + line + html[end:]
