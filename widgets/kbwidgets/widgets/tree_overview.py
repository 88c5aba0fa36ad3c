"""For writers: every decision tree at a glance, generated from the data, in both languages.

Embedded on docs/writers/trees.md (not in the public navigation). Writers review the logic
here without reading TOML: each node with its id, each answer with where it leads, each
outcome's steps, the English and Chinese texts side by side.
"""

from __future__ import annotations

import sys

from kbwidgets import LANGUAGES
from kbwidgets.engine.tree import Tree, TreeNode, load, paths, tree_names
from kbwidgets.engine.view import ViewNode, h
from kbwidgets.engine.widget import Env, Widget, register

if sys.version_info >= (3, 12):
    from typing import override
else:  # CPython 3.11 (the build machine); Pyodide's Python is newer
    from typing_extensions import override


def _both(text: dict[str, str]) -> ViewNode:
    return h(
        "span",
        {},
        *(h("span", {"lang": lang, "class": f"kbw-text-{lang}"}, text[lang]) for lang in LANGUAGES),
    )


def _node(tree: Tree, node: TreeNode) -> ViewNode:
    if node.is_outcome:
        return h(
            "div",
            {"class": "kbw-ov-outcome"},
            h(
                "p",
                {},
                h("code", {}, node.id),
                " ",
                h("strong", {}, _both(node.outcome)),
                " · contact" if node.contact else None,
                f" · uses: {', '.join(node.uses)}" if node.uses else None,
            ),
            h("ol", {}, *(h("li", {}, _both(step)) for step in node.steps)),
            h("p", {}, "articles: ", ", ".join(node.articles)) if node.articles else None,
        )
    return h(
        "div",
        {"class": "kbw-ov-question"},
        h("p", {}, h("code", {}, node.id), " ", h("strong", {}, _both(node.question))),
        h(
            "ul",
            {},
            *(
                h(
                    "li",
                    {},
                    h("code", {}, option.id),
                    " ",
                    _both(option.label),
                    " → ",
                    _node(tree, tree.node(option.next)),
                )
                for option in node.options
            ),
        ),
    )


@register
class TreeOverview(Widget):
    name = "tree-overview"
    interactive = False

    @override
    def fallback(self, lang: str, env: Env) -> ViewNode:
        sections = []
        for name in tree_names():
            tree = load(name)
            questions = sum(not node.is_outcome for node in tree.nodes.values())
            outcomes = len(tree.nodes) - questions
            sections.append(
                h(
                    "section",
                    {"class": "kbw-tree-overview", "id": env.id(f"tree-{name}")},
                    h("h2", {}, _both(tree.title)),
                    h(
                        "p",
                        {},
                        h("code", {}, tree.source),
                        f": {questions} questions, {outcomes} outcomes, "
                        f"{len(paths(tree))} paths from the start, "
                        "all ending in an outcome (checked at build time).",
                    ),
                    _node(tree, tree.node(tree.start)),
                )
            )
        return h("div", {}, *sections)
