"""The vmoptions fixer as a Chinese reader uses it: the pasted text stays, the diff speaks Chinese."""

from __future__ import annotations

import json

from kbwidgets.entrypoints.browser import respond

PASTED = "-Xmx768m\n-Xss2m\n"


def _fix_pasted(lang: str) -> dict:
    return respond(
        {
            "widget": "tws-memory",
            "lang": lang,
            "op": "event",
            "event": {"type": "action", "action": "fix_text", "values": {"version": "960", "vmtext": PASTED}},
            "env": {"instance": "kbw1"},
        }
    )


def _textarea(node):
    if isinstance(node, list) and node and isinstance(node[0], str):
        if node[0] == "textarea":
            return node
        for child in node[2:]:
            found = _textarea(child)
            if found:
                return found
    return None


def test_the_pasted_text_is_still_in_the_field_after_correcting_it():
    response = _fix_pasted("en")
    assert _textarea(response["view"])[2:] == [PASTED]
    assert "vmtext" not in response["query"]  # the reader's file never goes into a link


def test_the_diff_header_is_in_chinese_on_the_chinese_page():
    view = json.dumps(_fix_pasted("zh")["view"], ensure_ascii=False)
    assert "--- tws.vmoptions（修改前）" in view and "+++ tws.vmoptions（修改后）" in view
    assert "(before)" not in view and "(after)" not in view
