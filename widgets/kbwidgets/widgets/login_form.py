"""The login-report analyser's controls: the file, the settings, and what the state holds.

Settings come from the reader's fields and from links alike, so each is checked here against
what the form offers (a link is untrusted input); the file never goes into the address.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from kbwidgets.engine import forms
from kbwidgets.engine.texts import t
from kbwidgets.engine.view import ViewNode, h
from kbwidgets.engine.widget import Env
from kbwidgets.rules import login_times
from kbwidgets.rules.login_analysis import OFF_HOURS
from kbwidgets.widgets.login_views import download_link

ZONES = ("", "America/New_York", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Shanghai", "Europe/London", "UTC")
# Radio values become element ids, so New York is named without its slash.
SOURCES = {"new_york": login_times.NEW_YORK, "fixed-5": login_times.FIXED_MINUS_5}
COLUMNS_AUTO = {"col_user": "", "col_app": "", "col_time": ""}
DEFAULTS: dict[str, Any] = {
    "source": "new_york",
    "zone": "",
    "off_start": str(OFF_HOURS[0]),
    "off_end": str(OFF_HOURS[1]),
    "clients": "",
    **COLUMNS_AUTO,
}
SETTINGS = ("source", "off_start", "off_end", "clients", *COLUMNS_AUTO)
QUERY = ("source", "zone", "off_start", "off_end")
HOUR = re.compile(r"\d{1,2}")


def settings(state: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """`state` with every known setting of `values` taken, if the form could have sent it."""
    state = dict(state)
    for name in (*SETTINGS, "zone"):
        if name in values and isinstance(values[name], str):
            state[name] = values[name][: 200_000 if name == "clients" else 200]
    if state.get("source") not in SOURCES:
        state["source"] = "new_york"
    if state.get("zone") not in ZONES:
        state["zone"] = ""
    for name in ("off_start", "off_end"):
        text = str(state.get(name, "")).strip()
        state[name] = text if HOUR.fullmatch(text) and int(text) <= 24 else DEFAULTS[name]
    return state


def to_query(state: dict[str, Any]) -> dict[str, str]:
    return {name: str(state[name]) for name in QUERY if state.get(name) and state[name] != DEFAULTS[name]}


def zone_of(state: dict[str, Any], env: Env) -> str:
    """The zone results are shown in: the chosen one, else the browser's, else New York."""
    for name in (state.get("zone"), env.zone):
        if name:
            try:
                login_times.zone(str(name))
                return str(name)
            except LookupError:
                continue
    return login_times.NEW_YORK


def source_zone(state: dict[str, Any]) -> login_times.SourceZone:
    return login_times.SourceZone(SOURCES.get(str(state.get("source")), login_times.NEW_YORK))


def off_hours(state: dict[str, Any]) -> tuple[int, int]:
    return int(state.get("off_start") or OFF_HOURS[0]), int(state.get("off_end") or OFF_HOURS[1])


def overrides(state: dict[str, Any]) -> dict[str, str]:
    return {role: str(state[f"col_{role}"]) for role in ("user", "app", "time") if state.get(f"col_{role}")}


def _drop(name: str, label: str, hint: str, accept: str, env: Env) -> ViewNode:
    return h(
        "div",
        {"class": "kbw-drop", "data-drop": name},
        h("label", {"for": env.id(name)}, label),
        h("input", {"type": "file", "id": env.id(name), "name": name, "accept": accept}),
        h("small", {}, hint),
    )


def file_part(
    state: dict[str, Any], lang: str, env: Env, sample: str, sample_bytes: Callable[[], bytes]
) -> ViewNode:
    """Where the report goes in, the sample, and which file is being analysed."""
    loaded = state.get("file")
    return h(
        "section",
        {"class": "kbw-login-file", "aria-labelledby": env.id("file-title")},
        h("h3", {"id": env.id("file-title")}, t("login.title", lang)),
        h("p", {}, t("login.intro", lang)),
        _drop(
            "report",
            t("login.choose", lang),
            t("login.drop", lang),
            ".csv,.tsv,.txt,text/csv,text/plain",
            env,
        ),
        forms.actions(
            forms.button(t("login.sample.load", lang), action="sample"),
            forms.button(t("login.forget", lang), action="forget") if loaded else None,
        ),
        h(
            "p",
            {"class": "kbw-sample-label"},
            h("strong", {}, t("login.sample.label", lang)),
            " ",
            download_link(sample_bytes(), "login-report-sample.csv", t("login.sample.download", lang)),
        )
        if loaded == sample
        else None,
        h("p", {"class": "kbw-answer"}, t("login.reading", lang, name=str(state.get("file_name") or "")))
        if loaded and loaded != sample
        else None,
    )


def _select(env: Env, name: str, label: str, options: list[tuple[str, str]], value: str) -> ViewNode:
    return h(
        "p",
        {"class": "kbw-field"},
        h("label", {"for": env.id(name)}, label),
        h(
            "select",
            {"id": env.id(name), "name": name},
            *(h("option", {"value": key, "selected": key == value}, text) for key, text in options),
        ),
    )


def settings_form(state: dict[str, Any], header: list[str], lang: str, env: Env) -> ViewNode:
    browser = t("login.zone.browser", lang, zone=env.zone or "UTC")
    zones = [(zone, zone or browser) for zone in ZONES]
    columns = [("", t("login.column.auto", lang)), *((name, name) for name in header[:60] if name.strip())]
    return h(
        "form",
        {"class": "kbw-form", "data-action": "recalculate"},
        forms.choice_group(
            env,
            "radio",
            "source",
            t("login.source.legend", lang),
            [
                ("new_york", t("login.source.new_york", lang)),
                ("fixed-5", t("login.source.fixed", lang)),
            ],
            [str(state.get("source"))],
        ),
        _select(env, "zone", t("login.zone.label", lang), zones, str(state.get("zone") or "")),
        h(
            "fieldset",
            {"class": "kbw-inline"},
            h("legend", {}, t("login.off.legend", lang)),
            *(
                h(
                    "span",
                    {"class": "kbw-choice"},
                    h("label", {"for": env.id(name)}, t(f"login.off.{name}", lang)),
                    h(
                        "input",
                        {
                            "type": "number",
                            "id": env.id(name),
                            "name": name,
                            "min": 0,
                            "max": 24,
                            "value": str(state.get(name)),
                        },
                    ),
                )
                for name in ("off_start", "off_end")
            ),
        ),
        h(
            "details",
            {"class": "kbw-columns", "open": any(state.get(k) for k in COLUMNS_AUTO)},
            h("summary", {}, t("login.column.legend", lang)),
            *(
                _select(
                    env,
                    f"col_{role}",
                    t(f"login.role.{role}", lang),
                    columns,
                    str(state.get(f"col_{role}") or ""),
                )
                for role in ("user", "app", "time")
            ),
        )
        if header
        else None,
        h(
            "p",
            {"class": "kbw-field"},
            h("label", {"for": env.id("clients")}, t("login.clients.label", lang)),
            h(
                "textarea",
                {"id": env.id("clients"), "name": "clients", "rows": 3, "spellcheck": "false"},
                str(state.get("clients") or ""),
            ),
        ),
        _drop("clients", t("login.clients.choose", lang), t("login.drop", lang), ".csv,.txt,text/plain", env),
        forms.button(t("login.apply", lang), submit=True),
    )
