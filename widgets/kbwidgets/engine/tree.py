"""Decision trees as data: load, validate, walk, and describe them.

A tree lives in `kbwidgets/data/trees/<name>.toml`. Every node is a question or an outcome:

    start = "access_level"

    [nodes.access_level]
    question = { en = "What can you log in to right now?", zh = "您现在能登录什么？" }
    options = [
      { id = "none", label = { en = "Nothing", zh = "都登录不了" }, next = "why_no_access" },
      { id = "full", label = { en = "Everything", zh = "都能登录" }, next = "done" },
    ]

    [nodes.done]
    outcome = { en = "Nothing to do", zh = "无需操作" }
    steps = [{ en = "...", zh = "..." }]

The tree only routes. Dates and policies are computed by separate pure functions (for example
kbwidgets.rules.access.timeline), which outcomes name in `uses`.

`validate` checks what a reader depends on: every node is reachable from the start, every
path ends in an outcome, there are no cycles, every `next` exists, option ids are unique, and
every text exists in every language. Errors name the file and the line.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Literal

from kbwidgets import WRITTEN_LANGUAGES
from kbwidgets.engine.traditional import complete

Text = dict[str, str]  # {"en": ..., "zh": ...}


class TreeError(ValueError):
    """A tree file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Option:
    id: str
    label: Text
    next: str


@dataclass(frozen=True)
class TreeNode:
    """A question (with options) or an outcome (with steps); `kind` says which."""

    id: str
    kind: Literal["question", "outcome"]
    question: Text = field(default_factory=dict)
    help: Text | None = None
    options: tuple[Option, ...] = ()
    outcome: Text = field(default_factory=dict)
    steps: tuple[Text, ...] = ()
    contact: bool = False  # the reader has to call Customer Service
    articles: tuple[str, ...] = ()  # our pages, relative to the language root ("tws/connectivity/")
    uses: tuple[str, ...] = ()  # named calculations the outcome shows (e.g. "timeline")
    extra: dict[str, Any] = field(default_factory=dict)  # tree-specific data, e.g. a message template

    @property
    def is_outcome(self) -> bool:
        return self.kind == "outcome"

    @property
    def texts(self) -> list[Text]:
        """Every text the node shows: question, help, outcome, steps, option labels."""
        labels = [option.label for option in self.options]
        found = [self.question, self.help, self.outcome, *self.steps, *labels]
        return [text for text in found if text]


@dataclass(frozen=True)
class Tree:
    name: str
    start: str
    nodes: dict[str, TreeNode]
    title: Text
    source: str = ""
    intro: Text | None = None  # shown above the first question and in the static version

    def node(self, node_id: str) -> TreeNode:
        return self.nodes[node_id]


@dataclass(frozen=True)
class Step:
    """One answered question on the reader's path."""

    node: TreeNode
    option: Option


@dataclass(frozen=True)
class Walk:
    """Where a set of answers leads: the answered steps, then a question or an outcome."""

    steps: tuple[Step, ...]
    current: TreeNode

    @property
    def answers(self) -> dict[str, str]:
        """The answers on this path only (what a link needs to reproduce it)."""
        return {step.node.id: step.option.id for step in self.steps}


# --- loading ---------------------------------------------------------------------------------


def _line_of(text: str, needle: str, after: str = "") -> int:
    """The 1-based line of `needle` in `text`, searching from `after` if given (1 if absent)."""
    start = max(text.find(after), 0) if after else 0
    position = text.find(needle, start)
    return text.count("\n", 0, position) + 1 if position >= 0 else 1


def _text(value: Any, where: str) -> Text:
    if isinstance(value, str) or not isinstance(value, dict):
        written = ", ".join(WRITTEN_LANGUAGES)
        raise TreeError(f"{where}: expected a table with {written} texts, got {value!r:.60}")
    missing = [lang for lang in WRITTEN_LANGUAGES if not str(value.get(lang, "")).strip()]
    if missing:
        raise TreeError(f"{where}: missing the {', '.join(missing)} text")
    return complete(value)  # Traditional Chinese from the build's conversion, when asked for


def parse(source_text: str, name: str, source: str = "") -> Tree:
    """Parse and validate a tree; errors name `source` and a line."""
    label = source or f"{name}.toml"
    try:
        data = tomllib.loads(source_text)
    except tomllib.TOMLDecodeError as error:
        raise TreeError(f"{label}: {error}") from None
    nodes: dict[str, TreeNode] = {}
    for node_id, raw in (data.get("nodes") or {}).items():
        where = f"{label}:{_line_of(source_text, f'[nodes.{node_id}]')}: node {node_id!r}"
        try:
            nodes[node_id] = _node(node_id, raw, where)
        except (TypeError, KeyError) as error:
            raise TreeError(f"{where}: {error}") from None
    start = data.get("start")
    if not isinstance(start, str):
        raise TreeError(f'{label}:1: `start = "<node id>"` is missing')
    intro = _text(data["intro"], f"{label}:1: intro") if "intro" in data else None
    tree = Tree(name, start, nodes, _text(data.get("title"), f"{label}:1: title"), source, intro)
    validate(tree, source_text)
    return tree


def _node(node_id: str, raw: dict[str, Any], where: str) -> TreeNode:
    if ("question" in raw) == ("outcome" in raw):
        raise TreeError(f"{where}: a node has either `question` (with options) or `outcome`")
    known = {"question", "help", "options", "outcome", "steps", "contact", "articles", "uses", "extra"}
    unknown = set(raw) - known
    if unknown:
        raise TreeError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    if "question" in raw:
        options = []
        for index, option in enumerate(raw.get("options") or []):
            options.append(
                Option(
                    str(option["id"]),
                    _text(option.get("label"), f"{where} option {index + 1}"),
                    str(option["next"]),
                )
            )
        return TreeNode(
            node_id,
            "question",
            question=_text(raw["question"], f"{where} question"),
            help=_text(raw["help"], f"{where} help") if "help" in raw else None,
            options=tuple(options),
        )
    return TreeNode(
        node_id,
        "outcome",
        outcome=_text(raw["outcome"], f"{where} outcome"),
        steps=tuple(_text(step, f"{where} step {i + 1}") for i, step in enumerate(raw.get("steps") or [])),
        contact=bool(raw.get("contact", False)),
        articles=tuple(str(a) for a in raw.get("articles") or []),
        uses=tuple(str(u) for u in raw.get("uses") or []),
        extra=dict(raw.get("extra") or {}),
    )


def validate(tree: Tree, source_text: str = "") -> None:
    """Raise TreeError unless every reader's path through `tree` is sound."""
    label = tree.source or f"{tree.name}.toml"

    def at(node_id: str) -> str:
        return f"{label}:{_line_of(source_text, f'[nodes.{node_id}]')}"

    if tree.start not in tree.nodes:
        raise TreeError(f"{label}:1: start node {tree.start!r} does not exist")
    for node in tree.nodes.values():
        if node.is_outcome:
            if not node.steps:
                raise TreeError(f"{at(node.id)}: outcome {node.id!r} has no steps for the reader")
            continue
        if len(node.options) < 2:
            raise TreeError(f"{at(node.id)}: question {node.id!r} needs at least 2 options")
        ids = [option.id for option in node.options]
        if len(set(ids)) != len(ids):
            raise TreeError(f"{at(node.id)}: question {node.id!r} has two options with the same id")
        for option in node.options:
            if option.next not in tree.nodes:
                line = _line_of(source_text, f'"{option.id}"', after=f"[nodes.{node.id}]")
                raise TreeError(
                    f"{label}:{line}: option {option.id!r} leads to {option.next!r}, which does not exist"
                )
    # No cycles, and everything reachable: a depth-first walk from the start.
    reached: set[str] = set()

    def visit(node_id: str, trail: tuple[str, ...]) -> None:
        if node_id in trail:
            cycle = " -> ".join((*trail[trail.index(node_id) :], node_id))
            raise TreeError(f"{at(node_id)}: the tree loops: {cycle}")
        if node_id in reached:
            return
        reached.add(node_id)
        for option in tree.nodes[node_id].options:
            visit(option.next, (*trail, node_id))

    visit(tree.start, ())
    unreachable = sorted(set(tree.nodes) - reached)
    if unreachable:
        raise TreeError(f"{at(unreachable[0])}: no path leads to {', '.join(repr(n) for n in unreachable)}")


@cache
def load(name: str) -> Tree:
    """The tree `kbwidgets/data/trees/<name>.toml`, validated."""
    path = resources.files("kbwidgets").joinpath("data", "trees", f"{name}.toml")
    return parse(path.read_text(encoding="utf-8"), name, f"widgets/kbwidgets/data/trees/{name}.toml")


def tree_names() -> list[str]:
    folder = resources.files("kbwidgets").joinpath("data", "trees")
    return sorted(item.name.removesuffix(".toml") for item in folder.iterdir() if item.name.endswith(".toml"))


# --- walking ---------------------------------------------------------------------------------


def walk(tree: Tree, answers: dict[str, str], stop_at: str | None = None) -> Walk:
    """Follow `answers` ({question id: option id}) from the start.

    Stops at the first question without a valid answer, at an outcome, or at `stop_at` (a
    question on the path the reader wants to change). Answers to questions off the path are
    ignored, not lost: the caller keeps them, so they apply again if the reader returns.
    """
    steps: list[Step] = []
    node = tree.node(tree.start)
    while not node.is_outcome and node.id != stop_at:
        chosen = next((o for o in node.options if o.id == answers.get(node.id)), None)
        if chosen is None:
            break
        steps.append(Step(node, chosen))
        node = tree.node(chosen.next)
    return Walk(tuple(steps), node)


def paths(tree: Tree) -> list[list[tuple[TreeNode, Option | None]]]:
    """Every path from the start to an outcome (for tests and overviews)."""
    out: list[list[tuple[TreeNode, Option | None]]] = []

    def go(node: TreeNode, trail: list[tuple[TreeNode, Option | None]]) -> None:
        if node.is_outcome:
            out.append([*trail, (node, None)])
            return
        for option in node.options:
            go(tree.node(option.next), [*trail, (node, option)])

    go(tree.node(tree.start), [])
    return out
