"""Login times as login reports write them, read into instants without guessing.

The report says its times are "EST": New York time. Formats accepted (a trailing `EST`, `EDT`
or `ET` allowed on each):

- `2026-01-15 09:30` and `2026-01-15 09:30:15` (also with `T`);
- `2026-01-15, 09:30:15`;
- `20260115 09:30:15`;
- `20260115;093015`;
- `01/15/2026 09:30[:15]`, with an optional `AM` / `PM`: always month first, as US reports
  write it. A first number above 12 is refused, never read as a day: `03/04/2026` could be
  either, and reading it day-first would move a login by a month without a word.

Source zones: "America/New_York" reads a time as New York wall-clock time (EST in winter, EDT
in summer); an explicit `EST` (UTC-5) or `EDT` (UTC-4) suffix wins. "fixed-5" reads every time
without a suffix as UTC-5. A wall-clock time that New York skips (spring forward) or repeats
(fall back) is read with the earlier offset (zoneinfo's fold=0) and flagged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

NEW_YORK = "America/New_York"
FIXED_MINUS_5 = "fixed-5"
SOURCE_ZONES = (NEW_YORK, FIXED_MINUS_5)
EST = timezone(timedelta(hours=-5), "EST")
EDT = timezone(timedelta(hours=-4), "EDT")
SUFFIX = re.compile(r"\s*(?<![A-Za-z])(EST|EDT|ET)\s*$", re.IGNORECASE)
_HMS = r"(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?"
FORMATS = (
    re.compile(rf"(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?:[ T]+|\s*,\s*){_HMS}"),
    re.compile(rf"(?P<y>\d{{4}})(?P<m>\d{{2}})(?P<d>\d{{2}})\s+{_HMS}"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2});(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})"),
    re.compile(rf"(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})/(?P<y>\d{{4}})\s+{_HMS}(?:\s*(?P<ampm>[AaPp][Mm]))?"),
)
FAST = re.compile(r"\s*(\d{4}-\d\d-\d\d)[ T](\d\d):(\d\d):(\d\d)(?: ?(EST|EDT|ET))?\s*")
# The same shape cut in two for read_column: `2026-03-09 08:` + suffix, and `31:07`.
HOUR_KEY = re.compile(r"(\d{4}-\d\d-\d\d)[ T](\d\d):(?: ?(EST|EDT|ET))?\s*")
MINUTES_SECONDS = {f"{m:02d}:{s:02d}": m * 60 + s for m in range(60) for s in range(60)}
FIRST_YEAR, LAST_YEAR = 1990, 2100
EPOCH_DAY = 719163  # date(1970, 1, 1).toordinal()


class TimeProblem(ValueError):
    """Why a time cannot be read; `reason` is a text key under login.reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ReportTime:
    """A time as written: wall-clock fields, and the zone suffix if there was one."""

    wall: datetime  # naive
    suffix: str | None  # "EST", "EDT", "ET" or None


def parse_time(text: str) -> ReportTime:
    """The wall-clock time `text` holds; TimeProblem (reason key) when it is not one."""
    cleaned = text.strip()
    suffix_match = SUFFIX.search(cleaned)
    suffix = suffix_match.group(1).upper() if suffix_match else None
    if suffix_match:
        cleaned = cleaned[: suffix_match.start()]
    for pattern in FORMATS:
        match = pattern.fullmatch(cleaned)
        if match:
            return ReportTime(_wall(match.groupdict()), suffix)
    if not cleaned:
        raise TimeProblem("no_time")
    raise TimeProblem("bad_time")


def _wall(parts: dict[str, str | None]) -> datetime:
    year, month, day = int(parts["y"] or 0), int(parts["m"] or 0), int(parts["d"] or 0)
    hour, minute, second = int(parts["H"] or 0), int(parts["M"] or 0), int(parts["S"] or 0)
    ampm = (parts.get("ampm") or "").upper()
    if ampm:
        if not 1 <= hour <= 12:
            raise TimeProblem("bad_time")
        hour = hour % 12 + (12 if ampm == "PM" else 0)
    if month > 12 and "ampm" in parts:  # US layout with a day first: never guessed
        raise TimeProblem("day_first")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise TimeProblem("implausible_year")
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:  # 30 February, 25:00
        raise TimeProblem("impossible_time") from None


def zone(name: str) -> ZoneInfo:
    """The IANA zone `name`; LookupError when there is none (or no zone data at all)."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+){0,2}", name or ""):
        raise LookupError(name)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise LookupError(name) from None


@dataclass(frozen=True)
class Instant:
    """A login time as seconds since the epoch, and whether its wall clock was ambiguous."""

    timestamp: int
    dst_flagged: bool


class SourceZone:
    """How the report's times map to instants (see the module's docstring)."""

    def __init__(self, source: str) -> None:
        if source not in SOURCE_ZONES:
            raise LookupError(source)
        self.fixed = source == FIXED_MINUS_5
        self.new_york = None if self.fixed else zone(NEW_YORK)
        # Offsets of New York by wall-clock hour: reports repeat the same hours over and over.
        self._hours: dict[tuple[int, int, int, int], tuple[int, bool]] = {}
        self._hours_by_epoch: dict[int, tuple[int, bool]] = {}  # wall-clock hour -> the same
        self._days: dict[str, int] = {}  # "2026-03-09" -> days since 1970-01-01, -1 if no such day
        self._hour_keys = _HourKeys(self)  # "2026-03-09 08: EST" -> the hour's start, in UTC

    def read_column(self, texts: Sequence[str]) -> tuple[list[int | None], int]:
        """Every time of a column in the usual shape (see read_fast) as seconds since the epoch,
        None for any other (for `read`, which reads it or says why); and how many were flagged.

        A month of logins has a few hundred distinct hours and 3,600 distinct minutes and
        seconds, so each time is cut into those two and both are looked up: no regular
        expression and no arithmetic per row, only per distinct hour (in _HourKeys).
        """
        hours, seconds = self._hour_keys, MINUTES_SECONDS
        try:
            stamps: list[int | None] = [hours[text[:14] + text[19:]] + seconds[text[14:19]] for text in texts]
        except KeyError:  # at least one time in another shape: cut where it can be, row by row
            stamps = list(map(self._usual, texts))
        flagged = 0
        if hours.flagged:  # only a report with a skipped or repeated New York hour comes here
            keys = hours.flagged
            pairs = zip(texts, stamps, strict=True)
            flagged = sum(1 for text, stamp in pairs if stamp is not None and text[:14] + text[19:] in keys)
        return stamps, flagged

    def _usual(self, text: str) -> int | None:
        try:
            return self._hour_keys[text[:14] + text[19:]] + MINUTES_SECONDS[text[14:19]]
        except KeyError:
            return None

    def read(self, text: str) -> tuple[int, bool]:
        """(seconds since the epoch, flagged) of a report's time; TimeProblem if unreadable."""
        known = self.read_fast(text)
        if known is not None:
            return known
        instant = self.instant(parse_time(text))
        return instant.timestamp, instant.dst_flagged

    def read_fast(self, text: str) -> tuple[int, bool] | None:
        """(seconds since the epoch, flagged) of a time in the usual shape, else None.

        The usual shape, `2026-03-09 08:31:07` with or without ` EST`/` EDT`/` ET`, is read with
        one regular expression and integer arithmetic (a 100,000-row report is mostly that);
        anything else, or anything out of range, is for parse_time, which says why.
        """
        match = FAST.fullmatch(text)
        if match:
            date_text, hour, minute, second, suffix = match.groups()
            day = self._days.get(date_text)
            if day is None:
                day = self._days[date_text] = _day_number(date_text)
            hours, minutes, seconds = int(hour), int(minute), int(second)
            if day >= 0 and hours < 24 and minutes < 60 and seconds < 60:
                wall = day * 86400 + hours * 3600 + minutes * 60 + seconds
                if suffix == "EST" or (self.fixed and suffix != "EDT"):
                    return wall + 18000, False
                if suffix == "EDT":
                    return wall + 14400, False
                known = self._hours_by_epoch.get(wall // 3600)
                if known is None:
                    moment = datetime.fromtimestamp(wall - wall % 3600, UTC).replace(tzinfo=None)
                    known = self._hours_by_epoch[wall // 3600] = self._new_york(moment)
                return wall - known[0], known[1]
        return None

    def instant(self, time: ReportTime) -> Instant:
        if time.suffix == "EST" or (self.fixed and time.suffix != "EDT"):
            return Instant(_epoch(time.wall, EST), False)
        if time.suffix == "EDT":
            return Instant(_epoch(time.wall, EDT), False)
        # New York changes its clocks on the hour, so one wall-clock hour has one offset.
        hour = (time.wall.year, time.wall.month, time.wall.day, time.wall.hour)
        known = self._hours.get(hour)
        if known is None:
            known = self._hours[hour] = self._new_york(time.wall.replace(minute=0, second=0))
        offset, flagged = known
        return Instant(_naive_epoch(time.wall) - offset, flagged)

    def _new_york(self, wall: datetime) -> tuple[int, bool]:
        """(UTC offset in seconds, skipped or repeated) for a New York wall-clock time."""
        assert self.new_york is not None
        local = wall.replace(tzinfo=self.new_york)  # fold=0: the earlier offset
        offset, other = local.utcoffset(), local.replace(fold=1).utcoffset()
        assert offset is not None and other is not None
        # Skipped and repeated times are the only ones whose two folds disagree.
        return int(offset.total_seconds()), offset != other


class _HourKeys(dict[str, int]):
    """`2026-03-09 08:` followed by the time's suffix (as cut by read_column) -> the start of
    that hour in seconds since the epoch; a KeyError for anything else. Filled on first use:
    a dict's own lookup (in C) calls __missing__ only for a key it has not seen."""

    def __init__(self, source: SourceZone) -> None:
        super().__init__()
        self.source = source
        self.flagged: set[str] = set()  # keys of skipped or repeated New York hours

    def __missing__(self, key: str) -> int:
        match = HOUR_KEY.fullmatch(key)
        if not match:
            raise KeyError(key)
        date_text, hour, suffix = match.groups()
        # Through read_fast, so both paths read every time the same way, by construction.
        known = self.source.read_fast(f"{date_text} {hour}:00:00 {suffix or ''}")
        if known is None:
            raise KeyError(key)
        if known[1]:
            self.flagged.add(key)
        self[key] = known[0]
        return known[0]


def _day_number(text: str) -> int:
    """Days from 1970-01-01 to the date `text` (YYYY-MM-DD), or -1 for no such or no likely day."""
    year, month, day = int(text[:4]), int(text[5:7]), int(text[8:10])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return -1
    try:
        return date(year, month, day).toordinal() - EPOCH_DAY
    except ValueError:
        return -1


def _epoch(wall: datetime, tz: timezone) -> int:
    return int(wall.replace(tzinfo=tz).timestamp())


def _naive_epoch(wall: datetime) -> int:
    return int(wall.replace(tzinfo=UTC).timestamp())
