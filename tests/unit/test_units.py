"""Reading amounts of memory as readers type them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kbwidgets.engine.errors import InputError
from kbwidgets.rules.units import format_gb, parse_mb


@pytest.mark.parametrize(
    ("text", "mb"),
    [
        ("1536", 1536),
        ("1536 MB", 1536),
        ("1536m", 1536),
        ("1.5 GB", 1536),
        ("1.5g", 1536),
        ("2 GiB", 2048),
        ("1,792 MB", 1792),
        ("１５３６ ＭＢ", 1536),  # full-width, as typed with a Chinese input method
        ("  768M  ", 768),
        ("1048576k", 1024),
    ],
)
def test_amounts(text, mb):
    assert parse_mb(text) == mb


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "units.empty"),
        ("   ", "units.empty"),
        ("lots", "units.unreadable"),
        ("<img src=x onerror=alert(1)>", "units.unreadable"),
        ("1.5 GB RAM", "units.unreadable"),
        ("-1 GB", "units.unreadable"),
        ("100 B", "units.unreadable"),
        ("0", "units.out_of_range"),
        ("5000 TB", "units.out_of_range"),
        ("9" * 500, "units.unreadable"),
    ],
)
def test_bad_amounts_have_a_reason(text, code):
    with pytest.raises(InputError) as caught:
        parse_mb(text)
    assert caught.value.code == code
    assert caught.value.message("zh") and caught.value.message("en")


def test_gigabytes_are_shown_briefly():
    assert [format_gb(mb) for mb in (1536, 1792, 2048, 768)] == ["1.5", "1.75", "2", "0.75"]


@given(st.integers(min_value=1, max_value=64 * 1024))
def test_megabytes_round_trip_through_gigabytes_when_exact(mb):
    text = f"{format_gb(mb)} GB"
    if mb % 256 == 0:  # at most two decimals of a GB are exact
        assert parse_mb(text) == mb
