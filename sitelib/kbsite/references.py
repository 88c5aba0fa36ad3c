"""KB references in running text become links: `KB1131` -> our article, or the KB site, or text.

Writers type `KB1131` as plain text. At build time, in the page's language:

1. if one of our articles covers that KB id (`kb: [KB1131]` in its front matter), it links
   there, in the same language;
2. otherwise, if a KB address template is set (e.g. "https://kb.example.com/article/{id}",
   `{id}` being the number), it links to that address;
3. otherwise it stays text, marked up as a reference.

References inside links, code, headings and keyboard keys are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

KB_ID = re.compile(r"\bKB(\d{1,6})\b")
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


def unresolved_report(lang: str, cited: dict[str, set[str]]) -> str | None:
    """One line for the build log: the KB ids of `lang` pages that stayed plain text."""
    if not cited:
        return None
    ids = sorted(cited, key=lambda kb: int(kb[2:]))
    return (
        f"KB references with no article of ours in the '{lang}' pages ({len(ids)}): {', '.join(ids)}. "
        "They stay plain text; set extra.kb_url_template to link them, or add `kb: [KBnnn]` to the "
        "article that covers one."
    )
