"""TWS memory calculator with a tws.vmoptions fixer.

The reader gives what they know (version, system, free memory, current value, symptoms) and
gets a value, the reason, warnings and the steps for their version and system. For versions
before 972 (or an unknown version) they can also drop, choose or paste their tws.vmoptions and
download it corrected. The file never leaves the browser and never goes into the address.
"""

from __future__ import annotations

import base64
from typing import Any

from kbwidgets import memory, vmoptions
from kbwidgets.errors import InputError
from kbwidgets.memory import SYMPTOMS, SYSTEMS
from kbwidgets.texts import t
from kbwidgets.view import Node, h
from kbwidgets.widget import Env, Widget, register

FIELDS = ("version", "os", "bits", "available", "current")
QUERY_FIELDS = (*FIELDS, "symptoms")


def _radios(name: str, options: list[tuple[str, str]], chosen: str, env: Env, legend: str) -> Node:
    return h(
        "fieldset",
        {"class": "kbw-inline"},
        h("legend", {}, legend),
        *(
            h(
                "span",
                {"class": "kbw-choice"},
                h(
                    "input",
                    {
                        "type": "radio",
                        "name": name,
                        "value": value,
                        "id": env.id(f"{name}-{value}"),
                        "checked": value == chosen,
                    },
                ),
                h("label", {"for": env.id(f"{name}-{value}")}, label),
            )
            for value, label in options
        ),
    )


def _text_field(name: str, label: str, value: str, env: Env, hint: str | None = None) -> Node:
    return h(
        "p",
        {"class": "kbw-field"},
        h("label", {"for": env.id(name)}, label),
        h(
            "input",
            {
                "type": "text",
                "id": env.id(name),
                "name": name,
                "value": value,
                "autocomplete": "off",
                "aria-describedby": env.id(f"{name}-hint") if hint else None,
            },
        ),
        h("small", {"id": env.id(f"{name}-hint"), "class": "kbw-help"}, hint) if hint else None,
    )


@register
class TwsMemory(Widget):
    name = "tws-memory"
    max_upload_bytes = vmoptions.MAX_BYTES

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

    def update(self, state: dict[str, Any], event: dict[str, Any], env: Env) -> dict[str, Any]:
        values = event.get("values") or {}
        state = {**state, **{k: str(values[k])[:400] for k in FIELDS if k in values}}
        if any(f"symptom_{s}" in values for s in SYMPTOMS):
            state["symptoms"] = [s for s in SYMPTOMS if values.get(f"symptom_{s}") is True]
        if event.get("type") == "file":
            state = self._take_file(
                state, event.get("data") or b"", event.get("size"), str(event.get("filename") or "")
            )
        elif event.get("action") == "fix_text":
            text = str(values.get("vmtext", ""))
            state = self._take_file(state, text.encode("utf-8"), None, "tws.vmoptions")
        elif event.get("action") == "forget_file":
            state = {**state, "file": None, "file_name": "", "file_error": None}
        return state

    def _take_file(self, state: dict[str, Any], data: bytes, size: Any, name: str) -> dict[str, Any]:
        try:
            vmoptions.check(data, size if isinstance(size, int) else None)
        except InputError as error:
            return {**state, "file": None, "file_name": name[:80], "file_error": error.code}
        return {
            **state,
            "file": base64.b64encode(data).decode("ascii"),
            "file_name": name[:80],
            "file_error": None,
        }

    def to_query(self, state: dict[str, Any], env: Env) -> dict[str, str]:
        query = {k: str(state[k]) for k in FIELDS if state.get(k)}
        if state.get("symptoms"):
            query["symptoms"] = ",".join(state["symptoms"])
        return query

    def from_query(self, query: dict[str, str], env: Env) -> dict[str, Any]:
        state = self.initial_state() | {k: query[k][:400] for k in FIELDS if k in query}
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

    def announce(self, state: dict[str, Any], lang: str) -> str | None:
        parsed, errors = self._inputs(state)
        if errors:
            return next(iter(errors.values())).message(lang)
        advice = self._advice(state, parsed)
        return t(advice.reason, lang, mb=advice.recommended_mb)

    def _advice(self, state: dict[str, Any], parsed: dict[str, Any]) -> memory.Advice:
        bits = 32 if state.get("bits") == "32" else 64
        return memory.recommend(
            parsed["version"], bits, parsed["available"], parsed["current"], set(state.get("symptoms") or [])
        )

    # --- views ---------------------------------------------------------------------------

    def fallback(self, lang: str, env: Env) -> Node:
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
                    h("li", {}, s)
                    for s in memory.steps("global_configuration", "windows", memory.FIRST_STEP_MB, lang)
                ),
            ),
            h("p", {}, h("strong", {}, t("memory.static.before_972_windows", lang))),
            h(
                "ol",
                {},
                *(h("li", {}, s) for s in memory.steps("vmoptions", "windows", memory.FIRST_STEP_MB, lang)),
            ),
            h("p", {}, h("strong", {}, t("memory.static.before_972_macos", lang))),
            h(
                "ol",
                {},
                *(h("li", {}, s) for s in memory.steps("vmoptions", "macos", memory.FIRST_STEP_MB, lang)),
            ),
        )

    def view(self, state: dict[str, Any], lang: str, env: Env) -> Node:
        parsed, errors = self._inputs(state)
        return h(
            "div",
            {"class": "kbw-memory"},
            h(
                "form",
                {"class": "kbw-form", "data-action": "recalculate"},
                _text_field(
                    "version",
                    t("memory.field.version", lang),
                    state.get("version", ""),
                    env,
                    t("memory.field.version_hint", lang),
                ),
                _radios(
                    "os",
                    [(s, t(f"memory.os.{s}", lang)) for s in SYSTEMS],
                    state.get("os", "windows"),
                    env,
                    t("memory.field.os", lang),
                ),
                _radios(
                    "bits",
                    [("64", t("memory.bits.64", lang)), ("32", t("memory.bits.32", lang))],
                    state.get("bits", "64"),
                    env,
                    t("memory.field.bits", lang),
                ),
                _text_field(
                    "available",
                    t("memory.field.available", lang),
                    state.get("available", ""),
                    env,
                    t(f"memory.field.available_hint_{state.get('os', 'windows')}", lang),
                ),
                _text_field(
                    "current",
                    t("memory.field.current", lang),
                    state.get("current", ""),
                    env,
                    t("memory.field.current_hint", lang),
                ),
                h(
                    "fieldset",
                    {"class": "kbw-inline"},
                    h("legend", {}, t("memory.field.symptoms", lang)),
                    *(
                        h(
                            "span",
                            {"class": "kbw-choice"},
                            h(
                                "input",
                                {
                                    "type": "checkbox",
                                    "name": f"symptom_{s}",
                                    "id": env.id(f"symptom-{s}"),
                                    "checked": s in (state.get("symptoms") or []),
                                },
                            ),
                            h("label", {"for": env.id(f"symptom-{s}")}, t(f"memory.symptom.{s}", lang)),
                        )
                        for s in SYMPTOMS
                    ),
                ),
            ),
            *(
                h("p", {"class": "kbw-error", "role": "alert"}, error.message(lang))
                for error in errors.values()
            ),
            self._result(state, parsed, lang, env) if not errors else None,
        )

    def _result(self, state: dict[str, Any], parsed: dict[str, Any], lang: str, env: Env) -> Node:
        advice = self._advice(state, parsed)
        system = state.get("os", "windows")
        return h(
            "section",
            {"class": "kbw-result", "aria-labelledby": env.id("result")},
            h("h3", {"id": env.id("result")}, t("memory.result.title", lang, mb=advice.recommended_mb)),
            h(
                "p",
                {"class": "kbw-answer"},
                h("output", {}, t(advice.reason, lang, mb=advice.recommended_mb)),
            ),
            h(
                "ul",
                {"class": "kbw-warnings"},
                *(h("li", {}, t(f"memory.warning.{w}", lang)) for w in advice.warnings),
            )
            if advice.warnings
            else None,
            h(
                "ol",
                {"class": "kbw-steps"},
                *(h("li", {}, s) for s in memory.steps(advice.method, system, advice.recommended_mb, lang)),
            ),
            self._fixer(state, advice.recommended_mb, lang, env)
            if advice.method != "global_configuration"
            else None,
        )

    def _fixer(self, state: dict[str, Any], mb: int, lang: str, env: Env) -> Node:
        return h(
            "section",
            {"class": "kbw-fixer", "aria-labelledby": env.id("fixer")},
            h("h4", {"id": env.id("fixer")}, t("vmfix.title", lang)),
            h("p", {}, t("vmfix.intro", lang, mb=mb)),
            h(
                "div",
                {"class": "kbw-drop", "data-drop": "vmfile"},
                h("label", {"for": env.id("vmfile")}, t("vmfix.choose", lang)),
                h(
                    "input",
                    {
                        "type": "file",
                        "id": env.id("vmfile"),
                        "name": "vmfile",
                        "accept": ".vmoptions,text/plain",
                    },
                ),
                h("small", {}, t("vmfix.drop", lang)),
            ),
            h(
                "p",
                {"class": "kbw-field"},
                h("label", {"for": env.id("vmtext")}, t("vmfix.paste", lang)),
                h("textarea", {"id": env.id("vmtext"), "name": "vmtext", "rows": 4, "spellcheck": "false"}),
            ),
            h(
                "button",
                {"type": "button", "class": "md-button", "data-action": "fix_text"},
                t("vmfix.fix_pasted", lang),
            ),
            h(
                "p",
                {"class": "kbw-error", "role": "alert"},
                t(f"errors.{state['file_error']}", lang, limit_kb=vmoptions.MAX_BYTES // 1024),
            )
            if state.get("file_error")
            else None,
            self._fixed(state, mb, lang, env) if state.get("file") is not None else None,
        )

    def _fixed(self, state: dict[str, Any], mb: int, lang: str, env: Env) -> Node:
        original = base64.b64decode(state["file"])
        result = vmoptions.fix(original, mb)
        diff_id = env.id("diff")
        return h(
            "div",
            {"class": "kbw-fixed"},
            h(
                "p",
                {"class": "kbw-answer"},
                t("vmfix.changed" if result.changed else "vmfix.unchanged", lang, mb=mb),
            ),
            h("ul", {}, *(h("li", {}, t(f"vmfix.note.{n}", lang)) for n in result.notes))
            if result.notes
            else None,
            h(
                "pre",
                {"id": diff_id, "class": "kbw-diff", "aria-label": t("vmfix.diff_label", lang)},
                vmoptions.diff(original, result.data) or t("vmfix.no_diff", lang),
            ),
            h(
                "p",
                {"class": "kbw-actions"},
                h(
                    "a",
                    {
                        "class": "md-button md-button--primary",
                        "download": "tws.vmoptions",
                        "data-download-b64": base64.b64encode(result.data).decode("ascii"),
                        "data-download-type": "text/plain",
                        "href": "#",
                    },
                    t("vmfix.download", lang),
                ),
                h(
                    "button",
                    {"type": "button", "class": "md-button", "data-action": "forget_file"},
                    t("vmfix.forget", lang),
                ),
            ),
        )
