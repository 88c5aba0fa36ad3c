"""Dates across daylight saving: a typed time is read in the reader's IANA zone on that date.

The 2026 transitions used (from the IANA rules in tzdata):
New York  EST->EDT 8 Mar 02:00->03:00,  EDT->EST 1 Nov 02:00->01:00;
London    GMT->BST 29 Mar 01:00->02:00, BST->GMT 25 Oct 02:00->01:00;
Sydney    AEDT->AEST 5 Apr 03:00->02:00, AEST->AEDT 4 Oct 02:00->03:00;
Hong Kong no daylight saving (UTC+08:00 all year).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kbwidgets.engine.errors import InputError
from kbwidgets.engine.view import text_of
from kbwidgets.entrypoints.browser import respond
from kbwidgets.rules.access import advise
from kbwidgets.rules.dates import parse_datetime, to_input_value
from kbwidgets.rules.zones import reader_zone, zone_named

EXPIRED = {"access_level": "none", "no_access_reason": "passcode_expired"}
# Today's offset, which the browser also sends: what the old code read every date with.
TODAY_OFFSET = {"America/New_York": -300, "Europe/London": 0, "Australia/Sydney": 660, "Asia/Hong_Kong": 480}


def _zone(name: str):
    zone = zone_named(name)
    assert zone is not None
    return zone


def _utc(text: str, zone: str) -> str:
    return parse_datetime(text, "passcode_issued_at", _zone(zone)).astimezone(UTC).strftime("%Y-%m-%d %H:%M")


@pytest.mark.parametrize(
    ("zone", "winter", "summer"),
    [
        (
            "America/New_York",
            ("2026-02-01 09:00", "2026-02-01 14:00"),
            ("2026-07-01 09:00", "2026-07-01 13:00"),
        ),
        ("Europe/London", ("2026-02-01 09:00", "2026-02-01 09:00"), ("2026-07-01 09:00", "2026-07-01 08:00")),
        (
            "Australia/Sydney",
            ("2026-07-01 09:00", "2026-06-30 23:00"),
            ("2026-02-01 09:00", "2026-01-31 22:00"),
        ),
        (
            "Asia/Hong_Kong",
            ("2026-02-01 09:00", "2026-02-01 01:00"),
            ("2026-07-01 09:00", "2026-07-01 01:00"),
        ),
    ],
)
def test_a_typed_time_is_read_with_the_offset_of_its_own_date(zone, winter, summer):
    for typed, instant in (winter, summer):
        assert _utc(typed, zone) == instant


def _widget(zone: str, issued: str, now: str, lang: str = "en") -> tuple[dict, str]:
    response = respond(
        {
            "widget": "access-assistant",
            "lang": lang,
            "op": "start",
            "query": {**EXPIRED, "issued": issued},
            "env": {"now": now, "tz": TODAY_OFFSET[zone], "zone": zone, "instance": "kbw1"},
        }
    )
    assert "error" not in response, response
    return response["query"], text_of(response["view"])


@pytest.mark.parametrize(
    ("zone", "issued", "now", "link", "full_until"),
    [
        # The issue's case: 48 hours after 09:00 EDT is 08:00 EST, not 09:00.
        (
            "America/New_York",
            "2026-10-30 09:00",
            "2026-11-05T12:00Z",
            "2026-10-30T13:00:00+00:00",
            "Sun 1 Nov 2026, 08:00 (UTC−05:00)",
        ),
        (
            "America/New_York",
            "2026-03-07 09:00",
            "2026-03-08T20:00Z",
            "2026-03-07T14:00:00+00:00",
            "Mon 9 Mar 2026, 10:00 (UTC−04:00)",
        ),
        (
            "Europe/London",
            "2026-10-24 09:00",
            "2026-10-26T12:00Z",
            "2026-10-24T08:00:00+00:00",
            "Mon 26 Oct 2026, 08:00 (UTC)",
        ),
        (
            "Europe/London",
            "2026-03-28 09:00",
            "2026-03-29T12:00Z",
            "2026-03-28T09:00:00+00:00",
            "Mon 30 Mar 2026, 10:00 (UTC+01:00)",
        ),
        (
            "Australia/Sydney",
            "2026-04-04 09:00",
            "2026-04-05T12:00Z",
            "2026-04-03T22:00:00+00:00",
            "Mon 6 Apr 2026, 08:00 (UTC+10:00)",
        ),
        (
            "Australia/Sydney",
            "2026-10-03 09:00",
            "2026-10-04T12:00Z",
            "2026-10-02T23:00:00+00:00",
            "Mon 5 Oct 2026, 10:00 (UTC+11:00)",
        ),
    ],
)
def test_full_access_ends_48_hours_later_on_the_readers_clock_across_both_changes(
    zone, issued, now, link, full_until
):
    query, text = _widget(zone, issued, now)
    assert query["issued"] == link  # the link holds one unambiguous instant
    assert full_until in text
    assert f"The clocks in your time zone ({zone}) change" in text


def test_sydney_48_hours_after_issue_on_the_change_day_counts_the_extra_hour():
    # 09:00 AEDT on 4 Apr + 48 h = 08:00 AEST on 6 Apr (the clocks went back an hour on 5 Apr).
    _, text = _widget("Australia/Sydney", "2026-04-04 09:00", "2026-04-05T12:00Z")
    assert "Mon 6 Apr 2026, 08:00 (UTC+10:00)" in text


def test_hong_kong_has_no_clock_change_so_no_offsets_and_no_note():
    query, text = _widget("Asia/Hong_Kong", "2026-10-30 09:00", "2026-11-05T12:00Z")
    assert query["issued"] == "2026-10-30T01:00:00+00:00"
    assert "Sun 1 Nov 2026, 09:00" in text and "UTC" not in text and "clocks" not in text


def test_a_link_shows_the_same_instant_in_another_readers_zone():
    link, _ = _widget("America/New_York", "2026-10-30 09:00", "2026-11-05T12:00Z")
    _, text = _widget("Asia/Hong_Kong", link["issued"], "2026-11-05T12:00Z")
    assert "Sun 1 Nov 2026, 21:00" in text  # 13:00Z + 48 h = 13:00Z on 1 Nov = 21:00 in Hong Kong


@pytest.mark.parametrize(
    ("zone", "typed", "example"),
    [
        ("America/New_York", "2026-03-08 02:30", "03:30"),
        ("Europe/London", "2026-03-29 01:30", "02:30"),
        ("Australia/Sydney", "2026-10-04 02:30", "03:30"),
    ],
)
def test_a_skipped_time_is_refused_with_what_to_write(zone, typed, example):
    with pytest.raises(InputError) as caught:
        parse_datetime(typed, "passcode_issued_at", _zone(zone))
    assert caught.value.code == "access.skipped_time"
    for lang in ("en", "zh"):
        message = caught.value.message(lang)
        assert zone in message and example in message and "60" in message


@pytest.mark.parametrize(
    ("zone", "typed", "first", "second"),
    [
        ("America/New_York", "2026-11-01 01:30", "-04:00", "-05:00"),
        ("Europe/London", "2026-10-25 01:30", "+01:00", "+00:00"),
        ("Australia/Sydney", "2026-04-05 02:30", "+11:00", "+10:00"),
    ],
)
def test_a_repeated_time_asks_which_one_and_each_answer_is_one_instant(zone, typed, first, second):
    with pytest.raises(InputError) as caught:
        parse_datetime(typed, "passcode_issued_at", _zone(zone))
    assert caught.value.code == "access.repeated_time"
    for lang in ("en", "zh"):
        message = caught.value.message(lang)
        assert f"{typed}{first}" in message and f"{typed}{second}" in message
    early = parse_datetime(f"{typed}{first}", "passcode_issued_at", _zone(zone))
    late = parse_datetime(f"{typed} {second}", "passcode_issued_at", _zone(zone))  # a space is fine
    assert (late - early).total_seconds() == 3600
    # The field shows each back with its offset, so sending the form again keeps the same instant.
    for moment in (early, late):
        shown = to_input_value(moment, _zone(zone))
        assert parse_datetime(shown, "passcode_issued_at", _zone(zone)) == moment


def test_the_widget_shows_the_repeated_hour_question_in_the_form_never_a_silent_hour():
    response = respond(
        {
            "widget": "access-assistant",
            "lang": "zh",
            "op": "start",
            "query": {**EXPIRED, "issued": "2026-11-01 01:30"},
            "env": {"now": "2026-11-05T12:00Z", "tz": -300, "zone": "America/New_York"},
        }
    )
    text = text_of(response["view"])
    assert "出现了两次" in text and "2026-11-01 01:30-04:00" in text
    assert "2026年11月3日" not in text  # no end date is drawn from a guessed hour


def test_an_unknown_zone_falls_back_to_the_offset_the_browser_sent():
    assert reader_zone("Not/A_Zone", 480).utcoffset(None).total_seconds() == 8 * 3600
    assert reader_zone("../../etc/passwd", -300).utcoffset(None).total_seconds() == -5 * 3600


def test_the_cli_reads_dates_in_the_time_zone_it_is_given():
    answer = advise(
        {
            "situation": "passcode_expired",
            "passcode_issued_at": "2026-10-30 09:00",
            "now": "2026-11-05T12:00Z",
            "time_zone": "America/New_York",
        }
    )
    assert answer["timeline"]["full_access_until"] == "2026-11-01T08:00:00-05:00"
    with pytest.raises(InputError) as caught:
        advise({"situation": "passcode_expired", "time_zone": "Mars/Olympus"})
    assert caught.value.code == "access.unknown_zone"
    assert datetime.fromisoformat(answer["timeline"]["portal_only_until"]).utcoffset() is not None
