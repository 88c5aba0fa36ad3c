"""A decision tree without JavaScript: every question and answer, each outcome folded.

The static version of a tree widget is its whole tree. Drawn flat, the access tree's outcomes
and their steps filled about nine phone screens before the article's own text; so each outcome
is a <details> element (native, no script) whose summary is the answer and the outcome's
title, and the steps open on demand. Links to the page the widget is on are left out: "step by
step" on that very page only reloads it.
"""

from __future__ import annotations

from collections.abc import Iterable

from kbwidgets.engine.links import calls_customer_service, contact_note, step_items
from kbwidgets.engine.texts import t
from kbwidgets.engine.tree import Tree
from kbwidgets.engine.view import ViewNode, h
from kbwidgets.engine.widget import Env


def article_link(path: str, lang: str, env: Env) -> ViewNode | None:
    """A link to one of our articles, in the page's language, titled from data/texts/articles.toml;
    None for the page the widget is on."""
    if env.page and path.split("#")[0] == env.page:
        return None
    return h("a", {"href": env.base + path}, t(f"articles.{path}", lang))


def read_more(articles: Iterable[str], lang: str, env: Env, css: str | None = None) -> ViewNode | None:
    """ "Read more: A · B", or None when every article is this very page."""
    links = [link for link in (article_link(a, lang, env) for a in articles) if link is not None]
    if not links:
        return None
    return h("p", {"class": css} if css else {}, t("tree.read_more", lang), " ", *joined(links))


def joined(items: Iterable[ViewNode], separator: str = " · ") -> list[ViewNode]:
    out: list[ViewNode] = []
    for item in items:
        if out:
            out.append(separator)
        out.append(item)
    return out


def tree_overview(tree: Tree, lang: str, env: Env, node_id: str | None = None) -> ViewNode:
    """The whole tree as a nested list: every question, every answer; each outcome folded."""
    node = tree.node(node_id or tree.start)
    return h(
        "div",
        {"class": "kbw-overview-question"},
        h("p", {}, h("strong", {}, node.question[lang])),
        h("ul", {}, *(_answer(tree, option.label[lang], option.next, lang, env) for option in node.options)),
    )


def _answer(tree: Tree, label: str, next_id: str, lang: str, env: Env) -> ViewNode:
    following = tree.node(next_id)
    if not following.is_outcome:
        return h("li", {}, h("em", {}, label), " → ", tree_overview(tree, lang, env, next_id))
    return h(
        "li",
        {},
        h(
            "details",
            {"class": "kbw-overview-outcome"},
            h("summary", {}, h("em", {}, label), " → ", h("strong", {}, following.outcome[lang])),
            h("ol", {}, *step_items(following, lang)),
            contact_note(lang) if calls_customer_service(following) else None,
            read_more(following.articles, lang, env),
        ),
    )
