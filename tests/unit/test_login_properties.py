"""Random login reports against an oracle that shares no code with the reader.

The oracle starts from instants in UTC, writes them as New York wall-clock times (zoneinfo of
the standard library) in a random format, delimiter, line ending and encoding, and knows the
answer: the same instants, except that a wall-clock time New York repeats (the first Sunday of
November, 01:00-01:59, by the US rule since 2007, written out here by hand) is read one hour
earlier (fold=0) and flagged.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from kbwidgets.rules.login_analysis import analyse
from kbwidgets.rules.login_file import read_report
from kbwidgets.rules.login_times import SourceZone

NEW_YORK = ZoneInfo("America/New_York")
FORMATS = [
    lambda w: w.strftime("%Y-%m-%d %H:%M:%S"),
    lambda w: w.strftime("%Y-%m-%d, %H:%M:%S"),
    lambda w: w.strftime("%Y%m%d %H:%M:%S"),
    lambda w: w.strftime("%Y%m%d;%H%M%S"),
    lambda w: w.strftime("%m/%d/%Y %H:%M:%S"),
    lambda w: f"{w.month}/{w.day}/{w.year} {(w.hour % 12) or 12}:{w:%M:%S} {'PM' if w.hour >= 12 else 'AM'}",
]


def first_sunday_of_november(year: int) -> date:
    day = date(year, 11, 1)
    return day + timedelta(days=(6 - day.weekday()) % 7)


def repeated(wall: datetime) -> bool:
    return wall.date() == first_sunday_of_november(wall.year) and wall.hour == 1


usernames = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Zl", "Zp"]),
    min_size=1,
    max_size=12,
).filter(lambda name: name.strip() == name and name)
logins = st.lists(
    st.tuples(
        usernames,
        st.sampled_from(["TWS", "Mobile Trader", "Client Portal", "IBKR, Desktop", 'say "hi"']),
        st.datetimes(min_value=datetime(2008, 1, 1), max_value=datetime(2030, 12, 31)),
        st.sampled_from(range(len(FORMATS))),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(
    logins,
    st.sampled_from([",", "\t", ";"]),
    st.sampled_from(["\n", "\r\n"]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
def test_random_reports_give_the_oracle_s_answers(rows, delimiter, ending, encoding):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=ending)
    writer.writerow(["User name", "Application type", "Login time (EST)"])
    expected: list[tuple[str, str, datetime]] = []
    flagged = 0
    for username, app, naive_utc, style in rows:
        instant = naive_utc.replace(tzinfo=UTC, microsecond=0)
        wall = instant.astimezone(NEW_YORK).replace(tzinfo=None)
        writer.writerow([username, app, FORMATS[style](wall)])
        if repeated(wall):
            flagged += 1
            instant = (wall + timedelta(hours=4)).replace(tzinfo=UTC)  # read as EDT, fold=0
        expected.append((username, app, instant))
    data = buffer.getvalue().encode(encoding)
    out = analyse(read_report(data, SourceZone("America/New_York")), UTC).as_json("en")
    assert out["rows"] == len(rows) and out["skipped"] == []
    assert out["dst_flagged"] == flagged
    assert out["platforms"] == dict(sorted(Counter(app for _, app, _ in expected).items()))
    by_user: dict[str, list[datetime]] = {}
    for username, _, instant in expected:
        by_user.setdefault(username, []).append(instant)
    assert [u["username"] for u in out["users"]] == sorted(by_user)
    for user in out["users"]:
        times = by_user[user["username"]]
        assert user["logins"] == len(times)
        assert user["first_login"] == min(times).isoformat()
        assert user["last_login"] == max(times).isoformat()
    off = sum(1 for _, _, i in expected if i.weekday() >= 5 or i.hour >= 22 or i.hour < 6)
    assert out["off_hours"] == off
