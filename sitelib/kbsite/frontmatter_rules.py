"""What every page's front matter must say, checked with the line to fix.

Every public page needs a `title` and a one-sentence `summary` (the meta description). An
article (a public page that is not a category's index page) also needs:

    id: tws-memory-allocation        # our own stable id: lowercase words joined by hyphens,
                                     # the same in every language, unique in each
    tags: [tws, memory]              # lowercase words or hyphenated words
    platforms: [tws, windows]        # from extra.platforms in mkdocs.yml
    last_reviewed: 2026-11-23        # a date, not in the future

Optional: `kb: [KB1131]` (KB ids this article covers, see kbsite.references) and `public:
false` (writer-only pages: built, but kept out of search, sitemaps and the navigation).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from kbsite.frontmatter import Document, is_public

SLUG_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
"""Lowercase words joined by hyphens: article ids, tags, category folders, widget names."""
SLUG = re.compile(rf"^{SLUG_PATTERN}$")
KB = re.compile(r"^KB\d{1,6}$")
ARTICLE_KEYS = ("id", "tags", "platforms", "last_reviewed")


def problems(doc: Document, *, is_index: bool, platforms: list[str], today: dt.date) -> list[str]:
    """What is wrong with a page's front matter, each as "line N: what to change"."""
    if doc.error:
        return [f"{doc.error} (the front matter is YAML between two --- lines)"]
    meta, found = doc.meta, []

    def bad(key: str, message: str) -> None:
        found.append(f"line {doc.line_of(key)}: {message}")

    if not doc.front_matter:
        return ["line 1: no front matter; start the file with --- , title: ..., summary: ..., ---"]
    if not is_public(meta):
        return found
    for key in ("title", "summary"):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            bad(key, f"`{key}:` is missing or empty")
    summary = meta.get("summary")
    if isinstance(summary, str) and (len(summary) > 300 or "\n" in summary.strip()):
        bad(
            "summary",
            "`summary:` should be one sentence (it is the page's meta description), under 300 characters",
        )
    if is_index:
        return found
    for key in ARTICLE_KEYS:
        if key not in meta:
            bad(key, f"`{key}:` is missing (every article has {', '.join(ARTICLE_KEYS)})")
    if "id" in meta and not (isinstance(meta["id"], str) and SLUG.match(meta["id"])):
        bad("id", f"`id: {meta['id']}` must be lowercase words joined by hyphens, e.g. tws-memory-allocation")
    for key in ("tags", "platforms"):
        if key in meta and not (isinstance(meta[key], list) and meta[key]):
            bad(key, f"`{key}:` must be a non-empty list, e.g. {key}: [a, b]")
    for tag in _items(meta.get("tags")):
        if not (isinstance(tag, str) and SLUG.match(tag)):
            bad("tags", f"tag {tag!r} must be lowercase words joined by hyphens")
    for platform in _items(meta.get("platforms")):
        if platform not in platforms:
            bad(
                "platforms",
                f"unknown platform {platform!r}; use one of: {', '.join(platforms)} (extra.platforms)",
            )
    if "last_reviewed" in meta:
        reviewed = meta["last_reviewed"]
        if not isinstance(reviewed, dt.date) or isinstance(reviewed, dt.datetime):
            bad("last_reviewed", f"`last_reviewed: {reviewed}` must be a date written YYYY-MM-DD")
        elif reviewed > today:
            bad("last_reviewed", f"`last_reviewed: {reviewed}` is in the future")
    if "kb" in meta and not isinstance(meta["kb"], list):
        bad("kb", "`kb:` must be a list, e.g. kb: [KB1131]")
    for kb_id in _items(meta.get("kb")):
        if not (isinstance(kb_id, str) and KB.match(kb_id)):
            bad("kb", f"`kb:` entries look like KB1131, not {kb_id!r}")
    return found


def _items(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []


def report(pages: Iterable[tuple[str, Document, bool]], *, platforms: list[str], today: dt.date) -> list[str]:
    """Every problem of `pages` ((source path, document, is an index page)) as "path:line: ...",
    including an article id used twice."""
    found: list[str] = []
    ids: dict[str, str] = {}
    for source, doc, is_index in pages:
        found += [
            f"{source}:{p.removeprefix('line ')}"
            for p in problems(doc, is_index=is_index, platforms=platforms, today=today)
        ]
        article_id = doc.meta.get("id")
        if isinstance(article_id, str):
            if article_id in ids:
                found.append(
                    f"{source}:{doc.line_of('id')}: id {article_id!r} is already used by {ids[article_id]}"
                )
            ids.setdefault(article_id, source)
    return found
