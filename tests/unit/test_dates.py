"""Dates as readers type them: ISO 8601 and the year-first forms people write by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from kbwidgets.engine.errors import InputError
from kbwidgets.rules.dates import parse_datetime, to_input_value

BEIJING = timezone(timedelta(hours=8))
FIELD = "passcode_issued_at"


@pytest.mark.parametrize(
    "typed",
    [
        "2026-11-20T09:30",
        "2026-11-20 09:30",
        "2026-11-20 9:30",
        "2026/11/20 09:30",
        "2026.11.20 09:30",
        "2026年11月20日 9:30",
        "2026年11月20日9点30分",
        "2026年11月20日 09：30",
        " 2026-11-20  09:30 ",
    ],
)
def test_each_way_readers_write_a_date_means_the_same_moment(typed):
    assert parse_datetime(typed, FIELD, BEIJING) == datetime(2026, 11, 20, 9, 30, tzinfo=BEIJING)


def test_a_date_alone_means_midnight_and_an_offset_is_kept():
    assert parse_datetime("2026/11/20", FIELD, BEIJING) == datetime(2026, 11, 20, tzinfo=BEIJING)
    in_utc = parse_datetime("2026-11-20T01:30Z", FIELD, BEIJING)
    assert in_utc == datetime(2026, 11, 20, 9, 30, tzinfo=BEIJING)


@pytest.mark.parametrize(
    "typed",
    ["2026-02-30 09:00", "2026-11-20 25:00", "20/11/2026", "last tuesday", "<b>2026</b>", "", "9" * 50],
)
def test_impossible_or_ambiguous_dates_are_refused_in_the_readers_language(typed):
    with pytest.raises(InputError) as refused:
        parse_datetime(typed, FIELD, BEIJING)
    assert "2026-11-20 09:30" in refused.value.message("en")
    assert "年-月-日" in refused.value.message("zh")


def test_the_field_shows_a_moment_in_the_form_the_hint_asks_for():
    moment = datetime(2026, 11, 20, 1, 30, tzinfo=UTC)
    shown = to_input_value(moment, BEIJING)
    assert shown == "2026-11-20 09:30"
    assert parse_datetime(shown, FIELD, BEIJING) == moment
