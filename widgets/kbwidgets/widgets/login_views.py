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
from datetime import datetime

from kbwidgets import CHINESE
from kbwidgets.engine import forms
from kbwidgets.engine.texts import t
from kbwidgets.engine.view import ViewNode, h
from kbwidgets.engine.widget import Env
from kbwidgets.rules.login_analysis import Analysis
from kbwidgets.widgets import login_charts
from kbwidgets.widgets.login_charts import table, zone_name

TABLE_ROWS = 200  # users shown on the page; the CSV export has every one
SKIPPED_SHOWN = 20
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def local(analysis: Analysis, timestamp: int) -> str:
    return datetime.fromtimestamp(timestamp, analysis.zone).strftime("%Y-%m-%d %H:%M")


def _platforms(counts: dict[str, int] | object, lang: str) -> str:
    items = sorted(counts.items(), key=lambda item: (-item[1], item[0])) if isinstance(counts, dict) else []
    joiner = "；" if lang in CHINESE else "; "
    return joiner.join(f"{name or t('login.no_app', lang)}: {count}" for name, count in items)


def summary_text(analysis: Analysis, source_name: str, lang: str) -> str:
    """The plain-text summary a broker copies into an email or a file note."""
    start, end = analysis.off_hours_bounds
    lines = [
        t("login.summary.file", lang, name=source_name),
        t("login.summary.zone", lang, zone=zone_name(analysis)),
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


def results(
    analysis: Analysis, source_name: str, lang: str, env: Env, exports: bool = True, shown: int = TABLE_ROWS
) -> ViewNode:
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
        table(
            t("login.platforms.caption", lang),
            [t("login.col.app", lang), t("login.col.logins", lang)],
            [
                [name or t("login.no_app", lang), str(count)]
                for name, count in analysis.platforms.most_common()
            ],
        )
        if analysis.has_app
        else None,
        table(
            t("login.users.caption", lang, zone=zone_name(analysis)),
            [t(f"login.col.{key}", lang) for key in ("user", "logins", "first", "last", "platforms")],
            [
                [
                    name,
                    str(u.logins),
                    local(analysis, u.first),
                    local(analysis, u.last),
                    _platforms(dict(u.platforms), lang),
                ]
                for name, u in users[:shown]
            ],
        ),
        h(
            "p",
            {},
            t(
                "login.users.cut" if exports else "login.users.cut_static",
                lang,
                shown=shown,
                total=len(users),
            ),
        )
        if len(users) > shown
        else None,
        h("h4", {}, t("login.inactive.title", lang, count=len(analysis.inactive))),
        h("ul", {"class": "kbw-inactive"}, *(h("li", {}, name) for name in analysis.inactive))
        if analysis.inactive
        else h("p", {}, t("login.inactive.none", lang)),
        login_charts.day_chart(analysis, lang, env),
        login_charts.week_chart(analysis, lang, env),
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
