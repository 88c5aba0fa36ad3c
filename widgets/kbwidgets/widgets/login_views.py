"""The login-report analyser's answers as views: summary, tables, charts and exports.

Shared by the live widget and the static worked example. Every username, application type
and file name is a text node of the view language, never markup; charts are SVG drawn here,
coloured by CSS classes (so both colour schemes apply) and each followed by the same numbers
as a table, for screen readers and for anyone who prefers to read them.
"""

from __future__ import annotations

import base64
import csv
import io
from datetime import date, datetime, timedelta

from kbwidgets.engine import forms
from kbwidgets.engine.texts import t
from kbwidgets.engine.view import ViewNode, h
from kbwidgets.engine.widget import Env
from kbwidgets.rules.dates import WEEKDAYS
from kbwidgets.rules.login_analysis import Analysis

TABLE_ROWS = 200  # users shown on the page; the CSV export has every one
SKIPPED_SHOWN = 20
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def local(analysis: Analysis, timestamp: int) -> str:
    return datetime.fromtimestamp(timestamp, analysis.zone).strftime("%Y-%m-%d %H:%M")


def _zone_name(analysis: Analysis) -> str:
    return str(getattr(analysis.zone, "key", None) or analysis.zone)


def _platforms(counts: dict[str, int] | object, lang: str) -> str:
    items = sorted(counts.items(), key=lambda item: (-item[1], item[0])) if isinstance(counts, dict) else []
    joiner = "；" if lang == "zh" else "; "
    return joiner.join(f"{name or t('login.no_app', lang)}: {count}" for name, count in items)


def summary_text(analysis: Analysis, source_name: str, lang: str) -> str:
    """The plain-text summary a broker copies into an email or a file note."""
    start, end = analysis.off_hours_bounds
    lines = [
        t("login.summary.file", lang, name=source_name),
        t("login.summary.zone", lang, zone=_zone_name(analysis)),
        t(
            "login.summary.period",
            lang,
            first=local(analysis, analysis.first) if analysis.first is not None else "-",
            last=local(analysis, analysis.last) if analysis.last is not None else "-",
        ),
        t("login.summary.rows", lang, rows=analysis.rows, skipped=len(analysis.skipped)),
        t(
            "login.summary.logins",
            lang,
            logins=sum(u.logins for u in analysis.users.values()),
            users=len(analysis.users),
        ),
    ]
    if analysis.has_app:
        lines.append(t("login.summary.platforms", lang, platforms=_platforms(dict(analysis.platforms), lang)))
    lines += [
        t(
            "login.summary.off_hours",
            lang,
            count=analysis.off_hours,
            start=f"{start:02d}:00",
            end=f"{end:02d}:00",
        ),
        t("login.summary.dst", lang, count=analysis.dst_flagged),
        t(
            "login.summary.inactive",
            lang,
            count=len(analysis.inactive),
            names=", ".join(analysis.inactive) or "-",
        ),
    ]
    return "\n".join(lines) + "\n"


def _cell(value: str) -> str:
    """A spreadsheet opens `=HYPERLINK(...)` as a formula: such a cell is written as text."""
    return "'" + value if value.startswith(FORMULA_START) else value


def export_csv(analysis: Analysis, lang: str) -> bytes:
    """The per-user table as CSV (UTF-8 with a byte order mark, which Excel needs for Chinese)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([t(f"login.col.{key}", lang) for key in ("user", "logins", "first", "last", "platforms")])
    for name, user in sorted(analysis.users.items()):
        writer.writerow(
            [
                _cell(name),
                user.logins,
                analysis.iso(user.first),
                analysis.iso(user.last),
                _cell(_platforms(dict(user.platforms), lang)),
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def download_link(data: bytes, file_name: str, label: str, primary: bool = False) -> ViewNode:
    return h(
        "a",
        {
            "class": "md-button md-button--primary" if primary else "md-button",
            "download": file_name,
            "data-download-b64": base64.b64encode(data).decode("ascii"),
            "href": "#",
        },
        label,
    )


def _table(caption: str, headers: list[str], rows: list[list[str]], css: str = "kbw-table") -> ViewNode:
    return h(
        "table",
        {"class": css},
        h("caption", {}, caption),
        h("thead", {}, h("tr", {}, *(h("th", {"scope": "col"}, text) for text in headers))),
        h(
            "tbody",
            {},
            *(
                h("tr", {}, h("th", {"scope": "row"}, row[0]), *(h("td", {}, c) for c in row[1:]))
                for row in rows
            ),
        ),
    )


def results(analysis: Analysis, source_name: str, lang: str, env: Env, exports: bool = True) -> ViewNode:
    """Everything the analysis says, in reading order."""
    summary_id = env.id("summary")
    users = sorted(analysis.users.items())
    return h(
        "section",
        {"class": "kbw-result kbw-login", "aria-labelledby": env.id("result")},
        h("h3", {"id": env.id("result")}, t("login.result.title", lang, name=source_name)),
        h("pre", {"id": summary_id, "class": "kbw-summary"}, summary_text(analysis, source_name, lang)),
        forms.actions(
            download_link(
                export_csv(analysis, lang), "login-report-users.csv", t("login.export_csv", lang), True
            ),
            forms.button(t("login.copy_summary", lang), copies=summary_id),
        )
        if exports
        else None,
        _skipped(analysis, lang),
        _table(
            t("login.platforms.caption", lang),
            [t("login.col.app", lang), t("login.col.logins", lang)],
            [
                [name or t("login.no_app", lang), str(count)]
                for name, count in analysis.platforms.most_common()
            ],
        )
        if analysis.has_app
        else None,
        _table(
            t("login.users.caption", lang, zone=_zone_name(analysis)),
            [t(f"login.col.{key}", lang) for key in ("user", "logins", "first", "last", "platforms")],
            [
                [
                    name,
                    str(u.logins),
                    local(analysis, u.first),
                    local(analysis, u.last),
                    _platforms(dict(u.platforms), lang),
                ]
                for name, u in users[:TABLE_ROWS]
            ],
        ),
        h("p", {}, t("login.users.cut", lang, shown=TABLE_ROWS, total=len(users)))
        if len(users) > TABLE_ROWS
        else None,
        h("h4", {}, t("login.inactive.title", lang, count=len(analysis.inactive))),
        h("ul", {"class": "kbw-inactive"}, *(h("li", {}, name) for name in analysis.inactive))
        if analysis.inactive
        else h("p", {}, t("login.inactive.none", lang)),
        day_chart(analysis, lang, env),
        week_chart(analysis, lang, env),
    )


def _skipped(analysis: Analysis, lang: str) -> ViewNode | None:
    if not analysis.skipped:
        return None
    shown = analysis.skipped[:SKIPPED_SHOWN]
    return h(
        "details",
        {"class": "kbw-skipped"},
        h("summary", {}, t("login.skipped.title", lang, count=len(analysis.skipped))),
        h(
            "ul",
            {},
            *(
                h("li", {}, t("login.skipped.row", lang, line=line, reason=t(f"login.reason.{why}", lang)))
                for line, why in shown
            ),
        ),
        h("p", {}, t("login.skipped.more", lang, more=len(analysis.skipped) - SKIPPED_SHOWN))
        if len(analysis.skipped) > SKIPPED_SHOWN
        else None,
    )


def _days(analysis: Analysis) -> list[date]:
    if not analysis.per_day:
        return []
    first, last = (date.fromisoformat(day) for day in (min(analysis.per_day), max(analysis.per_day)))
    return [first + timedelta(days=n) for n in range(min((last - first).days + 1, 400))]


def day_chart(analysis: Analysis, lang: str, env: Env) -> ViewNode | None:
    days = _days(analysis)
    if not days:
        return None
    counts = [analysis.per_day.get(day.isoformat(), 0) for day in days]
    top = max(counts) or 1
    width, height, bar = max(300, 12 * len(days)), 160, 12
    title_id = env.id("days-title")
    bars = []
    for index, (day, count) in enumerate(zip(days, counts, strict=True)):
        tall = round(120 * count / top)
        css = "kbw-chart-bar kbw-chart-weekend" if day.weekday() >= 5 else "kbw-chart-bar"
        bars.append(
            h("rect", {"class": css, "x": index * bar + 1, "y": 130 - tall, "width": bar - 2, "height": tall})
        )
        if day.day in (1, 8, 15, 22, 29) or index == 0:
            bars.append(h("text", {"x": index * bar, "y": 148, "font-size": 10}, f"{day.month}/{day.day}"))
    return h(
        "figure",
        {"class": "kbw-chart"},
        h(
            "svg",
            {
                "viewBox": f"0 0 {width} {height}",
                "role": "img",
                "aria-labelledby": title_id,
                "focusable": "false",
            },
            h("title", {"id": title_id}, t("login.days.title", lang, zone=_zone_name(analysis), top=top)),
            h("line", {"class": "kbw-chart-axis", "x1": 0, "x2": width, "y1": 130, "y2": 130}),
            *bars,
        ),
        h("p", {"class": "kbw-help"}, t("login.days.legend", lang)),
        h(
            "details",
            {},
            h("summary", {}, t("login.as_table", lang)),
            _table(
                t("login.days.caption", lang),
                [t("login.col.day", lang), t("login.col.logins", lang)],
                [
                    [f"{day.isoformat()} {WEEKDAYS[lang][day.weekday()]}", str(c)]
                    for day, c in zip(days, counts, strict=True)
                ],
            ),
        ),
    )


def week_chart(analysis: Analysis, lang: str, env: Env) -> ViewNode | None:
    grid = analysis.per_hour_of_week
    top = max(max(row) for row in grid)
    if not top:
        return None
    title_id = env.id("week-title")
    cells: list[ViewNode] = []
    for weekday, row in enumerate(grid):
        y = 14 + weekday * 18
        cells.append(h("text", {"x": 0, "y": y + 12, "font-size": 10}, WEEKDAYS[lang][weekday]))
        for hour, count in enumerate(row):
            level = 0 if not count else 1 + min(3, (4 * count - 1) // top)
            cells.append(
                h(
                    "rect",
                    {
                        "class": f"kbw-heat kbw-heat-{level}",
                        "x": 44 + hour * 18,
                        "y": y,
                        "width": 16,
                        "height": 16,
                    },
                )
            )
    for hour in range(0, 24, 3):
        cells.append(h("text", {"x": 44 + hour * 18, "y": 10, "font-size": 10}, f"{hour:02d}"))
    return h(
        "figure",
        {"class": "kbw-chart"},
        h(
            "svg",
            {"viewBox": "0 0 480 144", "role": "img", "aria-labelledby": title_id, "focusable": "false"},
            h("title", {"id": title_id}, t("login.week.title", lang, zone=_zone_name(analysis), top=top)),
            *cells,
        ),
        h("p", {"class": "kbw-help"}, t("login.week.legend", lang, top=top)),
        h(
            "details",
            {},
            h("summary", {}, t("login.as_table", lang)),
            _table(
                t("login.week.caption", lang),
                [t("login.col.weekday", lang), *(f"{hour:02d}" for hour in range(24))],
                [[WEEKDAYS[lang][d], *(str(c) for c in row)] for d, row in enumerate(grid)],
                "kbw-table kbw-table-compact",
            ),
        ),
    )
