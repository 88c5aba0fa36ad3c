"""The tws.vmoptions fixer inside the TWS memory calculator: drop, choose or paste the file,
read what will change, download the corrected file.

The file is read in the browser and handed to Python as bytes; it never leaves the browser and
never goes into the address. The fixing itself is kbwidgets.rules.vmoptions.
"""

from __future__ import annotations

import base64
from typing import Any

from kbwidgets import CHINESE
from kbwidgets.engine import forms
from kbwidgets.engine.errors import InputError
from kbwidgets.engine.inline import with_code
from kbwidgets.engine.texts import t
from kbwidgets.engine.view import ViewNode, h
from kbwidgets.engine.widget import Env
from kbwidgets.rules import vmoptions


def take_file(state: dict[str, Any], data: bytes, size: Any, name: str) -> dict[str, Any]:
    """Keep the reader's file in the state (base64: the state is JSON), or why it was refused."""
    try:
        vmoptions.check(data, size if isinstance(size, int) else None)
    except InputError as error:
        # The message is made in each language when shown: keep the error, not one language.
        values = {k: v for k, v in error.values.items() if isinstance(v, str | int)}
        return {
            **state,
            "file": None,
            "file_name": name[:80],
            "file_error": error.code,
            "file_error_values": values,
        }
    return {
        **state,
        "file": base64.b64encode(data).decode("ascii"),
        "file_name": name[:80],
        "file_error": None,
        "file_error_values": {},
    }


def fixer_view(state: dict[str, Any], mb: int, lang: str, env: Env) -> ViewNode:
    """The fixer for an allocation of `mb`: where to put the file, and the result once it is in."""
    return h(
        "section",
        {"class": "kbw-fixer", "aria-labelledby": env.id("fixer")},
        h("h4", {"id": env.id("fixer")}, t("vmfix.title", lang)),
        h("p", {}, *with_code(t("vmfix.intro", lang, mb=mb))),
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
            h(
                "textarea",
                {"id": env.id("vmtext"), "name": "vmtext", "rows": 4, "spellcheck": "false"},
                str(state.get("vmtext") or "") or None,
            ),
        ),
        forms.button(t("vmfix.fix_pasted", lang), action="fix_text"),
        forms.error(_file_error(state, lang)) if state.get("file_error") else None,
        _fixed(state, mb, lang, env) if state.get("file") is not None else None,
    )


def _fixed(state: dict[str, Any], mb: int, lang: str, env: Env) -> ViewNode:
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
        h("ul", {}, *(h("li", {}, _note(note, result, lang)) for note in result.notes))
        if result.notes
        else None,
        h(
            "pre",
            {"id": diff_id, "class": "kbw-diff", "aria-label": t("vmfix.diff_label", lang)},
            vmoptions.diff(
                original,
                result.data,
                t("vmfix.before", lang, name="tws.vmoptions"),
                t("vmfix.after", lang, name="tws.vmoptions"),
            )
            or t("vmfix.no_diff", lang),
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
                    "href": "#",
                },
                t("vmfix.download", lang),
            ),
            forms.button(t("vmfix.forget", lang), action="forget_file"),
        ),
    )


def _note(note: str, result: vmoptions.Fixed, lang: str) -> str:
    lines = (
        "、".join(map(str, result.malformed_lines))
        if lang in CHINESE
        else ", ".join(map(str, result.malformed_lines))
    )
    return t(f"vmfix.note.{note}", lang, lines=lines, encoding=result.encoding)


def _file_error(state: dict[str, Any], lang: str) -> str:
    """Why the file was refused, in `lang` (the state keeps the error, not its words)."""
    values = state.get("file_error_values")
    values = {k: v for k, v in values.items() if isinstance(v, str | int)} if isinstance(values, dict) else {}
    try:
        return InputError(str(state.get("file_error")), **values).message(lang)
    except (KeyError, IndexError, ValueError):
        return t("errors.vmoptions.binary", lang)
