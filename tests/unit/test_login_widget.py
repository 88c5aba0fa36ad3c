"""The login-report widget through the browser entry point, as the worker calls it."""

from __future__ import annotations

import base64
import json

from kbwidgets.engine.view import to_html
from kbwidgets.entrypoints.browser import handle, respond

HOSTILE = (
    b'User,App,Time\n<script>alert(1)</script>,TWS,2026-01-15 09:30\n=HYPERLINK("x"),TWS,2026-01-15 09:31\n'
)


def _start(query: dict | None = None) -> dict:
    return respond({"widget": "login-report", "lang": "en", "op": "start", "query": query or {}, "env": {}})


def _drop(state: dict, data: bytes, lang: str = "en") -> dict:
    event = {"type": "file", "name": "report", "filename": "r.csv", "values": {}}
    request = {"widget": "login-report", "lang": lang, "op": "event", "state": state, "event": event}
    return json.loads(handle(json.dumps({**request, "env": {"zone": "UTC"}}), data))


def _downloads(node: object) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    if isinstance(node, list):
        attrs = node[1]
        if "data-download-b64" in attrs:
            found[attrs["download"]] = base64.b64decode(attrs["data-download-b64"])
        for child in node[2:]:
            found |= _downloads(child)
    return found


def test_usernames_are_text_and_formulas_do_not_reach_a_spreadsheet():
    response = _drop(_start()["state"], HOSTILE)
    html = to_html(response["view"])
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    export = _downloads(response["view"])["login-report-users.csv"].decode("utf-8-sig")
    assert '\r\n"\'=HYPERLINK(""x"")",1,' in export  # written as text, not a formula
    assert "file" not in response["query"] and "r.csv" not in json.dumps(response["query"])


def test_a_link_cannot_choose_what_the_form_does_not_offer():
    state = _start({"zone": "../../etc", "source": "Mars", "off_start": "99"})["state"]
    assert (state["zone"], state["source"], state["off_start"]) == ("", "new_york", "22")
    assert _start({"zone": "Asia/Taipei"})["query"] == {"zone": "Asia/Taipei"}


def test_a_lost_file_asks_for_the_file_again_in_the_reader_s_language():
    state = {**_start()["state"], "file": "0123456789abcdef0123", "file_name": "old.csv"}
    response = respond({"widget": "login-report", "lang": "zh", "op": "event", "state": state, "event": {}})
    assert "请重新选择或拖入文件" in to_html(response["view"])


def test_a_link_never_fills_in_a_client_list_or_a_column_mapping():
    state = _start({"clients": "victim", "col_user": "App", "zone": "UTC"})["state"]
    assert (state["clients"], state["col_user"], state["zone"]) == ("", "", "UTC")
