"""Demo widget: convert an amount of memory between GB and MB (1024 MB = 1 GB).

Small on purpose: it proves the runtime end to end (typing, a result, an error message in the
reader's language, untrusted text shown as text) and is genuinely useful next to the TWS
memory article, whose values are given in MB.
"""

from __future__ import annotations

from typing import Any

from kbwidgets.errors import InputError
from kbwidgets.texts import t
from kbwidgets.units import format_gb, parse_mb
from kbwidgets.view import Node, h
from kbwidgets.widget import Env, Widget, register

COMMON_MB = (768, 1024, 1536, 1792, 2048)


@register
class MemoryUnits(Widget):
    name = "memory-units"

    def fallback(self, lang: str, env: Env) -> Node:
        rows = [h("tr", {}, h("td", {}, f"{mb} MB"), h("td", {}, f"{format_gb(mb)} GB")) for mb in COMMON_MB]
        return h(
            "table",
            {"class": "kbw-table"},
            h("caption", {}, t("units.table_caption", lang)),
            h("thead", {}, h("tr", {}, h("th", {"scope": "col"}, "MB"), h("th", {"scope": "col"}, "GB"))),
            h("tbody", {}, *rows),
        )

    def initial_state(self) -> dict[str, Any]:
        return {"amount": ""}

    def view(self, state: dict[str, Any], lang: str, env: Env) -> Node:
        amount = str(state.get("amount", ""))
        field_id = env.id("amount")
        return h(
            "form",
            {"class": "kbw-form", "data-action": "convert"},
            h("label", {"for": field_id}, t("units.label", lang)),
            h(
                "div",
                {"class": "kbw-row"},
                h(
                    "input",
                    {
                        "id": field_id,
                        "name": "amount",
                        "type": "text",
                        "value": amount,
                        "autocomplete": "off",
                        "inputmode": "decimal",
                    },
                ),
                h("button", {"type": "submit", "class": "md-button"}, t("units.convert", lang)),
            ),
            self._answer(amount, lang) if amount else None,
        )

    def _answer(self, amount: str, lang: str) -> Node:
        try:
            mb = parse_mb(amount)
        except InputError as error:
            return h("p", {"class": "kbw-error", "role": "alert"}, error.message(lang))
        return h(
            "p", {"class": "kbw-answer"}, h("output", {}, t("units.result", lang, gb=format_gb(mb), mb=mb))
        )

    def to_query(self, state: dict[str, Any], env: Env) -> dict[str, str]:
        return {"amount": str(state["amount"])} if state.get("amount") else {}

    def from_query(self, query: dict[str, str], env: Env) -> dict[str, Any]:
        return {"amount": query.get("amount", "")[:64]}
