"""`[[widget NAME]]` lines become widget containers, each with its static version rendered by
the widget's own Python (kbsite.embeds). Widget texts and trees are loaded and checked before
any page, so a broken one stops the build first, with its file and line."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from hooks import site_index
from kbsite import SiteError
from kbsite.embeds import fill_slots, find_embeds
from kbsite.languages import relative_root
from kbsite.traditional_texts import generate as generate_traditional_texts
from kbwidgets.engine import texts, traditional, tree

_embeds: dict[str, list[str]] = {}  # page source -> the widgets it embeds, in order


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Convert the widget texts to Traditional Chinese when they changed (the wheel carries
    the result: kbsite.traditional_texts), then load (again, under `mkdocs serve`) and check
    every text and tree, in every language, before any page."""
    generate_traditional_texts(Path(config.config_file_path).parent)
    traditional.converted_texts.cache_clear()
    texts.ui_texts.cache_clear()
    tree.load.cache_clear()
    try:
        trees = [tree.load(name) for name in tree.tree_names()]
        node_texts = [text for each in trees for node in each.nodes.values() for text in node.texts]
        for text in [*texts.ui_texts().values(), *node_texts]:
            text["zh-hant"]  # converted texts are looked up when first asked for: ask now
    except (tree.TreeError, texts.TextError, traditional.StaleTraditionalTexts) as error:
        raise PluginError(f"widget data needs fixing: {error}") from None
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, **_: object) -> str:
    first_line = site_index.page_info(page, config).doc.body_line
    try:
        markdown, names = find_embeds(markdown, f"docs/{page.file.src_uri}", first_line)
    except SiteError as error:
        raise PluginError(str(error)) from None
    _embeds[page.file.src_uri] = names
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, **_: object) -> str:
    names = _embeds.get(page.file.src_uri, [])
    if not names:
        return html
    index = site_index.current(config)
    runtime_url = get_relative_url("pyodide/", page.url)
    own_path = page.url[len(index.folder) :] if page.url.startswith(index.folder) else page.url
    return fill_slots(html, names, index.lang, runtime_url, relative_root(page.url, index.folder), own_path)
