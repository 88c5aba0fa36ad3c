"""What a broker wants to know from a login report, in the zone the broker reads it in.

Per user (logins, first and last, platforms), per application type, clients with no login,
logins outside business hours (Saturday, Sunday, or an hour h with h >= start or h < end),
logins per day and per hour of the week. `as_json` is the command line's output, key for key.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any

from kbwidgets.engine.errors import InputError
from kbwidgets.engine.texts import t
from kbwidgets.rules.login_file import Report, no_cycle_collection

OFF_HOURS = (22, 6)
OFF_HOURS_TEXT = re.compile(r"\s*(\d{1,2})\s*-\s*(\d{1,2})\s*")


def parse_off_hours(text: str) -> tuple[int, int]:
    """ "22-6" as (22, 6); InputError for anything else (hours from 0 to 24)."""
    match = OFF_HOURS_TEXT.fullmatch(text or "")
    if not match or not all(0 <= int(part) <= 24 for part in match.groups()):
        raise InputError("login.bad_off_hours", text=(text or "")[:20])
    return int(match.group(1)), int(match.group(2))


@dataclass
class UserLogins:
    logins: int = 0
    first: int = 0
    last: int = 0
    platforms: Counter[str] = field(default_factory=Counter)


@dataclass
class Analysis:
    zone: tzinfo
    rows: int
    skipped: list[tuple[int, str]]
    first: int | None
    last: int | None
    platforms: Counter[str]
    users: dict[str, UserLogins]
    inactive: list[str]
    off_hours: int
    dst_flagged: int
    per_day: Counter[str]  # "2026-03-09" -> logins that day, in `zone`
    per_hour_of_week: list[list[int]]  # [weekday 0 = Monday][hour]
    off_hours_bounds: tuple[int, int] = OFF_HOURS
    encoding: str = ""
    has_app: bool = True

    def iso(self, timestamp: int) -> str:
        return datetime.fromtimestamp(timestamp, self.zone).isoformat(timespec="seconds")

    def as_json(self, lang: str) -> dict[str, Any]:
        """The command line's answer (keys and rules of the CLI contract)."""
        return {
            "rows": self.rows,
            "skipped": [
                {"line": line, "reason": t(f"login.reason.{why}", lang)} for line, why in self.skipped
            ],
            "period": {
                "first": self.iso(self.first) if self.first is not None else None,
                "last": self.iso(self.last) if self.last is not None else None,
            },
            "platforms": dict(sorted(self.platforms.items())),
            "users": [
                {
                    "username": name,
                    "logins": user.logins,
                    "first_login": self.iso(user.first),
                    "last_login": self.iso(user.last),
                    "platforms": dict(sorted(user.platforms.items())),
                }
                for name, user in sorted(self.users.items())
            ],
            "inactive": self.inactive,
            "off_hours": self.off_hours,
            "dst_flagged": self.dst_flagged,
        }


def analyse(
    report: Report, zone: tzinfo, clients: list[str] | None = None, off_hours: tuple[int, int] = OFF_HOURS
) -> Analysis:
    """The answers for `report`, shown in `zone`; `clients` is the list to find inactive ones."""
    with no_cycle_collection():
        return _analyse(report, zone, clients, off_hours)


def _analyse(report: Report, zone: tzinfo, clients: list[str] | None, off_hours: tuple[int, int]) -> Analysis:
    start, end = off_hours
    # Counting is done by Counter (in C) and the zone is consulted once per quarter of an hour
    # of the period, not once per login: every zone's offset is a whole number of quarters.
    quarters = Counter(timestamp // 900 for timestamp in report.timestamps)
    per_day: Counter[str] = Counter()
    week = [[0] * 24 for _ in range(7)]
    off = 0
    for quarter, count in quarters.items():
        moment = datetime.fromtimestamp(quarter * 900, zone)
        weekday, hour = moment.weekday(), moment.hour
        per_day[moment.date().isoformat()] += count
        week[weekday][hour] += count
        if weekday >= 5 or hour >= start or hour < end:
            off += count
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for username, timestamp in zip(report.users, report.timestamps, strict=True):
        known = first.get(username)
        if known is None:
            first[username] = last[username] = timestamp
        elif timestamp < known:
            first[username] = timestamp
        elif timestamp > last[username]:
            last[username] = timestamp
    has_app = "app" in report.columns
    users = {name: UserLogins(0, first[name], last[name]) for name in first}
    platforms: Counter[str] = Counter()
    if has_app:  # one count of (user, application) pairs, a few thousand, gives all three
        for (name, app), count in Counter(zip(report.users, report.apps, strict=True)).items():
            user = users[name]
            user.platforms[app] = count
            user.logins += count
            platforms[app] += count
    else:
        for name, count in Counter(report.users).items():
            users[name].logins = count
    return Analysis(
        zone=zone,
        rows=report.rows,
        skipped=[(s.line, s.reason) for s in report.skipped],
        first=min(report.timestamps) if report.timestamps else None,
        last=max(report.timestamps) if report.timestamps else None,
        platforms=platforms,
        users=users,
        inactive=sorted(set(clients or []) - set(users)),
        off_hours=off,
        dst_flagged=report.flagged,
        per_day=per_day,
        per_hour_of_week=week,
        off_hours_bounds=off_hours,
        encoding=report.encoding,
        has_app=has_app,
    )
