"""The one function the browser calls: JSON request in, JSON response out.

`kbw-worker.mjs` runs this inside Pyodide. Every decision is made here; the JavaScript side only
forwards events and draws the returned view. A request looks like:

    {"widget": "memory-units", "lang": "zh", "op": "event",
     "state": {...}, "event": {"type": "submit", "values": {"amount": "1.5 GB"}},
     "query": {"amount": "1.5 GB"}, "env": {"now": "2026-11-23T10:00:00Z", "tz": 480, "instance": "kbw1"}}

`op` is "start" (state from the URL query) or "event" (fold the event into the state). The
response carries the new `state`, its `query` for the address bar, and the `view` to draw; or
`{"error": {"code", "message"}}` with the message in the request's language.
"""

from __future__ import annotations

import json
import traceback
from datetime import UTC, datetime
from typing import Any

from kbwidgets import LANGUAGES
from kbwidgets.engine.errors import InputError
from kbwidgets.engine.view import validate
from kbwidgets.engine.widget import Env, get_widget


def _env(raw: dict[str, Any]) -> Env:
    now = raw.get("now")
    try:
        moment = datetime.fromisoformat(str(now).replace("Z", "+00:00")) if now else datetime.now(UTC)
    except ValueError:
        moment = datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    tz = raw.get("tz", 0)
    tz = int(tz) if isinstance(tz, int | float) and -14 * 60 <= tz <= 14 * 60 else 0
    instance = str(raw.get("instance") or "kbw")
    instance = instance if instance.replace("-", "").isalnum() else "kbw"
    base = str(raw.get("base") or "")
    base = base if set(base) <= set("./") else ""  # only "../" steps: it prefixes our own links
    return Env(now=moment, tz_offset_minutes=tz, instance=instance, base=base)


def respond(request: dict[str, Any], data: bytes | None = None) -> dict[str, Any]:
    """Handle one decoded request; `data` carries a dropped or chosen file's bytes."""
    lang = str(request["lang"]) if request.get("lang") in LANGUAGES else LANGUAGES[0]
    try:
        name = str(request.get("widget", ""))
        try:
            widget = get_widget(name)
        except KeyError:
            raise InputError("unknown_widget", name=name[:40]) from None
        query = {str(k): str(v) for k, v in (request.get("query") or {}).items()}
        env = _env(dict(request.get("env") or {}))
        if request.get("op") == "start":
            state = widget.from_query(query, env)
        else:
            state = widget.initial_state() | dict(request.get("state") or {})
            event = dict(request.get("event") or {})
            if data is not None:
                event["data"] = bytes(data)  # a memoryview from the worker; bytes in CPython
            state = widget.update(state, event, env)
        view = validate(widget.view(state, lang, env))
        response = {"state": state, "query": widget.to_query(state, env), "view": view}
        announcement = widget.announce(state, lang) if request.get("op") != "start" else None
        if announcement:
            response["announce"] = announcement
        return response
    except InputError as error:
        return error.as_json(lang)
    except Exception:  # the reader must never see a traceback; the console gets it
        traceback.print_exc()
        return InputError("internal").as_json(lang)


def handle(request_json: str, data: bytes | None = None) -> str:
    """JSON text in, JSON text out (what the worker calls)."""
    try:
        request = json.loads(request_json)
        if not isinstance(request, dict):
            raise ValueError("expected a JSON object")
    except ValueError as error:
        return json.dumps(InputError("bad_request", detail=str(error)[:80]).as_json("en"))
    return json.dumps(respond(request, data), ensure_ascii=False)


def warm_up() -> list[str]:
    """Start every interactive widget once in each language; return their names.

    Run at build time just before the start-up snapshot is taken (kbsite/runtime/make_snapshot.mjs), so
    the snapshot already holds our imported modules and parsed texts and trees, and a reader's
    first answer does not wait for them. Pure: it only fills import and parse caches.
    """
    from kbwidgets.engine.widget import registry

    warmed = []
    for name, widget in registry().items():
        if not widget.interactive:
            continue
        for lang in LANGUAGES:
            request = {"widget": name, "lang": lang, "op": "start", "env": {"now": "2026-01-01T00:00:00Z"}}
            response = respond(request)
            if "error" in response:
                raise RuntimeError(f"{name} ({lang}) failed to start: {response['error']}")
        warmed.append(name)
    return warmed


def self_check() -> str:
    """The package version, read by the worker to confirm it runs the code it expects."""
    from kbwidgets import __version__

    return __version__
