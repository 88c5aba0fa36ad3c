"""Guided troubleshooters for TWS: connectivity, and "Downloading settings from server failed".

Both are the shared tree widget over their own tree. On a company network the connectivity
troubleshooter also writes the request for the network administrator, in the reader's
language, ready to copy and send.
"""

from __future__ import annotations

import sys
from typing import Any

from kbwidgets.engine import forms
from kbwidgets.engine.links import kb_address
from kbwidgets.engine.texts import t
from kbwidgets.engine.tree import TreeNode
from kbwidgets.engine.tree_widget import TreeWidget
from kbwidgets.engine.view import ViewNode, h
from kbwidgets.engine.widget import Env, register

if sys.version_info >= (3, 12):
    from typing import override
else:  # CPython 3.11 (the build machine); Pyodide's Python is newer
    from typing_extensions import override

ADMIN_FIELDS = ("sender", "computer")


def admin_request(lang: str, sender: str = "", computer: str = "") -> str:
    """The message a reader sends their network administrator (plain text, never HTML)."""
    lines = [
        t("admin.greeting", lang),
        "",
        t("admin.problem", lang),
        t("admin.ask", lang),
        t("admin.ports", lang),
    ]
    if computer.strip():
        lines.append(t("admin.computer", lang, computer=computer.strip()[:100]))
    lines += ["", t("admin.list", lang, address=kb_address("KB2816", lang)), "", t("admin.thanks", lang)]
    if sender.strip():
        lines.append(sender.strip()[:100])
    return "\n".join(lines)


@register
class ConnectivityTroubleshooter(TreeWidget):
    name = "connectivity-troubleshooter"
    tree_name = "connectivity"

    @override
    def initial_state(self) -> dict[str, Any]:
        return {**super().initial_state(), "sender": "", "computer": ""}

    @override
    def extra_update(self, state: dict[str, Any], event: dict[str, Any], env: Env) -> dict[str, Any]:
        values = event.get("values") or {}
        return {**state, **{name: str(values[name])[:100] for name in ADMIN_FIELDS if name in values}}

    @override
    def outcome_extra(self, state: dict[str, Any], node: TreeNode, lang: str, env: Env) -> ViewNode | None:
        if "admin_request" not in node.uses:
            return None
        message_id = env.id("admin-message")

        def field(name: str) -> ViewNode:
            return forms.text_field(env, name, t(f"admin.field.{name}", lang), state.get(name, ""))

        return h(
            "section",
            {"class": "kbw-admin", "aria-labelledby": env.id("admin-title")},
            h("h4", {"id": env.id("admin-title")}, t("admin.title", lang)),
            field("sender"),
            field("computer"),
            h(
                "pre",
                {"id": message_id, "class": "kbw-message"},
                admin_request(lang, state.get("sender", ""), state.get("computer", "")),
            ),
            forms.button(t("admin.copy", lang), primary=True, copies=message_id),
        )


@register
class SettingsDownloadTroubleshooter(TreeWidget):
    name = "settings-download-troubleshooter"
    tree_name = "settings_download"
