"""TWS memory calculator with a tws.vmoptions fixer.

The reader gives what they know (version, system, free memory, current value, symptoms) and
gets a value, the reason, warnings and the steps for their version and system. For versions
before 972 (or an unknown version) they can also drop, choose or paste their tws.vmoptions and
download it corrected. The file never leaves the browser and never goes into the address.
"""

from __future__ import annotations

import sys
from typing import Any

from kbwidgets.engine import forms
from kbwidgets.engine.errors import InputError
from kbwidgets.engine.inline import with_code
from kbwidgets.engine.texts import t
from kbwidgets.engine.view import ViewNode, h
from kbwidgets.engine.widget import Env, Widget, register
from kbwidgets.rules import memory, vmoptions
from kbwidgets.rules.memory import SYMPTOMS, SYSTEMS
from kbwidgets.widgets.vmoptions_fixer import fixer_view, take_file

if sys.version_info >= (3, 12):
    from typing import override
else:  # CPython 3.11 (the build machine); Pyodide's Python is newer
    from typing_extensions import override

FIELDS = ("version", "os", "bits", "available", "current")
QUERY_FIELDS = (*FIELDS, "symptoms")


CHOICES = {"os": SYSTEMS, "bits": ("64", "32")}


def _checked(state: dict[str, Any]) -> dict[str, Any]:
    """A choice from a link or an event that the form does not offer becomes the default one
    (`?os=Windows` or `?os=solaris` is an ordinary Windows calculation, not a broken widget)."""
    for name, options in CHOICES.items():
        if state.get(name) not in options:
            state[name] = options[0]
    return state


@register
class TwsMemory(Widget):
    name = "tws-memory"
    max_upload_bytes = vmoptions.READ_LIMIT

    @override
    def initial_state(self) -> dict[str, Any]:
        return {
            "version": "",
            "os": "windows",
            "bits": "64",
            "available": "",
            "current": "",
            "symptoms": [],
            "file": None,
            "file_name": "",
            "file_error": None,
        }

    # --- state ---------------------------------------------------------------------------

    @override
    def update(self, state: dict[str, Any], event: dict[str, Any], env: Env) -> dict[str, Any]:
        values = event.get("values") or {}
        state = _checked({**state, **{k: str(values[k])[:400] for k in FIELDS if k in values}})
        if "vmtext" in values:  # kept, so the pasted text is still there after "Correct" (never in links)
            state["vmtext"] = str(values["vmtext"])[: vmoptions.READ_LIMIT]
        if any(f"symptom_{s}" in values for s in SYMPTOMS):
            state["symptoms"] = [s for s in SYMPTOMS if values.get(f"symptom_{s}") is True]
        if event.get("type") == "file":
            state = take_file(
                state, event.get("data") or b"", event.get("size"), str(event.get("filename") or "")
            )
        elif event.get("action") == "fix_text":
            text = str(values.get("vmtext", ""))
            state = take_file(state, text.encode("utf-8"), None, "tws.vmoptions")
        elif event.get("action") == "forget_file":
            state = {**state, "file": None, "file_name": "", "file_error": None, "vmtext": ""}
        return state

    @override
    def to_query(self, state: dict[str, Any], env: Env) -> dict[str, str]:
        query = {k: str(state[k]) for k in FIELDS if state.get(k)}
        if state.get("symptoms"):
            query["symptoms"] = ",".join(state["symptoms"])
        return query

    @override
    def from_query(self, query: dict[str, str], env: Env) -> dict[str, Any]:
        state = _checked(self.initial_state() | {k: query[k][:400] for k in FIELDS if k in query})
        state["symptoms"] = [s for s in query.get("symptoms", "").split(",") if s in SYMPTOMS]
        return state

    # --- what the state means ------------------------------------------------------------

    def _inputs(self, state: dict[str, Any]) -> tuple[dict[str, Any], dict[str, InputError]]:
        errors: dict[str, InputError] = {}
        parsed: dict[str, Any] = {"version": None, "available": None, "current": None}
        readers = {
            "version": memory.parse_version,
            "available": memory.read_available,
            "current": memory.read_available,
        }
        for name, reader in readers.items():
            if str(state.get(name, "")).strip():
                try:
                    parsed[name] = reader(state[name])
                except InputError as error:
                    errors[name] = error
        return parsed, errors

    @override
    def announce(self, state: dict[str, Any], lang: str) -> str | None:
        parsed, errors = self._inputs(state)
        if errors:
            return next(iter(errors.values())).message(lang)
        advice = self._advice(state, parsed)
        return advice.reason_text(lang)

    def _advice(self, state: dict[str, Any], parsed: dict[str, Any]) -> memory.Advice:
        bits = 32 if state.get("bits") == "32" else 64
        return memory.recommend(
            parsed["version"], bits, parsed["available"], parsed["current"], set(state.get("symptoms") or [])
        )

    # --- views ---------------------------------------------------------------------------

    @override
    def fallback(self, lang: str, env: Env) -> ViewNode:
        rows = [
            ("memory.table.first", f"{memory.FIRST_STEP_MB} MB"),
            ("memory.table.second", f"{memory.SECOND_STEP_MB} MB"),
            ("memory.table.max", f"{memory.MAX_MB} MB"),
            ("memory.table.jvm", t("memory.table.jvm_value", lang)),
        ]
        return h(
            "div",
            {"class": "kbw-memory-static"},
            h(
                "table",
                {"class": "kbw-table"},
                h("caption", {}, t("memory.table.caption", lang)),
                h(
                    "thead",
                    {},
                    h(
                        "tr",
                        {},
                        h("th", {"scope": "col"}, t("memory.table.situation", lang)),
                        h("th", {"scope": "col"}, t("memory.table.value", lang)),
                    ),
                ),
                h(
                    "tbody",
                    {},
                    *(h("tr", {}, h("td", {}, t(key, lang)), h("td", {}, value)) for key, value in rows),
                ),
            ),
            h("p", {}, h("strong", {}, t("memory.steps.if_972_or_later", lang))),
            h(
                "ol",
                {},
                *(
                    h("li", {}, *with_code(s))
                    for s in memory.steps("global_configuration", "windows", memory.FIRST_STEP_MB, lang)
                ),
            ),
            h("p", {}, h("strong", {}, t("memory.static.before_972_windows", lang))),
            h(
                "ol",
                {},
                *(
                    h("li", {}, *with_code(s))
                    for s in memory.steps("vmoptions", "windows", memory.FIRST_STEP_MB, lang)
                ),
            ),
            h("p", {}, h("strong", {}, t("memory.static.before_972_macos", lang))),
            h(
                "ol",
                {},
                *(
                    h("li", {}, *with_code(s))
                    for s in memory.steps("vmoptions", "macos", memory.FIRST_STEP_MB, lang)
                ),
            ),
        )

    @override
    def view(self, state: dict[str, Any], lang: str, env: Env) -> ViewNode:
        parsed, errors = self._inputs(state)
        return h(
            "div",
            {"class": "kbw-memory"},
            h(
                "form",
                {"class": "kbw-form", "data-action": "recalculate"},
                forms.text_field(
                    env,
                    "version",
                    t("memory.field.version", lang),
                    state.get("version", ""),
                    hint=t("memory.field.version_hint", lang),
                ),
                forms.choice_group(
                    env,
                    "radio",
                    "os",
                    t("memory.field.os", lang),
                    [(s, t(f"memory.os.{s}", lang)) for s in SYSTEMS],
                    [state.get("os", "windows")],
                ),
                forms.choice_group(
                    env,
                    "radio",
                    "bits",
                    t("memory.field.bits", lang),
                    [("64", t("memory.bits.64", lang)), ("32", t("memory.bits.32", lang))],
                    [state.get("bits", "64")],
                ),
                forms.text_field(
                    env,
                    "available",
                    t("memory.field.available", lang),
                    state.get("available", ""),
                    hint=t(f"memory.field.available_hint_{state.get('os', 'windows')}", lang),
                ),
                forms.text_field(
                    env,
                    "current",
                    t("memory.field.current", lang),
                    state.get("current", ""),
                    hint=t("memory.field.current_hint", lang),
                ),
                forms.choice_group(
                    env,
                    "checkbox",
                    "symptom",
                    t("memory.field.symptoms", lang),
                    [(s, t(f"memory.symptom.{s}", lang)) for s in SYMPTOMS],
                    state.get("symptoms") or [],
                ),
            ),
            *(forms.error(error.message(lang)) for error in errors.values()),
            self._result(state, parsed, lang, env) if not errors else None,
        )

    def _result(self, state: dict[str, Any], parsed: dict[str, Any], lang: str, env: Env) -> ViewNode:
        advice = self._advice(state, parsed)
        system = state.get("os", "windows")
        return h(
            "section",
            {"class": "kbw-result", "aria-labelledby": env.id("result")},
            h("h3", {"id": env.id("result")}, advice.title_text(lang)),
            h(
                "p",
                {"class": "kbw-answer"},
                h("output", {}, advice.reason_text(lang)),
            ),
            h(
                "ul",
                {"class": "kbw-warnings"},
                *(h("li", {}, t(f"memory.warning.{w}", lang)) for w in advice.warnings),
            )
            if advice.warnings
            else None,
            *(
                part
                for heading, steps in memory.sections(advice.method, system, advice.recommended_mb, lang)
                for part in (
                    h("h4", {"class": "kbw-steps-heading"}, heading) if heading else None,
                    h("ol", {"class": "kbw-steps"}, *(h("li", {}, *with_code(step)) for step in steps)),
                )
            ),
            fixer_view(state, advice.recommended_mb, lang, env)
            if advice.method != "global_configuration"
            else None,
        )
