"""Login-report analyser: drop the monthly report, read who logged in, from where and when.

The file is read by the browser's File API and handed to this Python in the page's own worker;
it is never uploaded and never goes into the address (only the settings do). Its bytes stay in
this module's memory (the state, which travels as JSON with every event, holds a token), so
changing a setting re-reads nothing; a worker that was restarted asks for the file again.
"""

from __future__ import annotations

import codecs
import secrets
import sys
from collections import OrderedDict
from datetime import UTC
from typing import Any

from kbwidgets import LANGUAGES
from kbwidgets.engine import forms
from kbwidgets.engine.errors import InputError
from kbwidgets.engine.texts import t
from kbwidgets.engine.view import ViewNode, h, validate
from kbwidgets.engine.widget import Env, Widget, register
from kbwidgets.rules import login_encoding, login_file, login_times
from kbwidgets.rules.login_analysis import Analysis, analyse
from kbwidgets.rules.login_sample import sample_clients, sample_report
from kbwidgets.widgets import login_form, login_views

if sys.version_info >= (3, 12):
    from typing import override
else:  # CPython 3.11 (the build machine); Pyodide's Python is newer
    from typing_extensions import override

SAMPLE = "sample"
SAMPLE_NAME = "login-report-sample.csv"
CLIENTS_LIMIT = 200_000  # characters of a pasted or dropped client list
_FILES: OrderedDict[str, tuple[bytes, list[str]]] = OrderedDict()  # token -> (bytes, header)
_ANALYSES: OrderedDict[tuple[Any, ...], Analysis | InputError] = OrderedDict()


def _remember(cache: OrderedDict[Any, Any], key: Any, value: Any, keep: int = 2) -> None:
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > keep:
        cache.popitem(last=False)


def _bytes(token: str) -> bytes | None:
    if token == SAMPLE:
        return sample_report()
    kept = _FILES.get(token)
    return kept[0] if kept else None


@register
class LoginReport(Widget):
    name = "login-report"
    max_upload_bytes = login_file.BYTE_LIMIT
    packages = ("tzdata",)  # "EST" in the report is New York time, read with New York's rules

    @override
    def initial_state(self) -> dict[str, Any]:
        return {"file": None, "file_name": "", "error": None, "error_values": {}, **login_form.DEFAULTS}

    @override
    def update(self, state: dict[str, Any], event: dict[str, Any], env: Env) -> dict[str, Any]:
        state = login_form.settings(state, event.get("values") or {})
        if event.get("type") == "file" and event.get("name") == "clients":
            names = login_file.read_user_list(bytes(event.get("data") or b"")[: CLIENTS_LIMIT * 4])
            return {**state, "clients": "\n".join(names)[:CLIENTS_LIMIT]}
        if event.get("type") == "file":
            return self._take(state, bytes(event.get("data") or b""), str(event.get("filename") or ""))
        action = event.get("action")
        if action == "sample":
            return {
                **state,
                "file": SAMPLE,
                "file_name": SAMPLE_NAME,
                "error": None,
                "clients": sample_clients(),
            }
        if action == "forget":
            return {**state, "file": None, "file_name": "", "error": None, **login_form.COLUMNS_AUTO}
        return state

    def _take(self, state: dict[str, Any], data: bytes, file_name: str) -> dict[str, Any]:
        # Any token unique in this worker will do: hashing 5 MB took 0.2 s of a first answer.
        token = secrets.token_hex(10)
        state = {**state, "file_name": file_name[:80] or "report.csv", **login_form.COLUMNS_AUTO}
        if len(data) > login_file.BYTE_LIMIT:
            error = InputError(
                "login.too_large", limit_mb=login_file.BYTE_LIMIT >> 20, rows=f"{login_file.ROW_LIMIT:,}"
            )
            return {**state, "file": None, "error": error.code, "error_values": error.values}
        try:
            header = login_file.csv_header(data)  # for the column mapping, even if no column is found
        except InputError:
            header = []
        _remember(_FILES, token, (data, header))
        return {**state, "file": token, "error": None, "error_values": {}}

    def analysis(self, state: dict[str, Any], env: Env) -> Analysis | InputError | None:
        """The answers for the state's file and settings (kept: a view is drawn more than once)."""
        token = state.get("file")
        if not token:
            return None
        data = _bytes(str(token))
        if data is None:
            return InputError("login.file_gone")
        zone_name = login_form.zone_of(state, env)
        key = (token, zone_name, *(str(state.get(k)) for k in login_form.SETTINGS))
        known = _ANALYSES.get(key)
        if known is None:
            try:
                source = login_form.source_zone(state)
                report = login_file.read_report(data, source, login_form.overrides(state), env.progress)
                clients = login_file.read_user_list(str(state.get("clients") or "").encode("utf-8"))
                known = analyse(report, login_times.zone(zone_name), clients, login_form.off_hours(state))
            except InputError as error:
                known = error
            except LookupError:  # no zone data at all (tzdata did not load)
                known = InputError("login.no_zone_data")
            _remember(_ANALYSES, key, known)
        return known

    def header(self, state: dict[str, Any]) -> list[str]:
        token = str(state.get("file") or "")
        if token == SAMPLE:
            return login_file.csv_header(sample_report())
        kept = _FILES.get(token)
        return kept[1] if kept else []

    @override
    def warm(self) -> None:
        # The sample read (both readers) and drawn, with a fixed zone: the start-up snapshot is
        # taken without zone data (tzdata arrives with the page's packages), so the zones the
        # form offers are warmed only where they can be read.
        report = login_file.read_report(
            sample_report() + b"\r\n", login_times.SourceZone(login_times.FIXED_MINUS_5)
        )
        report = login_file.read_report(sample_report(), login_times.SourceZone(login_times.FIXED_MINUS_5))
        for lang in LANGUAGES:
            validate(login_views.results(analyse(report, UTC), SAMPLE_NAME, lang, Env()))
        # Every codec a reader's file may be read with: each is a module of the standard
        # library, imported on first use, which the site ships only when a widget needs it
        # (kbsite/runtime/trace_stdlib.mjs lists what this warm-up imported).
        for codec in login_encoding.NAMES:
            codecs.lookup(codec)
        try:
            for zone in login_form.ZONES[1:]:
                login_times.zone(zone)
        except LookupError:
            pass
        # The code is warm now; the sample's 171 KB need not travel in the snapshot (50 KB of its
        # brotli size): it is made again when asked, first by `prepare`, in the background.
        sample_report.cache_clear()

    @override
    def prepare(self, env: Env) -> None:
        # The sample analysed and drawn in the reader's zone: zoneinfo reads New York's and that
        # zone's data from tzdata (loaded with the page), and the reading, counting and drawing
        # code of a first real file has run once (WebAssembly compiles hot code in a second,
        # better tier after a first run).
        try:
            self.view({**self.initial_state(), "file": SAMPLE, "file_name": SAMPLE_NAME}, "en", env)
        except InputError:
            pass

    @override
    def announce(self, state: dict[str, Any], lang: str) -> str | None:
        if state.get("error"):
            return InputError(str(state["error"]), **state.get("error_values", {})).message(lang)
        return None

    @override
    def to_query(self, state: dict[str, Any], env: Env) -> dict[str, str]:
        return login_form.to_query(state)

    @override
    def from_query(self, query: dict[str, str], env: Env) -> dict[str, Any]:
        # Only what to_query writes: a link never fills in a client list or a column mapping.
        return login_form.settings(
            self.initial_state(), {k: v for k, v in query.items() if k in login_form.QUERY}
        )

    @override
    def fallback(self, lang: str, env: Env) -> ViewNode:
        state = {
            **self.initial_state(),
            "file": SAMPLE,
            "zone": login_times.NEW_YORK,
            "clients": sample_clients(),
        }
        analysis = self.analysis(state, env)
        assert isinstance(analysis, Analysis)
        return h(
            "div",
            {"class": "kbw-login-static"},
            h("p", {"class": "kbw-sample-label"}, h("strong", {}, t("login.sample.label", lang))),
            h("p", {}, t("login.static.intro", lang)),
            login_views.results(analysis, SAMPLE_NAME, lang, env, exports=False, shown=10),
        )

    @override
    def view(self, state: dict[str, Any], lang: str, env: Env) -> ViewNode:
        analysis = self.analysis(state, env)
        error: InputError | None = analysis if isinstance(analysis, InputError) else None
        if state.get("error"):
            error = InputError(str(state["error"]), **state.get("error_values", {}))
        return h(
            "div",
            {"class": "kbw-login-report"},
            login_form.file_part(state, lang, env, SAMPLE, sample_report),
            login_form.settings_form(state, self.header(state), lang, env),
            forms.error(error.message(lang)) if error else None,
            login_views.results(analysis, str(state.get("file_name") or ""), lang, env)
            if isinstance(analysis, Analysis)
            else None,
        )
