"""KB references in running text become links: `KB1131` -> our article, or the KB site, or text.

Writers type `KB1131` as plain text. At build time, in the page's language:

1. if one of our articles covers that KB id (`kb: [KB1131]` in its front matter), it links
   there, in the same language;
2. otherwise, if `extra.kb_url_template` is set (e.g. "https://kb.example.com/article/{id}",
   `{id}` being the number), it links to that address;
3. otherwise it stays text, marked up as a reference.

References inside links, code, headings and keyboard keys are left alone. The ids that have no
article of ours are listed at the end of the build: a report, not a warning, because the
source articles cite many KB articles we do not have.
"""

from __future__ import annotations

import re
from html import escape

import _frontmatter
from _i18n import current_language, url_path
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

log = get_plugin_logger("kb_references")

KB_ID = re.compile(r"\bKB(\d{1,6})\b")
TAG = re.compile(r"(<[^>]*>)")
SKIP = {"a", "code", "pre", "kbd", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "title"}

_covered: dict[str, str] = {}  # "KB1131" -> site-root URL of our article, for the current language
_unresolved: dict[str, set[str]] = {}  # "KB69" -> pages citing it


def covered_ids(files: Files) -> dict[str, str]:
    """Which KB ids our articles of this language build cover, read from their front matter."""
    covered: dict[str, str] = {}
    for file in files.documentation_pages():
        for kb_id in _frontmatter.read(file.abs_src_path).meta.get("kb") or []:
            covered[str(kb_id).upper()] = url_path(file)
    return covered


def link_references(html: str, target_for: callable) -> tuple[str, set[str]]:
    """Link every KB id in text nodes; `target_for(id)` gives an href or None.

    Returns the new HTML and the ids that got no href.
    """
    unresolved: set[str] = set()
    depth = 0

    def replace(match: re.Match) -> str:
        kb_id = match.group(0)
        href = target_for(kb_id)
        if href is None:
            unresolved.add(kb_id)
            return f'<span class="kb-ref">{kb_id}</span>'
        return f'<a class="kb-ref" href="{escape(href, quote=True)}">{kb_id}</a>'

    parts = TAG.split(html)
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
            if name and name.group(1).lower() in SKIP and not part.endswith("/>"):
                depth += -1 if part.startswith("</") else 1
                depth = max(depth, 0)
        elif depth == 0 and "KB" in part:
            parts[index] = KB_ID.sub(replace, part)
    return "".join(parts), unresolved


# After static-i18n has picked this language's files (priority -100).
@event_priority(-110)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    _covered.clear()
    _covered.update(covered_ids(files))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    template = (config.extra.get("kb_url_template") or "").strip()

    def target_for(kb_id: str) -> str | None:
        if kb_id in _covered:
            return get_relative_url(_covered[kb_id] or ".", page.url)
        return template.replace("{id}", kb_id[2:]) if template else None

    html, unresolved = link_references(html, target_for)
    for kb_id in unresolved:
        _unresolved.setdefault(kb_id, set()).add(page.file.src_uri)
    return html


# Before static-i18n starts the next language inside this build (priority -100).
@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    if not _unresolved:
        return
    ids = sorted(_unresolved, key=lambda kb: int(kb[2:]))
    log.info(
        "KB references with no article of ours in the '%s' pages (%d): %s. They stay plain text; set "
        "extra.kb_url_template to link them, or add `kb: [KBnnn]` to the article that covers one.",
        current_language(config),
        len(ids),
        ", ".join(ids),
    )
    _unresolved.clear()
