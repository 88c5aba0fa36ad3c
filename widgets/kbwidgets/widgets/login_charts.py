"""The login-report analyser's charts: logins per day and per hour of the week, as SVG.

Drawn here from the analysis (the page only builds the nodes), coloured by CSS classes so that
every colour scheme applies, titled for screen readers, and each followed by the same numbers
as a table.
"""

from __future__ import annotations

from datetime import date, timedelta

from kbwidgets.engine.texts import t
from kbwidgets.engine.view import ViewNode, h
from kbwidgets.engine.widget import Env
from kbwidgets.rules.dates import WEEKDAYS
from kbwidgets.rules.login_analysis import Analysis


def table(caption: str, headers: list[str], rows: list[list[str]], css: str = "kbw-table") -> ViewNode:
    """A table whose first column heads its rows."""
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


def zone_name(analysis: Analysis) -> str:
    return str(getattr(analysis.zone, "key", None) or analysis.zone)


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
            h("title", {"id": title_id}, t("login.days.title", lang, zone=zone_name(analysis), top=top)),
            h("line", {"class": "kbw-chart-axis", "x1": 0, "x2": width, "y1": 130, "y2": 130}),
            *bars,
        ),
        h("p", {"class": "kbw-help"}, t("login.days.legend", lang)),
        h(
            "details",
            {},
            h("summary", {}, t("login.as_table", lang)),
            table(
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
            h("title", {"id": title_id}, t("login.week.title", lang, zone=zone_name(analysis), top=top)),
            *cells,
        ),
        h("p", {"class": "kbw-help"}, t("login.week.legend", lang, top=top)),
        h(
            "details",
            {},
            h("summary", {}, t("login.as_table", lang)),
            table(
                t("login.week.caption", lang),
                [t("login.col.weekday", lang), *(f"{hour:02d}" for hour in range(24))],
                [[WEEKDAYS[lang][d], *(str(c) for c in row)] for d, row in enumerate(grid)],
                "kbw-table kbw-table-compact",
            ),
        ),
    )
