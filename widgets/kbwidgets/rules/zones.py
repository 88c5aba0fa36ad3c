"""The reader's time zone, with its daylight-saving rules: a wall-clock time read on its own date.

The browser tells us its IANA zone ("America/New_York") and today's UTC offset. A time the reader
types is read with the zone's rules *on that date* (zoneinfo), never with today's offset, so a
date before a clock change is not an hour off. Where the zone is unknown (an old browser, a zone
name this tzdata does not have) the fixed offset is all we have, and it is used as before.

Two wall-clock times are not one instant, and are never guessed:

- a skipped time (02:30 when the clocks go forward from 02:00 to 03:00) did not happen;
- a repeated time (01:30 when the clocks go back from 02:00 to 01:00) happened twice.

Both raise InputError with what to write instead; a repeated time can be given with its UTC
offset ("2026-11-01 01:30-05:00"), and that is how the field shows it back.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kbwidgets.engine.errors import InputError, Localized

ZONE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_+\-]{0,30}(?:/[A-Za-z0-9_+\-]{1,30}){0,2}")


def zone_named(name: str) -> ZoneInfo | None:
    """The IANA zone `name`, or None when it is not one (nothing outside the zone data is read)."""
    if not ZONE_NAME.fullmatch(name or ""):
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def reader_zone(name: str, offset_minutes: int) -> tzinfo:
    """The reader's zone by name when known, else the fixed offset the browser reported."""
    if name in ("UTC", "Etc/UTC") and offset_minutes == 0:
        return UTC  # without zone data: the build, the snapshot, the CLI's default
    return zone_named(name) or timezone(timedelta(minutes=offset_minutes))


def zone_label(zone: tzinfo) -> str:
    """How the zone is named to the reader: its IANA name, or "UTC+08:00"."""
    if isinstance(zone, ZoneInfo):
        return str(zone.key)
    return utc_offset(datetime(2026, 1, 1, tzinfo=zone))


def utc_offset(moment: datetime) -> str:
    """ "UTC−05:00", "UTC+05:30", "UTC" for the offset in force at the aware `moment`."""
    minutes = int((moment.utcoffset() or timedelta(0)).total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "−"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def iso_offset(moment: datetime) -> str:
    """ "-05:00" for an aware `moment`: what a reader appends to pick one of a repeated hour."""
    return moment.strftime("%z")[:3] + ":" + moment.strftime("%z")[3:]


def is_repeated(wall: datetime, zone: tzinfo) -> bool:
    """True when the naive `wall` time happened twice in `zone` (the hour the clocks go back)."""
    first, second = wall.replace(tzinfo=zone, fold=0), wall.replace(tzinfo=zone, fold=1)
    return first.utcoffset() != second.utcoffset() and _exists(first) and _exists(second)


def _exists(aware: datetime) -> bool:
    back = aware.astimezone(UTC).astimezone(aware.tzinfo)
    return back.replace(tzinfo=None, fold=0) == aware.replace(tzinfo=None, fold=0)


def localize(wall: datetime, zone: tzinfo, field: str, text: str) -> datetime:
    """The one instant (in UTC) that the naive `wall` time names in `zone` on that date.

    Raises InputError("access.skipped_time" / "access.repeated_time") when it names none or two.
    """
    label = Localized(f"access.field.{field}")
    first = wall.replace(tzinfo=zone, fold=0)
    second = wall.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first.astimezone(UTC)
    shift = abs((second.utcoffset() or timedelta(0)) - (first.utcoffset() or timedelta(0)))
    values = {
        "field": label,
        "text": text[:40],
        "zone": zone_label(zone),
        "minutes": int(shift.total_seconds() // 60),
        "time": f"{wall:%H:%M}",
        "day": f"{wall:%Y-%m-%d}",
    }
    if not _exists(first):  # in the gap: fold=0 reads it with the offset before the change
        after = first.astimezone(UTC).astimezone(zone)
        raise InputError("access.skipped_time", **values, example=f"{after:%H:%M}")
    raise InputError(
        "access.repeated_time",
        **values,
        first=f"{wall:%Y-%m-%d %H:%M}{iso_offset(first)}",
        second=f"{wall:%Y-%m-%d %H:%M}{iso_offset(second)}",
    )


def offsets_differ(moments: list[datetime], zone: tzinfo) -> bool:
    """True when the zone's clocks change between these instants (daylight saving)."""
    return len({m.astimezone(zone).utcoffset() for m in moments}) > 1
