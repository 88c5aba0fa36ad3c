"""Widgets in Markdown: `[[widget memory-units]]` on a line of its own.

At build time the line becomes the widget's container: the static version rendered by the
widget's own Python (complete without JavaScript), a hidden bar for the live version's start
button and status, and the interface texts the browser runtime shows, in the page's language.
The widget runtime (kbw/*.js, part of the served kb.js) upgrades the container when the reader shows intent.

A misspelt widget name or a malformed embed line is a writer's error naming the file, the line
and the known names. Lines inside fenced code blocks are left alone, so the syntax can be
documented.
"""

from __future__ import annotations

import json
import re
from html import escape

from kbsite import SiteError
from kbsite.frontmatter_rules import SLUG_PATTERN
from kbwidgets.engine.texts import t
from kbwidgets.engine.view import to_html
from kbwidgets.engine.widget import Env, registry

EMBED = re.compile(rf"^\[\[widget\s+(?P<name>{SLUG_PATTERN})\s*\]\]\s*$")
LOOKS_LIKE_EMBED = re.compile(r"^\s*\[\[\s*widget\b", re.IGNORECASE)
FENCE = re.compile(r"^\s*(```|~~~)")
SLOT = '<div class="kbw-slot" data-kbw-slot="{index}"></div>'
SLOT_RE = re.compile(r'<div class="kbw-slot" data-kbw-slot="(\d+)"></div>')
RUNTIME_TEXTS = (
    "start",
    "loading",
    "downloading",
    "ready",
    "failed",
    "timeout",
    "retry",
    "copied",
    "copy_failed",
    "working",
)


def find_embeds(markdown: str, source: str, first_line: int = 1) -> tuple[str, list[str]]:
    """Replace embed lines by numbered slots; return the new Markdown and the widget names.

    `first_line` is the file line of the Markdown's first line (after the front matter), so
    an error names the line a writer sees in the editor.
    """
    known = registry()
    names: list[str] = []
    lines = markdown.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        opening = FENCE.match(line)
        if opening:
            fence = None if fence == opening.group(1) else fence or opening.group(1)
            continue
        if fence or not LOOKS_LIKE_EMBED.match(line):
            continue
        number = first_line + index
        match = EMBED.match(line.strip())
        if match is None:
            raise SiteError(
                f"{source}:{number}: malformed widget embed {line.strip()!r}. "
                "Write it alone on its line as [[widget NAME]], e.g. [[widget memory-units]]."
            )
        name = match["name"]
        if name not in known:
            raise SiteError(
                f"{source}:{number}: unknown widget {name!r}. Known widgets: {', '.join(sorted(known))}."
            )
        lines[index] = "\n" + SLOT.format(index=len(names)) + "\n"
        names.append(name)
    return "\n".join(lines), names


def container_html(name: str, index: int, lang: str, runtime_url: str, base: str = "", page: str = "") -> str:
    """The HTML that replaces the `index`-th embed of a page: static version, bar, live area.

    `page` is the page's path from its language's home ("secure-login/system-access-help/")."""
    widget = registry()[name]
    env = Env(instance=f"kbw{index + 1}", base=base, page=page)
    if not widget.interactive:
        return f'<div class="kbw-static-only">{to_html(widget.fallback(lang, env))}</div>'
    texts = {key: t(f"runtime.{key}", lang) for key in RUNTIME_TEXTS}
    attrs = {
        "class": "kbw",
        "data-kbw": name,
        "data-kbw-instance": f"kbw{index + 1}",
        "data-kbw-lang": lang,
        "data-kbw-runtime": runtime_url,
        "data-kbw-base": base,
        "data-kbw-page": page,
        "data-kbw-texts": json.dumps(texts, ensure_ascii=False),
        "data-kbw-max-bytes": str(widget.max_upload_bytes),
    }
    if widget.packages:  # loaded by the page for this widget only (tzdata: zone data)
        attrs["data-kbw-packages"] = " ".join(widget.packages)
    opening = "<div" + "".join(f' {k}="{escape(v, quote=True)}"' for k, v in attrs.items()) + ">"
    return (
        f"{opening}"
        '<div class="kbw-bar" hidden>'
        f'<button type="button" class="kbw-start md-button">{escape(texts["start"])}</button>'
        '<progress class="kbw-progress" max="3" value="0" hidden></progress>'
        '<span class="kbw-status" role="status" aria-live="polite"></span>'
        "</div>"
        '<div class="kbw-live" hidden></div>'
        f'<div class="kbw-static">{to_html(widget.fallback(lang, env))}</div>'
        "</div>"
    )


def fill_slots(html: str, names: list[str], lang: str, runtime_url: str, base: str, page: str = "") -> str:
    """Put each widget's container where Markdown left its slot."""
    return SLOT_RE.sub(
        lambda m: container_html(names[int(m.group(1))], int(m.group(1)), lang, runtime_url, base, page), html
    )
