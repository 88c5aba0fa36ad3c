"""KB references in running text become links: `KB1131` -> our article, or IBKR's, in the page's language.

Writers type `KB1131` as plain text. At build time, in the page's language:

1. if one of our articles covers that KB id (`kb: [KB1131]` in its front matter), it links
   there, in the same language;
2. otherwise it links to IBKR's public knowledge base through the page language's address
   template (`extra.kb_url_templates` in mkdocs.yml, e.g. "https://ibkr.info/zh-hans/article/{id}",
   `{id}` being the number), so a Chinese page opens IBKR's Chinese article;
3. a language with no template leaves it as marked-up text, and the build warns.

References inside links, code, headings and keyboard keys are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from html import escape

KB_ID = re.compile(r"\bKB(\d{1,6})\b")
KB_VALUE = re.compile(r"^KB\d{1,6}$")  # a named link whose address is a KB id ("KB2278")
TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")
SKIP = {"a", "code", "pre", "kbd", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "title"}


def link_references(html: str, target_for: Callable[[str], str | None]) -> tuple[str, set[str]]:
    """Link every KB id in text nodes; `target_for(id)` gives an href or None.

    Returns the new HTML and the ids that got no href.
    """
    unresolved: set[str] = set()
    depth = 0

    def replace(match: re.Match[str]) -> str:
        kb_id = match.group(0)
        href = target_for(kb_id)
        if href is None:
            unresolved.add(kb_id)
            return f'<span class="kb-ref">{kb_id}</span>'
        return f'<a class="kb-ref" href="{escape(href, quote=True)}">{kb_id}</a>'

    parts = TAG.split(html)
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            name = TAG_NAME.match(part)
            if name and name.group(1).lower() in SKIP and not part.endswith("/>"):
                depth += -1 if part.startswith("</") else 1
                depth = max(depth, 0)
        elif depth == 0 and "KB" in part:
            parts[index] = KB_ID.sub(replace, part)
    return "".join(parts), unresolved


def templated(template: str, kb_id: str) -> str | None:
    """The address of `kb_id` ("KB1131") from a template with `{id}`, or None if there is none."""
    template = template.strip()
    return template.replace("{id}", kb_id[2:]) if template else None


def template_for(templates: Mapping[str, object], lang: str) -> str:
    """The KB address template of language `lang` ("" when that language has none)."""
    return str(templates.get(lang) or "").strip()


@dataclass
class Coverage:
    """Which KB ids the pages of one language build cite, and where each one leads."""

    ours: dict[str, set[str]] = field(default_factory=dict)  # KB id -> citing pages
    outgoing: dict[str, set[str]] = field(default_factory=dict)
    unlinked: dict[str, set[str]] = field(default_factory=dict)

    def note(self, kb_id: str, page: str, *, covered: bool, href: str | None) -> None:
        kind = self.ours if covered else self.outgoing if href else self.unlinked
        kind.setdefault(kb_id, set()).add(page)

    def clear(self) -> None:
        for kind in (self.ours, self.outgoing, self.unlinked):
            kind.clear()


def _ids(cited: dict[str, set[str]]) -> str:
    ids = sorted(cited, key=lambda kb: int(kb[2:]))
    return f"{len(ids)}" + (f": {', '.join(ids)}" if ids else "")


def coverage_report(lang: str, coverage: Coverage) -> str | None:
    """One line for the build log: which cited KB ids our articles cover, which go to IBKR's."""
    if not (coverage.ours or coverage.outgoing or coverage.unlinked):
        return None
    return (
        f"KB references in the '{lang}' pages: covered by our articles ({_ids(coverage.ours)}); "
        f"linked to IBKR's knowledge base ({_ids(coverage.outgoing)})."
    )


def unlinked_warning(lang: str, coverage: Coverage) -> str | None:
    """A warning for the writer when some KB ids of `lang` pages could not be linked at all."""
    if not coverage.unlinked:
        return None
    pages = sorted({page for pages in coverage.unlinked.values() for page in pages})
    return (
        f"KB references with no address in the '{lang}' pages ({_ids(coverage.unlinked)}), in "
        f"{', '.join(pages)}. Add a '{lang}' entry to extra.kb_url_templates in mkdocs.yml, or "
        "`kb: [KBnnn]` to the article of ours that covers one."
    )
