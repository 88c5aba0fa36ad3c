"""Embed widgets with one line of Markdown: `[[widget memory-units]]` on a line of its own.

At build time the line becomes the widget's container: the static fallback rendered by the
widget's own Python (complete without JavaScript), a hidden bar for the live version's start
button and status, and the interface texts the browser runtime shows, in the page's language.
`kbw-runtime.js` upgrades the container when the reader shows intent.

A misspelt widget name or a malformed embed line stops the build with the file, the line and
the known names. Lines inside fenced code blocks are left alone, so the syntax can be
documented.
"""

from __future__ import annotations

import json
import re
from html import escape

from _i18n import current_language, languages
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from kbwidgets.engine import texts, tree
from kbwidgets.engine.texts import t
from kbwidgets.engine.view import to_html
from kbwidgets.engine.widget import Env, registry

EMBED = re.compile(r"^\[\[widget\s+(?P<name>[a-z0-9][a-z0-9-]*)\s*\]\]\s*$")
LOOKS_LIKE_EMBED = re.compile(r"^\s*\[\[\s*widget\b", re.IGNORECASE)
FENCE = re.compile(r"^\s*(```|~~~)")
SLOT = '<div class="kbw-slot" data-kbw-slot="{index}"></div>'
SLOT_RE = re.compile(r'<div class="kbw-slot" data-kbw-slot="(\d+)"></div>')
RUNTIME_TEXTS = ("start", "loading", "ready", "failed", "timeout", "retry", "copied", "copy_failed")

_embeds: dict[str, list[str]] = {}


def find_embeds(markdown: str, source: str) -> tuple[str, list[str]]:
    """Replace embed lines by numbered slots; return the new Markdown and the widget names."""
    known = registry()
    names: list[str] = []
    lines = markdown.split("\n")
    fence: str | None = None
    for number, line in enumerate(lines, start=1):
        opening = FENCE.match(line)
        if opening:
            fence = None if fence == opening.group(1) else fence or opening.group(1)
            continue
        if fence or not LOOKS_LIKE_EMBED.match(line):
            continue
        match = EMBED.match(line.strip())
        if match is None:
            raise PluginError(
                f"{source}:{number}: malformed widget embed {line.strip()!r}. "
                "Write it alone on its line as [[widget NAME]], e.g. [[widget memory-units]]."
            )
        name = match["name"]
        if name not in known:
            raise PluginError(
                f"{source}:{number}: unknown widget {name!r}. Known widgets: {', '.join(sorted(known))}."
            )
        lines[number - 1] = "\n" + SLOT.format(index=len(names)) + "\n"
        names.append(name)
    return "\n".join(lines), names


def container_html(name: str, index: int, lang: str, runtime_url: str, base: str = "") -> str:
    widget = registry()[name]
    env = Env(instance=f"kbw{index + 1}", base=base)
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
        "data-kbw-texts": json.dumps(texts, ensure_ascii=False),
        "data-kbw-max-bytes": str(widget.max_upload_bytes),
    }
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


def language_base(page_url: str, language_link: str) -> str:
    """The relative URL prefix from a page to its language's home: "", "../", "../../"..."""
    base = get_relative_url(language_link or ".", page_url or ".")
    return "" if base in (".", "./") else base.rstrip("/").removesuffix("/.") + "/"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load (again, under `mkdocs serve`) and check every text and tree before any page."""
    texts.ui_texts.cache_clear()
    tree.load.cache_clear()
    try:
        texts.ui_texts()
        for name in tree.tree_names():
            tree.load(name)
    except (tree.TreeError, texts.TextError) as error:
        raise PluginError(f"widget data needs fixing: {error}") from None
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    markdown, names = find_embeds(markdown, f"docs/{page.file.src_uri}")
    _embeds[page.file.src_uri] = names
    if names:
        page.meta["kb_widgets"] = names
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    names = _embeds.get(page.file.src_uri, [])
    if not names:
        return html
    lang = current_language(config)
    runtime_url = get_relative_url("pyodide/", page.url)
    base = language_base(page.url, {language.code: language.link for language in languages(config)}[lang])
    return SLOT_RE.sub(
        lambda m: container_html(names[int(m.group(1))], int(m.group(1)), lang, runtime_url, base), html
    )
