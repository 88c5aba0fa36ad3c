"""A synthetic login report to try the analyser with: made-up clients, no real data.

Four weeks around New York's spring clock change (Monday 23 February to Sunday 22 March 2026,
the change being on Sunday 8 March), about 2,800 logins by 40 invented usernames on TWS, Mobile
Trader and Client Portal, mostly on weekdays in business hours, some at night and at weekends.
Times carry EST before the change and EDT after it, as a report that labels them would; one
login without a label falls in the hour New York skips, and two rows cannot be read, so the
sample shows the flags and the skipped-row report too. The same seed gives the same bytes in
every run, so the static worked example on the page never changes by itself.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from functools import cache

from kbwidgets.rules.login_times import EDT, EST

FIRST_DAY = date(2026, 2, 23)
DAYS = 28
CHANGE_DAY = date(2026, 3, 8)  # New York: 02:00 EST becomes 03:00 EDT
PLATFORMS = (("TWS", 6), ("Mobile Trader", 3), ("Client Portal", 1))
HEADER = "Username,Application Type,Login Time"
# Invented usernames; the last four are on the client list but never log in.
USERNAMES = tuple(
    f"{stem}{number}" for number, stem in enumerate(["demo", "sample", "trial", "test"] * 11, 101)
)
ACTIVE = USERNAMES[:40]


@cache
def sample_report() -> bytes:
    """The sample report as a broker would download it (UTF-8, CRLF line endings)."""
    rng = random.Random(20260308)
    lines = [HEADER]
    for day_index in range(DAYS):
        day = FIRST_DAY + timedelta(days=day_index)
        weekend = day.weekday() >= 5
        for username in ACTIVE:
            habit = rng.random()
            logins = rng.choice((0, 0, 0, 1)) if weekend else rng.choice((2, 3, 3, 4, 5))
            for _ in range(logins):
                hour = (
                    rng.choice((7, 8, 9, 9, 10, 11, 13, 14, 15, 16, 20))
                    if habit > 0.1
                    else rng.choice((0, 1, 23))
                )
                wall = datetime(day.year, day.month, day.day, hour, rng.randrange(60), rng.randrange(60))
                if day == CHANGE_DAY and hour == 2:
                    continue
                platform = rng.choices([p for p, _ in PLATFORMS], [w for _, w in PLATFORMS])[0]
                label = (EST if day < CHANGE_DAY or (day == CHANGE_DAY and hour < 2) else EDT).tzname(None)
                lines.append(f"{username},{platform},{wall:%Y-%m-%d %H:%M:%S} {label}")
    lines.insert(len(lines) // 2, f"{ACTIVE[3]},TWS,2026-03-08 02:30:00")  # a time New York skips
    lines.insert(len(lines) // 3, f"{ACTIVE[7]},Mobile Trader,03/31/2026 25:10")  # unreadable
    lines.insert(len(lines) // 4, ",TWS,2026-03-02 09:12:00 EST")  # no username
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def sample_clients() -> str:
    """The client list that goes with the sample: every username, four of them inactive."""
    return "\n".join(USERNAMES)
