"""Reading and writing dates the way readers and support staff type and read them."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, tzinfo

from kbwidgets import CHINESE
from kbwidgets.engine.errors import InputError, Localized
from kbwidgets.rules.zones import is_repeated, iso_offset, localize, utc_offset

WEEKDAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "zh": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
    "zh-hant": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
}
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTHS_EN_LONG = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


FIRST_YEAR, LAST_YEAR = 2000, 2100  # the years a passcode, a card or "now" can be in

# How readers write a date and time: "2026-11-20 9:30", "2026/11/20 09:30", "2026.11.20",
# "2026年11月20日 9:30", "2026年11月20日9点30分". Year first: day/month order is ambiguous.
READER_DATETIME = re.compile(
    r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*[T,，]?\s*(?P<H>\d{1,2})\s*[:：点时]\s*(?P<M>\d{1,2})\s*分?)?"
)


# "2026-11-01 01:30 -05:00": a space before the offset, which fromisoformat does not take.
SPACED_OFFSET = re.compile(r"\s+(?=[+-]\d{2}:?\d{2}$)")


def parse_datetime(text: str, field: str, tz: tzinfo) -> datetime:
    """The instant (in UTC) a reader typed; a time without an offset is a wall-clock time in `tz`
    on that date, read with the zone's rules then (kbwidgets.rules.zones), not today's offset.

    Accepts ISO 8601 ("2026-11-20T09:30", "2026-11-20 09:30:00+08:00", "2026-11-20T01:30Z", a
    bare date for midnight) and the year-first forms of READER_DATETIME. Raises
    InputError("access.bad_date", field=...), and "access.skipped_time" / "access.repeated_time"
    for a time the clocks skipped or showed twice.
    """
    cleaned = SPACED_OFFSET.sub("", (text or "").strip())
    label = Localized(f"access.field.{field}")
    if not cleaned or len(cleaned) > 40:
        raise InputError("access.bad_date", field=label, text=cleaned[:40])
    moment: datetime | None
    try:
        moment = datetime.fromisoformat(cleaned.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        moment = _reader_datetime(cleaned)
    if moment is None:
        raise InputError("access.bad_date", field=label, text=cleaned)
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        # 0026-11-20 or 9999-12-31 read fine but cannot be right, and dates near the ends of
        # the calendar overflow once a period or a time zone is added to them.
        raise InputError(
            "access.implausible_date", field=label, text=cleaned, first=FIRST_YEAR, last=LAST_YEAR
        )
    if moment.tzinfo:
        return moment.astimezone(UTC)
    return localize(moment, tz, field, cleaned)


def _reader_datetime(text: str) -> datetime | None:
    match = READER_DATETIME.fullmatch(text)
    if not match:
        return None
    parts = {k: int(v) for k, v in match.groupdict().items() if v is not None}
    try:
        return datetime(parts["y"], parts["m"], parts["d"], parts.get("H", 0), parts.get("M", 0))
    except ValueError:  # 30 February, 25:00
        return None


def format_datetime(moment: datetime, lang: str, tz: tzinfo, with_offset: bool = False) -> str:
    """ "Wed 2 Dec 2026, 09:30" in English; "2026年12月2日（星期三）09:30" in Chinese; with
    `with_offset` (dates on both sides of a clock change) "..., 08:00 (UTC−05:00)"."""
    local = moment.astimezone(tz)
    weekday = WEEKDAYS[lang][local.weekday()]
    if lang in CHINESE:
        text = f"{local.year}年{local.month}月{local.day}日（{weekday}）{local:%H:%M}"
        return f"{text}（{utc_offset(local)}）" if with_offset else text
    text = f"{weekday} {local.day} {MONTHS_EN[local.month - 1]} {local.year}, {local:%H:%M}"
    return f"{text} ({utc_offset(local)})" if with_offset else text


def format_day(day: date, lang: str) -> str:
    """A calendar day written out: "23 November 2026"; "2026年11月23日"."""
    if lang in CHINESE:
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {MONTHS_EN_LONG[day.month - 1]} {day.year}"


def format_date(moment: datetime, lang: str, tz: tzinfo) -> str:
    local = moment.astimezone(tz)
    if lang in CHINESE:
        return f"{local.month}月{local.day}日"
    return f"{local.day} {MONTHS_EN[local.month - 1]}"


def to_input_value(moment: datetime, tz: tzinfo) -> str:
    """How a date field shows `moment` in `tz`: "2026-11-20 09:30", the form the hint asks for;
    with its offset ("2026-11-01 01:30-05:00") when that wall-clock time happened twice.

    A text field, not <input type="datetime-local">: the browser draws that one in its own
    language, so a Chinese page in an English browser would show "mm/dd/yyyy, --:-- --".
    """
    local = moment.astimezone(tz)
    wall = local.strftime("%Y-%m-%d %H:%M")
    return wall + iso_offset(local) if is_repeated(local.replace(tzinfo=None), tz) else wall
