"""The one function the browser calls: JSON request in, JSON response out.

`kbw-worker.mjs` runs this inside Pyodide. Every decision is made here; the JavaScript side only
forwards events and draws the returned view. A request looks like:

    {"widget": "memory-units", "lang": "zh", "op": "event",
     "state": {...}, "event": {"type": "submit", "values": {"amount": "1.5 GB"}},
     "query": {"amount": "1.5 GB"}, "env": {"now": "2026-11-23T10:00:00Z", "tz": 480, "zone": "Asia/Shanghai",
     "instance": "kbw1"}}

`op` is "start" (state from the URL query) or "event" (fold the event into the state), or
"prepare" (sent once the live version is shown: Widget.prepare, answered `{"prepared": name}`).
The response carries the new `state`, its `query` for the address bar, and the `view` to draw; or
`{"error": {"code", "message"}}` with the message in the request's language.
"""

from __future__ import annotations

import json
import re
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from kbwidgets import LANGUAGES, normalize_lang
from kbwidgets.engine.errors import InputError
from kbwidgets.engine.texts import t
from kbwidgets.engine.view import validate
from kbwidgets.engine.widget import Env, Widget, get_widget

INSTANCE = re.compile(r"kbw\d{0,3}")
ZONE = re.compile(r"[A-Za-z][A-Za-z0-9_+-]{0,30}(?:/[A-Za-z0-9_+-]{1,30}){0,2}")
MAX_QUERY_VALUE = 200  # characters: a date, a version, an amount
MAX_QUERY_TOTAL = 1500


def _env(raw: dict[str, Any], progress: Callable[[int, int], None] | None = None) -> Env:
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
    instance = instance if INSTANCE.fullmatch(instance) else "kbw"  # the prefix of every id
    base = str(raw.get("base") or "")
    base = base if set(base) <= set("./") else ""  # only "../" steps: it prefixes our own links
    zone = str(raw.get("zone") or "")
    zone = zone if ZONE.fullmatch(zone) else ""  # a name for zoneinfo, checked again by Env.tz
    page = str(raw.get("page") or "")[:200]  # only compared with our own article paths
    return Env(
        now=moment,
        tz_offset_minutes=tz,
        zone=zone,
        instance=instance,
        base=base,
        page=page,
        progress=progress,
    )


def _query(raw: object) -> dict[str, str]:
    """The page's query string as the widget may read it: text keys and values, each capped."""
    if not isinstance(raw, dict):
        return {}
    return {str(k)[:40]: str(v)[:MAX_QUERY_VALUE] for k, v in list(raw.items())[:40]}


def _address(query: dict[str, str]) -> dict[str, str]:
    """What goes into the address bar: long values are left out, so a reader who pasted a book
    into a field gets a link that still loads (servers refuse very long addresses: HTTP 414)."""
    kept = {key: value for key, value in query.items() if len(value) <= MAX_QUERY_VALUE}
    while sum(len(key) + len(value) + 2 for key, value in kept.items()) > MAX_QUERY_TOTAL:
        kept.pop(max(kept, key=lambda key: len(kept[key])))
    return kept


def _start_state(
    widget: Widget, query: dict[str, str], env: Env, lang: str
) -> tuple[dict[str, Any], str | None]:
    """The state a link describes; a link the widget cannot use starts it afresh, said aloud.

    Widgets validate what they read from a link, so this is a safety net: whatever a link holds,
    the reader gets a working widget instead of an error in place of the static version.
    """
    try:
        state = widget.from_query(query, env)
        validate(widget.view(state, lang, env))
        return state, None
    except Exception:
        traceback.print_exc()
        return widget.initial_state(), t("runtime.link_ignored", lang)


def respond(
    request: dict[str, Any], data: bytes | None = None, progress: Callable[[int, int], None] | None = None
) -> dict[str, Any]:
    """Handle one decoded request; `data` carries a dropped or chosen file's bytes, and
    `progress` (from the worker) hears how far long work has got."""
    lang = normalize_lang(request.get("lang")) or LANGUAGES[0]
    request = {**request, "lang": lang}
    try:
        name = str(request.get("widget", ""))
        try:
            widget = get_widget(name)
        except KeyError:
            raise InputError("unknown_widget", name=name[:40]) from None
        env = _env(dict(request.get("env") or {}), progress)
        if request.get("op") == "prepare":
            widget.prepare(env)
            return {"prepared": name}
        announcement: str | None = None
        if request.get("op") == "start":
            state, announcement = _start_state(widget, _query(request.get("query")), env, lang)
        else:
            state = widget.initial_state() | dict(request.get("state") or {})
            event = dict(request.get("event") or {})
            if data is not None:
                event["data"] = bytes(data)  # a memoryview from the worker; bytes in CPython
            state = widget.update(state, event, env)
        view = validate(widget.view(state, lang, env))
        response = {"state": state, "query": _address(widget.to_query(state, env)), "view": view}
        if request.get("op") != "start":
            announcement = widget.announce(state, lang)
        if announcement:
            response["announce"] = announcement
        return response
    except InputError as error:
        return error.as_json(lang)
    except Exception:  # the reader must never see a traceback; the console gets it
        traceback.print_exc()
        return InputError("internal").as_json(lang)


def handle(
    request_json: str, data: bytes | None = None, progress: Callable[[int, int], None] | None = None
) -> str:
    """JSON text in, JSON text out (what the worker calls)."""
    try:
        request = json.loads(request_json)
        if not isinstance(request, dict):
            raise ValueError("expected a JSON object")
    except ValueError as error:
        return json.dumps(InputError("bad_request", detail=str(error)[:80]).as_json("en"))
    return json.dumps(respond(request, data, progress), ensure_ascii=False)


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
        widget.warm()
        warmed.append(name)
    return warmed


def self_check() -> str:
    """The package version, read by the worker to confirm it runs the code it expects."""
    from kbwidgets import __version__

    return __version__
