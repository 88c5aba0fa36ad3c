"""Links that leave the help centre, the same in widgets and in articles.

An outgoing link is a plain `<a href>` that opens in the same tab. It is marked for every
reader: an arrow for the eye (hidden from screen readers) and a visually hidden phrase, in the
reader's language, that screen readers read with the link's text. KB ids in a widget's text
("see KB2260") become links to IBKR's article in the reader's language, as in the articles.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from kbwidgets.engine.texts import t
from kbwidgets.engine.tree import TreeNode
from kbwidgets.engine.view import ViewNode, h

KB_ID = re.compile(r"\bKB(\d{1,6})\b")
OUTGOING_CLASS = "kb-out"
ICON = "\u2060↗"  # a word joiner first: the arrow never wraps onto a line of its own


@cache
def addresses() -> dict[str, Any]:
    """`data/links/addresses.toml`: the KB template per language and the named addresses."""
    text = resources.files("kbwidgets").joinpath("data", "links", "addresses.toml").read_text("utf-8")
    return tomllib.loads(text)


def kb_address(kb_id: str, lang: str) -> str:
    """IBKR's article `kb_id` ("KB2260") in `lang`."""
    return str(addresses()["kb"][lang]).replace("{id}", kb_id[2:])


def named_address(name: str) -> str:
    """A named outside address (KeyError when there is none: a widget's mistake, caught by tests)."""
    return str(addresses()["named"][name])


def outgoing_marks(lang: str) -> list[ViewNode]:
    """What follows an outgoing link's own words: the arrow, and the phrase screen readers hear."""
    return [
        h("span", {"class": "kb-out-icon", "aria-hidden": "true"}, ICON),
        h("span", {"class": "kb-visually-hidden"}, t("links.leaves_site", lang)),
    ]


def outgoing_link(href: str, text: ViewNode, lang: str) -> ViewNode:
    """`<a href>` to another site, marked as leaving the help centre."""
    return h("a", {"href": href, "class": OUTGOING_CLASS}, text, *outgoing_marks(lang))


def with_kb_links(text: str, lang: str) -> list[ViewNode]:
    """`text` with every KB id as a link to IBKR's article in `lang`."""
    out: list[ViewNode] = []
    position = 0
    for match in KB_ID.finditer(text):
        if match.start() > position:
            out.append(text[position : match.start()])
        out.append(outgoing_link(kb_address(match.group(0), lang), match.group(0), lang))
        position = match.end()
    if position < len(text):
        out.append(text[position:])
    return out


def contact_note(lang: str) -> ViewNode:
    """Where to call and what to have ready: under every outcome that sends the reader to
    Customer Service, so none ends without a number to call."""
    return h(
        "div",
        {"class": "kbw-contact"},
        h("p", {}, t("contact.ready", lang)),
        h(
            "p",
            {},
            t("contact.numbers", lang),
            " ",
            outgoing_link(named_address("customer_service_contacts"), t("contact.link", lang), lang),
        ),
    )


def step_items(node: TreeNode, lang: str) -> list[ViewNode]:
    """An outcome's steps as list items, their KB ids linked."""
    return [h("li", {}, *with_kb_links(step[lang], lang)) for step in node.steps]


def calls_customer_service(node: TreeNode) -> bool:
    """Whether the outcome may send the reader to Customer Service: always (`contact = true`) or
    as the last resort (`extra = { last_resort_contact = true }`). Either way it shows where to
    call and what to have ready, so no outcome ends in "call them" without a number."""
    return node.contact or bool(node.extra.get("last_resort_contact"))
