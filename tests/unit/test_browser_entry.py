"""kbwidgets.entrypoints.browser: the JSON contract the worker relies on."""

from __future__ import annotations

import json

from kbwidgets.engine.view import text_of
from kbwidgets.entrypoints.browser import handle, respond


def _submit(amount: str, lang: str = "en") -> dict:
    return respond(
        {
            "widget": "memory-units",
            "lang": lang,
            "op": "event",
            "event": {"type": "submit", "values": {"amount": amount}},
            "env": {"instance": "kbw2"},
        }
    )


def test_an_event_returns_state_query_and_view():
    response = _submit("1.5 GB")
    assert response["state"] == {"amount": "1.5 GB"}
    assert response["query"] == {"amount": "1.5 GB"}
    assert "1.5 GB = 1536 MB" in text_of(response["view"])


def test_view_is_in_the_requested_language_and_uses_the_instance_prefix():
    response = _submit("2g", lang="zh")
    assert "内存大小" in text_of(response["view"])
    assert '"id": "kbw2-amount"' in json.dumps(response["view"])


def test_start_restores_state_from_the_query():
    response = respond({"widget": "memory-units", "lang": "en", "op": "start", "query": {"amount": "1792"}})
    assert "1.75 GB = 1792 MB" in text_of(response["view"])


def test_unknown_widget_is_a_clear_error_in_the_readers_language():
    response = respond({"widget": "nope", "lang": "zh", "op": "start"})
    assert response["error"]["code"] == "unknown_widget"
    assert "nope" in response["error"]["message"] and "小工具" in response["error"]["message"]


def test_garbage_request_never_raises():
    assert json.loads(handle("not json"))["error"]["code"] == "bad_request"
    assert json.loads(handle("[1, 2]"))["error"]["code"] == "bad_request"
    out = json.loads(
        handle(json.dumps({"widget": "memory-units", "lang": "xx", "op": "event", "state": "zzz"}))
    )
    assert "error" in out  # an internal error is reported, in English as the fallback language
    assert "Traceback" not in json.dumps(out)


def test_hostile_text_comes_back_as_text_in_the_view():
    hostile = "<img src=x onerror=alert(1)>"
    view = _submit(hostile)["view"]
    assert hostile in text_of(view)  # shown verbatim, as a text node for the DOM builder
