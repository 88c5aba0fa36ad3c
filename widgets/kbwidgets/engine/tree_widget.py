"""One widget engine for every decision tree: one question at a time, back, restart, change.

The reader's answers are kept as {question id: option id}. Changing an earlier answer keeps
the later ones: they apply again wherever the new path meets the same questions. Only the
answers on the current path go into the address, so a copied link reproduces what the reader
sees. Subclasses name their tree and may add to an outcome, the state and the summary.
"""

from __future__ import annotations

import sys
from typing import Any, ClassVar

from kbwidgets.engine import forms
from kbwidgets.engine.links import calls_customer_service, contact_note, step_items
from kbwidgets.engine.texts import t
from kbwidgets.engine.tree import Tree, TreeNode, Walk, load, walk
from kbwidgets.engine.tree_static import read_more, tree_overview
from kbwidgets.engine.view import ViewNode, h
from kbwidgets.engine.widget import Env, Widget

if sys.version_info >= (3, 12):
    from typing import override
else:  # CPython 3.11 (the build machine); Pyodide's Python is newer
    from typing_extensions import override


class TreeWidget(Widget):
    tree_name: ClassVar[str] = ""

    @property
    def tree(self) -> Tree:
        return load(self.tree_name)

    # --- state ---------------------------------------------------------------------------

    @override
    def initial_state(self) -> dict[str, Any]:
        # `pending`: a choice made but not yet confirmed with Next, so that a redraw keeps it.
        return {"answers": {}, "editing": None, "error": None, "pending": None}

    def current(self, state: dict[str, Any]) -> Walk:
        return walk(self.tree, dict(state.get("answers") or {}), stop_at=state.get("editing"))

    @override
    def update(self, state: dict[str, Any], event: dict[str, Any], env: Env) -> dict[str, Any]:
        answers = dict(state.get("answers") or {})
        state = {**state, "answers": answers, "error": None}
        action = event.get("action")
        position = self.current(state)
        if event.get("type") == "change" and event.get("name") == "choice":
            return {**state, "pending": (event.get("values") or {}).get("choice")}
        state["pending"] = None
        if action == "answer":
            choice = (event.get("values") or {}).get("choice", "")
            node = position.current
            if node.is_outcome:
                return state
            if choice not in {option.id for option in node.options}:
                return {**state, "error": "tree.choose_one"}
            answers[node.id] = choice
            return {**state, "editing": None}
        if action == "back":
            if state.get("editing"):
                return {**state, "editing": None}
            if position.steps:
                answers.pop(position.steps[-1].node.id, None)
            return state
        if action == "restart":
            return self.initial_state()
        if action == "change" and event.get("value") in position.answers:
            return {**state, "editing": event["value"]}
        return self.extra_update(state, event, env)

    def extra_update(self, state: dict[str, Any], event: dict[str, Any], env: Env) -> dict[str, Any]:  # noqa: ARG002
        """A subclass's own events (its extra fields); the default changes nothing."""
        return state

    @override
    def to_query(self, state: dict[str, Any], env: Env) -> dict[str, str]:
        return self.current({**state, "editing": None}).answers

    @override
    def from_query(self, query: dict[str, str], env: Env) -> dict[str, Any]:
        answers = {node_id: query[node_id][:40] for node_id in self.tree.nodes if node_id in query}
        return {**self.initial_state(), "answers": walk(self.tree, answers).answers}

    @override
    def announce(self, state: dict[str, Any], lang: str) -> str | None:
        node = self.current(state).current
        return node.outcome[lang] if node.is_outcome else node.question[lang]

    # --- views ---------------------------------------------------------------------------

    @override
    def fallback(self, lang: str, env: Env) -> ViewNode:
        return h(
            "div",
            {"class": "kbw-overview"},
            h("p", {}, self.tree.intro[lang]) if self.tree.intro else None,
            h("p", {}, t("tree.overview_intro", lang)),
            tree_overview(self.tree, lang, env),
        )

    @override
    def view(self, state: dict[str, Any], lang: str, env: Env) -> ViewNode:
        position = self.current(state)
        node = position.current
        return h(
            "div",
            {"class": "kbw-tree"},
            h("p", {"class": "kbw-intro"}, self.tree.intro[lang])
            if self.tree.intro and not position.steps
            else None,
            self._path_view(position, lang),
            self._outcome_view(state, position, lang, env)
            if node.is_outcome
            else self._question_view(state, node, lang, env),
        )

    def _path_view(self, position: Walk, lang: str) -> ViewNode | None:
        if not position.steps:
            return None
        return h(
            "ol",
            {"class": "kbw-path", "aria-label": t("tree.your_answers", lang)},
            *(
                h(
                    "li",
                    {},
                    h("span", {"class": "kbw-path-question"}, step.node.question[lang]),
                    " ",
                    h("strong", {}, step.option.label[lang]),
                    " ",
                    h(
                        "button",
                        {
                            "type": "button",
                            "class": "kbw-link-button",
                            "data-action": "change",
                            "value": step.node.id,
                            "aria-label": t("tree.change_label", lang, question=step.node.question[lang]),
                        },
                        t("tree.change", lang),
                    ),
                )
                for step in position.steps
            ),
        )

    def _buttons(self, lang: str, env: Env, *, submit: bool, back: bool) -> ViewNode:
        return forms.actions(
            forms.button(t("tree.next", lang), primary=True, submit=True, id=env.id("next"))
            if submit
            else None,
            forms.button(t("tree.back", lang), action="back", id=env.id("back")) if back else None,
            forms.button(t("tree.restart", lang), action="restart", id=env.id("restart")),
        )

    def _question_view(self, state: dict[str, Any], node: TreeNode, lang: str, env: Env) -> ViewNode:
        chosen = state.get("pending") or (state.get("answers") or {}).get(node.id)
        legend_id = env.id("question")
        return h(
            "form",
            {"class": "kbw-question", "data-action": "answer"},
            h(
                "fieldset",
                {"aria-describedby": env.id("help") if node.help else None},
                h("legend", {"id": legend_id}, node.question[lang]),
                h("p", {"class": "kbw-help", "id": env.id("help")}, node.help[lang]) if node.help else None,
                *(
                    forms.choice(
                        env,
                        "radio",
                        "choice",
                        option.id,
                        option.label[lang],
                        checked=option.id == chosen,
                        inline=False,
                    )
                    for option in node.options
                ),
            ),
            forms.error(t(state["error"], lang)) if state.get("error") else None,
            self._buttons(lang, env, submit=True, back=bool(state.get("answers"))),
        )

    def _outcome_view(self, state: dict[str, Any], position: Walk, lang: str, env: Env) -> ViewNode:
        node = position.current
        summary_id = env.id("summary")
        return h(
            "form",
            {"class": "kbw-outcome", "data-action": "update"},
            h("h3", {"class": "kbw-outcome-title"}, node.outcome[lang]),
            h("ol", {"class": "kbw-steps"}, *step_items(node, lang)),
            self.outcome_extra(state, node, lang, env),
            contact_note(lang) if calls_customer_service(node) else None,
            read_more(node.articles, lang, env, "kbw-read-more"),
            h(
                "details",
                {"class": "kbw-summary"},
                h("summary", {}, t("tree.summary_heading", lang)),
                h("pre", {"id": summary_id}, self.summary(state, position, lang, env)),
                forms.button(t("tree.copy_summary", lang), copies=summary_id),
            ),
            self._buttons(lang, env, submit=False, back=True),
        )

    def outcome_extra(
        self,
        state: dict[str, Any],  # noqa: ARG002 - the extension point's signature
        node: TreeNode,  # noqa: ARG002
        lang: str,  # noqa: ARG002
        env: Env,  # noqa: ARG002
    ) -> ViewNode | None:
        """What a subclass adds under an outcome's steps (dates, a message to copy)."""
        return None

    def summary(self, state: dict[str, Any], position: Walk, lang: str, env: Env) -> str:
        """Plain text of the path and the outcome, for a message to support or a colleague."""
        node = position.current
        lines = [self.tree.title[lang], ""]
        lines += [f"- {step.node.question[lang]} {step.option.label[lang]}" for step in position.steps]
        lines += ["", f"{t('tree.outcome', lang)}: {node.outcome[lang]}"]
        lines += [f"{number}. {step[lang]}" for number, step in enumerate(node.steps, start=1)]
        lines += self.summary_extra(state, node, lang, env)
        return "\n".join(lines)

    def summary_extra(
        self,
        state: dict[str, Any],  # noqa: ARG002 - the extension point's signature
        node: TreeNode,  # noqa: ARG002
        lang: str,  # noqa: ARG002
        env: Env,  # noqa: ARG002
    ) -> list[str]:
        """Lines a subclass adds to the plain-text summary."""
        return []
