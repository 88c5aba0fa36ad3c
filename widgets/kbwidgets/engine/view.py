"""A tiny, safe view language shared by the build (HTML) and the browser (DOM).

A view is a tree of nodes. A node is either a string (text) or a list
`[tag, attrs, *children]`, for example:

    ["p", {"class": "kbw-answer"}, "Recommended: ", ["strong", {}, "1536 MB"]]

The build turns a view into HTML with `to_html` (escaping every text and attribute). In the
browser, `kbw-runtime.js` builds DOM nodes from the same JSON with `createElement` and
`textContent`, so a string can never become markup there either. Both sides accept only the
tags and attributes listed here (runtime.json hands the same lists and patterns to the
browser); `validate` enforces them on the Python side, before any view leaves Python.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

ViewNode = str | list[Any]  # a text, or [tag, attrs, *children]

HTML_TAGS = frozenset(
    "a abbr button caption code dd details div dl dt em fieldset figure form h2 h3 h4 kbd label legend li "
    "ol optgroup option output p pre progress section select small span strong summary table tbody "
    "td textarea tfoot th thead time tr ul input br".split()
)
SVG_TAGS = frozenset("svg g line rect circle text title desc path".split())
VOID_TAGS = frozenset({"input", "br"})
ATTRIBUTES = frozenset(
    "class id for name type value placeholder min max step checked selected disabled hidden "
    "required readonly multiple accept rows cols colspan rowspan scope href download lang dir "
    "datetime role tabindex autocomplete inputmode pattern maxlength open title spellcheck "
    "viewBox width height x y x1 x2 y1 y2 cx cy r rx d fill stroke stroke-width "
    "text-anchor dominant-baseline font-size focusable xmlns "
    # Named one by one, never by prefix: "data-x onmouseover=..." must not pass as data-*.
    "aria-describedby aria-hidden aria-label aria-labelledby aria-live aria-current aria-invalid "
    "aria-expanded aria-controls aria-valuenow aria-valuemin aria-valuemax "
    "data-action data-copy data-drop data-download-b64".split()
)
BOOLEAN_ATTRIBUTES = frozenset("checked selected disabled hidden required readonly multiple open".split())
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Element ids carry the widget's prefix (Env.id: "kbw1-version"), so no id can shadow a global
# of the page (window.foo) or collide with the article's own ids; attributes that point at ids
# obey the same rule.
ID = re.compile(r"^kbw\d*(?:-[A-Za-z0-9_-]{1,80})?$")
ID_REFERENCES = frozenset({"id", "for", "aria-describedby", "aria-labelledby", "aria-controls", "data-copy"})
# Names belong to form controls only: a named <form> or <img> becomes a property of
# `document` (document.getElementById could be shadowed); a control's name does not.
NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
NAMED_TAGS = frozenset({"input", "select", "textarea", "button"})
FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$")
# Browsers ignore ASCII control characters and spaces inside a URL's scheme ("java\tscript:").
_IGNORED_IN_URL = re.compile(r"[\x00-\x20]")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)


class ViewError(ValueError):
    """A view uses a tag, an attribute or a URL that the renderers refuse."""


def h(tag: str, attrs: dict[str, Any] | None = None, *children: ViewNode | None) -> list[Any]:
    """Build a node; `None` children are dropped, so optional parts can be written inline."""
    return [tag, dict(attrs or {}), *(child for child in children if child is not None)]


def _check_attr(tag: str, name: object, value: object) -> None:
    if not isinstance(name, str) or name not in ATTRIBUTES:
        raise ViewError(f"attribute {name!r:.60} is not allowed (on <{tag}>)")
    if not (value is None or isinstance(value, str | int | float | bool)):
        raise ViewError(f"attribute {name!r} must be text, a number or a flag, not {type(value).__name__}")
    text = "" if value is None or isinstance(value, bool) else str(value)
    present = value is not None and value is not False
    if name in ID_REFERENCES and present and not all(ID.match(part) for part in text.split(" ")):
        raise ViewError(f"{name}={text!r:.60} must be a widget id (kbwN-...), on <{tag}>")
    if name == "name" and (tag not in NAMED_TAGS or not NAME.match(text)):
        raise ViewError(f"name={text!r:.40} is only for form controls, lowercase (on <{tag}>)")
    if name == "download" and not FILE_NAME.match(text):
        raise ViewError(f"download={text!r:.40} must be a plain file name")
    if name == "data-download-b64" and tag != "a":
        raise ViewError("data-download-b64 belongs on a download link <a download>")
    if name == "href":
        scheme = _SCHEME.match(_IGNORED_IN_URL.sub("", text))
        if scheme and scheme.group(1).lower() not in URL_SCHEMES:
            raise ViewError(f"href scheme {scheme.group(1)!r} is not allowed")


def validate(node: ViewNode) -> ViewNode:
    """Raise ViewError unless every tag and attribute in `node` is allowed; return `node`."""
    if isinstance(node, str):
        return node
    if not isinstance(node, list) or len(node) < 2 or not isinstance(node[1], dict):
        raise ViewError(f"not a view node: {node!r:.80}")
    tag = node[0]
    if not isinstance(tag, str) or (tag not in HTML_TAGS and tag not in SVG_TAGS):
        raise ViewError(f"tag <{tag!r:.40}> is not allowed")
    for name, value in node[1].items():
        _check_attr(tag, name, value)
    if "data-download-b64" in node[1] and "download" not in node[1]:
        raise ViewError("a download link needs a `download` file name")
    for child in node[2:]:
        validate(child)
    return node


def _attr_html(name: str, value: object) -> str:
    if name in BOOLEAN_ATTRIBUTES or value is True:
        return f" {name}" if value else ""
    if value is None or value is False:
        return ""
    return f' {name}="{escape(str(value), quote=True)}"'


def to_html(node: ViewNode) -> str:
    """Render a view as HTML after validating it. Every text and attribute value is escaped."""
    return _render(validate(node))


def _render(node: ViewNode) -> str:
    if isinstance(node, str):
        return escape(node, quote=False)
    tag, attrs, *children = node
    opening = f"<{tag}{''.join(_attr_html(k, v) for k, v in attrs.items())}>"
    if tag in VOID_TAGS:
        return opening
    return opening + "".join(_render(child) for child in children) + f"</{tag}>"


def text_of(node: ViewNode) -> str:
    """The plain text of a view (for summaries, search and tests)."""
    if isinstance(node, str):
        return node
    return "".join(text_of(child) for child in node[2:])
