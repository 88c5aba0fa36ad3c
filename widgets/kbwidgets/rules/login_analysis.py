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
from kbwidgets.rules.login_file import Report

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
    start, end = off_hours
    users: dict[str, UserLogins] = {}
    platforms: Counter[str] = Counter()
    per_day: Counter[str] = Counter()
    week = [[0] * 24 for _ in range(7)]
    off = 0
    # One zone lookup per hour of the period, not per login: logins cluster in hours, and
    # fromtimestamp with a ZoneInfo is the slowest step in Pyodide.
    hours: dict[int, tuple[str, int, int]] = {}
    has_app = "app" in report.columns
    for username, app, timestamp in zip(report.users, report.apps, report.timestamps, strict=True):
        hour_key = timestamp // 3600
        local = hours.get(hour_key)
        if local is None:
            moment = datetime.fromtimestamp(hour_key * 3600, zone)
            # A zone whose offset is not whole hours (India, Nepal) would shift within an hour.
            if moment.minute or moment.second:
                moment = datetime.fromtimestamp(timestamp, zone)
            else:
                local = hours[hour_key] = (moment.date().isoformat(), moment.weekday(), moment.hour)
        if local is None:
            day, weekday, hour = moment.date().isoformat(), moment.weekday(), moment.hour
        else:
            day, weekday, hour = local
        per_day[day] += 1
        week[weekday][hour] += 1
        if weekday >= 5 or hour >= start or hour < end:
            off += 1
        user = users.get(username)
        if user is None:
            user = users[username] = UserLogins(first=timestamp, last=timestamp)
        user.logins += 1
        user.first = min(user.first, timestamp)
        user.last = max(user.last, timestamp)
        if has_app:
            user.platforms[app] += 1
            platforms[app] += 1
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
