"""The access-recovery assistant: the `access` tree, plus the reader's own dates.

Outcomes that use the timeline ask when the temporary passcode was issued and when the card
was activated, then show the dates in the reader's language and time zone, as a list and as
a drawn timeline, and whether the card can still be obtained now.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from typing import Any

from kbwidgets.engine import forms
from kbwidgets.engine.errors import InputError
from kbwidgets.engine.texts import t
from kbwidgets.engine.tree import TreeNode
from kbwidgets.engine.tree_widget import TreeWidget
from kbwidgets.engine.view import ViewNode, h
from kbwidgets.engine.widget import Env, register
from kbwidgets.rules.access import dated_steps, needs_customer_service, timeline_from
from kbwidgets.rules.access_timeline import Status, Timeline, status_at
from kbwidgets.rules.dates import format_date, parse_datetime, to_input_value

if sys.version_info >= (3, 12):
    from typing import override
else:  # CPython 3.11 (the build machine); Pyodide's Python is newer
    from typing_extensions import override

DATE_FIELDS = {"issued": "passcode_issued_at", "card": "card_activated_at"}


@register
class AccessAssistant(TreeWidget):
    name = "access-assistant"
    tree_name = "access"
    packages = ("tzdata",)  # dates are read with the reader's zone's rules on that date

    # --- state: answers (from TreeWidget) and two dates, kept as absolute ISO 8601 -----------

    @override
    def initial_state(self) -> dict[str, Any]:
        return {**super().initial_state(), "issued": "", "card": ""}

    @override
    def extra_update(self, state: dict[str, Any], event: dict[str, Any], env: Env) -> dict[str, Any]:
        values = event.get("values") or {}
        for name in DATE_FIELDS:
            if name in values:
                state[name] = self._normalise(str(values[name]), env)
        return state

    @staticmethod
    def _normalise(text: str, env: Env) -> str:
        """Absolute time when readable (so a link means the same in any time zone), else as typed."""
        try:
            return parse_datetime(text, "now", env.tz).astimezone(UTC).isoformat() if text.strip() else ""
        except InputError:
            return text.strip()[:40]

    @override
    def to_query(self, state: dict[str, Any], env: Env) -> dict[str, str]:
        query = super().to_query(state, env)
        if self.current({**state, "editing": None}).current.uses:
            query |= {name: state[name] for name in DATE_FIELDS if state.get(name)}
        return query

    @override
    def from_query(self, query: dict[str, str], env: Env) -> dict[str, Any]:
        state = super().from_query(query, env)
        return {**state, **{name: self._normalise(query.get(name, ""), env) for name in DATE_FIELDS}}

    # --- the outcome's additions ---------------------------------------------------------

    def _timeline(self, state: dict[str, Any], env: Env) -> tuple[Timeline | None, InputError | None]:
        try:
            return timeline_from(
                state.get("issued") or None, state.get("card") or None, env.now, env.tz
            ), None
        except InputError as error:
            return None, error

    @override
    def outcome_extra(self, state: dict[str, Any], node: TreeNode, lang: str, env: Env) -> ViewNode | None:
        timeline, error = self._timeline(state, env) if "timeline" in node.uses else (None, None)
        status = status_at(timeline, env.now) if timeline else None
        call = needs_customer_service(node, status)
        return h(
            "div",
            {"class": "kbw-outcome-extra"},
            h(
                "div",
                {"class": "admonition warning kbw-call", "role": "note"},
                h("p", {"class": "admonition-title"}, t("access.call_title", lang)),
                h("p", {}, t("access.call_body", lang)),
            )
            if call
            else None,
            self._dates_form(state, lang, env, error) if "timeline" in node.uses else None,
            self._dates_view(timeline, status, lang, env)
            if timeline and status and timeline.passcode_issued_at
            else None,
        )

    def _dates_form(self, state: dict[str, Any], lang: str, env: Env, error: InputError | None) -> ViewNode:
        def field(name: str, label_key: str) -> ViewNode:
            value = state.get(name, "")
            try:
                shown = to_input_value(parse_datetime(value, "now", env.tz), env.tz) if value else ""
            except InputError:
                shown = value
            return forms.text_field(
                env,
                name,
                t(label_key, lang),
                shown,
                described_by=env.id("dates-hint"),
                placeholder=t("access.date_placeholder", lang),
                spellcheck="false",
            )

        return h(
            "fieldset",
            {"class": "kbw-dates"},
            h("legend", {}, t("access.dates_heading", lang)),
            field("issued", "access.issued_label"),
            field("card", "access.card_label"),
            h("p", {"class": "kbw-help", "id": env.id("dates-hint")}, t("access.dates_hint", lang)),
            forms.error(error.message(lang)) if error else None,
        )

    def _dates_view(self, timeline: Timeline, status: Status, lang: str, env: Env) -> ViewNode:
        return h(
            "div",
            {"class": "kbw-timeline"},
            h(
                "ul",
                {"class": "kbw-dated"},
                *(h("li", {}, line) for line in dated_steps(timeline, status, lang, env.tz)),
            ),
            timeline_svg(timeline, env.now, lang, env),
        )

    @override
    def summary_extra(self, state: dict[str, Any], node: TreeNode, lang: str, env: Env) -> list[str]:
        if "timeline" not in node.uses:
            return []
        timeline, _ = self._timeline(state, env)
        if not timeline or not timeline.passcode_issued_at:
            return []
        return ["", *dated_steps(timeline, status_at(timeline, env.now), lang, env.tz)]


def timeline_svg(timeline: Timeline, now: datetime, lang: str, env: Env) -> ViewNode:
    """The passcode's two periods, the card's period and "now", drawn to scale."""
    width, left, right = 640, 10, 630
    starts = [d for d in (timeline.passcode_issued_at, timeline.card_activated_at) if d]
    ends = [d for d in (timeline.portal_only_until, timeline.card_valid_until, now) if d]
    first, last = min([*starts, now]), max(ends)
    span = max((last - first).total_seconds(), 1.0)
    first -= timedelta(seconds=span * 0.02)
    span *= 1.04

    def x(moment: datetime) -> float:
        return round(left + (right - left) * (moment - first).total_seconds() / span, 1)

    def bar(row: int, start: datetime, end: datetime, css: str, label: str) -> ViewNode:
        y = 12 + row * 44
        return h(
            "g",
            {"class": css},
            h(
                "rect",
                {"x": x(start), "y": y, "width": max(x(end) - x(start), 1), "height": 16, "rx": 3},
                h("title", {}, label),
            ),
            h(
                "text",
                {"x": x(end), "y": y + 30, "font-size": 11, "text-anchor": "middle"},
                format_date(end, lang, env.tz),
            ),
        )

    parts: list[ViewNode] = []
    legend: list[tuple[str, str]] = []
    issued, full_until, portal_until = (
        timeline.passcode_issued_at,
        timeline.full_access_until,
        timeline.portal_only_until,
    )
    if issued and full_until and portal_until:
        parts.append(bar(0, issued, full_until, "kbw-bar-full", t("access.bar.full", lang)))
        parts.append(bar(0, full_until, portal_until, "kbw-bar-portal", t("access.bar.portal", lang)))
        legend += [
            ("kbw-bar-full", t("access.bar.full", lang)),
            ("kbw-bar-portal", t("access.bar.portal", lang)),
        ]
    if timeline.card_activated_at and timeline.card_valid_until:
        parts.append(
            bar(
                1,
                timeline.card_activated_at,
                timeline.card_valid_until,
                "kbw-bar-card",
                t("access.bar.card", lang),
            )
        )
        legend.append(("kbw-bar-card", t("access.bar.card", lang)))
    parts.append(
        h(
            "g",
            {"class": "kbw-now"},
            h("line", {"x1": x(now), "x2": x(now), "y1": 4, "y2": 96}),
            h(
                "text",
                {"x": x(now), "y": 110, "font-size": 12, "text-anchor": "middle"},
                t("access.bar.now", lang),
            ),
        )
    )
    title_id = env.id("timeline-title")
    return h(
        "figure",
        {"class": "kbw-timeline-figure"},
        h(
            "svg",
            {
                "xmlns": "http://www.w3.org/2000/svg",
                "viewBox": f"0 0 {width} 116",
                "role": "img",
                "aria-labelledby": title_id,
                "class": "kbw-timeline-svg",
                "focusable": "false",
            },
            h("title", {"id": title_id}, t("access.timeline_title", lang)),
            *parts,
        ),
        h(
            "ul",
            {"class": "kbw-legend", "aria-hidden": "true"},
            *(h("li", {}, h("span", {"class": f"kbw-swatch {css}"}), label) for css, label in legend),
        ),
    )
