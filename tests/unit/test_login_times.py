"""Login-report times: every listed format, never day-first, and New York's clock changes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kbwidgets.rules.login_times import SourceZone, TimeProblem, parse_time


def utc(text: str, source: str = "America/New_York") -> tuple[str, bool]:
    instant = SourceZone(source).instant(parse_time(text))
    return datetime.fromtimestamp(instant.timestamp, UTC).strftime("%Y-%m-%d %H:%M:%S"), instant.dst_flagged


@pytest.mark.parametrize(
    "text",
    [
        "2026-01-15 09:30",
        "2026-01-15 09:30:00",
        "2026-01-15T09:30:00",
        "2026-01-15, 09:30:00",
        "20260115 09:30:00",
        "20260115;093000",
        "01/15/2026 09:30",
        "01/15/2026 09:30:00",
        "1/15/2026 9:30 AM",
        "01/15/2026 09:30:00 am",
        "2026-01-15 09:30:00 EST",
        "2026-01-15 09:30 ET",
        "  2026-01-15 09:30:00est ",
    ],
)
def test_every_listed_format_is_the_same_winter_morning(text):
    assert utc(text) == ("2026-01-15 14:30:00", False)


def test_pm_and_midnight_and_noon_in_us_format():
    assert utc("07/04/2026 12:00 AM")[0] == "2026-07-04 04:00:00"  # midnight, EDT
    assert utc("07/04/2026 12:00 PM")[0] == "2026-07-04 16:00:00"  # noon
    assert utc("07/04/2026 11:59:59 PM")[0] == "2026-07-05 03:59:59"


def test_month_first_is_never_read_day_first():
    assert utc("03/04/2026 10:00")[0] == "2026-03-04 15:00:00"  # 4 March, not 3 April
    with pytest.raises(TimeProblem) as problem:
        parse_time("13/01/2026 09:00")
    assert problem.value.reason == "day_first"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "no_time"),
        ("yesterday", "bad_time"),
        ("15.01.2026 09:30", "bad_time"),
        ("2026-02-30 09:30", "impossible_time"),
        ("2026-01-15 25:00", "impossible_time"),
        ("1899-01-15 09:30", "implausible_year"),
        ("01/15/2026 13:30 PM", "bad_time"),
    ],
)
def test_unreadable_times_say_why(text, reason):
    with pytest.raises(TimeProblem) as problem:
        parse_time(text)
    assert problem.value.reason == reason


def test_summer_wall_clock_is_edt_and_the_suffix_wins():
    assert utc("2026-07-01 09:30:00") == ("2026-07-01 13:30:00", False)
    assert utc("2026-07-01 09:30:00 EST") == ("2026-07-01 14:30:00", False)
    assert utc("2026-01-15 09:30:00 EDT") == ("2026-01-15 13:30:00", False)


def test_fixed_minus_5_reads_summer_as_utc_minus_5_and_flags_nothing():
    assert utc("2026-07-01 09:30:00", "fixed-5") == ("2026-07-01 14:30:00", False)
    assert utc("2026-03-08 02:30:00", "fixed-5") == ("2026-03-08 07:30:00", False)
    assert utc("2026-11-01 01:30:00", "fixed-5") == ("2026-11-01 06:30:00", False)
    assert utc("2026-07-01 09:30:00 EDT", "fixed-5") == ("2026-07-01 13:30:00", False)


def test_spring_forward_the_skipped_hour_is_flagged_and_read_with_the_earlier_offset():
    # 8 March 2026: New York's clocks jump from 02:00 EST to 03:00 EDT.
    assert utc("2026-03-08 01:59:59") == ("2026-03-08 06:59:59", False)
    assert utc("2026-03-08 02:00:00") == ("2026-03-08 07:00:00", True)
    assert utc("2026-03-08 02:59:59") == ("2026-03-08 07:59:59", True)
    assert utc("2026-03-08 03:00:00") == ("2026-03-08 07:00:00", False)


def test_fall_back_the_repeated_hour_is_flagged_and_read_with_the_earlier_offset():
    # 1 November 2026: 02:00 EDT becomes 01:00 EST; 01:00-01:59 happens twice.
    assert utc("2026-11-01 00:59:59") == ("2026-11-01 04:59:59", False)
    assert utc("2026-11-01 01:00:00") == ("2026-11-01 05:00:00", True)
    assert utc("2026-11-01 01:59:59") == ("2026-11-01 05:59:59", True)
    assert utc("2026-11-01 02:00:00") == ("2026-11-01 07:00:00", False)
    assert utc("2026-11-01 01:30:00 EST") == ("2026-11-01 06:30:00", False)  # explicit: not flagged
