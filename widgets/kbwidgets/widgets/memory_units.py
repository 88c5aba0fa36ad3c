"""Demo widget: convert an amount of memory between GB and MB (1024 MB = 1 GB).

Small on purpose: it proves the runtime end to end (typing, a result, an error message in the
reader's language, untrusted text shown as text) and is genuinely useful next to the TWS
memory article, whose values are given in MB.
"""

from __future__ import annotations

import sys
from typing import Any

from kbwidgets.engine import forms
from kbwidgets.engine.errors import InputError
from kbwidgets.engine.texts import t
from kbwidgets.engine.view import ViewNode, h
from kbwidgets.engine.widget import Env, Widget, register
from kbwidgets.rules.units import format_gb, parse_mb

if sys.version_info >= (3, 12):
    from typing import override
else:  # CPython 3.11 (the build machine); Pyodide's Python is newer
    from typing_extensions import override

COMMON_MB = (768, 1024, 1536, 1792, 2048)


@register
class MemoryUnits(Widget):
    name = "memory-units"

    @override
    def fallback(self, lang: str, env: Env) -> ViewNode:
        rows = [h("tr", {}, h("td", {}, f"{mb} MB"), h("td", {}, f"{format_gb(mb)} GB")) for mb in COMMON_MB]
        return h(
            "table",
            {"class": "kbw-table"},
            h("caption", {}, t("units.table_caption", lang)),
            h("thead", {}, h("tr", {}, h("th", {"scope": "col"}, "MB"), h("th", {"scope": "col"}, "GB"))),
            h("tbody", {}, *rows),
        )

    @override
    def initial_state(self) -> dict[str, Any]:
        return {"amount": ""}

    @override
    def view(self, state: dict[str, Any], lang: str, env: Env) -> ViewNode:
        amount = str(state.get("amount", ""))
        field_id = env.id("amount")
        return h(
            "form",
            {"class": "kbw-form", "data-action": "convert"},
            h("label", {"for": field_id}, t("units.label", lang)),
            h(
                "div",
                {"class": "kbw-row"},
                forms.text_input(env, "amount", amount, inputmode="decimal"),
                forms.button(t("units.convert", lang), submit=True),
            ),
            self._answer(amount, lang) if amount else None,
        )

    def _answer(self, amount: str, lang: str) -> ViewNode:
        try:
            mb = parse_mb(amount)
        except InputError as error:
            return forms.error(error.message(lang))
        return h(
            "p", {"class": "kbw-answer"}, h("output", {}, t("units.result", lang, gb=format_gb(mb), mb=mb))
        )

    @override
    def to_query(self, state: dict[str, Any], env: Env) -> dict[str, str]:
        return {"amount": str(state["amount"])} if state.get("amount") else {}

    @override
    def from_query(self, query: dict[str, str], env: Env) -> dict[str, Any]:
        return {"amount": query.get("amount", "")[:64]}
