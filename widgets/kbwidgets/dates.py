"""Reading and writing dates the way readers and support staff type and read them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from kbwidgets.errors import InputError, Localized

WEEKDAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "zh": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
}
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def parse_datetime(text: str, field: str, tz: timezone) -> datetime:
    """An aware datetime from ISO 8601 text; a time without an offset is in `tz`.

    Accepts "2026-11-20T09:30", "2026-11-20 09:30:00+08:00", "2026-11-20T01:30Z" and a bare
    date ("2026-11-20", midnight). Raises InputError("access.bad_date", field=...).
    """
    cleaned = (text or "").strip()
    label = Localized(f"access.field.{field}")
    if not cleaned or len(cleaned) > 40:
        raise InputError("access.bad_date", field=label, text=cleaned[:40])
    try:
        moment = datetime.fromisoformat(cleaned.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise InputError("access.bad_date", field=label, text=cleaned) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


def tz_from_minutes(minutes: int) -> timezone:
    return timezone(timedelta(minutes=minutes))


def format_datetime(moment: datetime, lang: str, tz: timezone) -> str:
    """ "Wed 2 Dec 2026, 09:30" in English; "2026年12月2日（星期三）09:30" in Chinese."""
    local = moment.astimezone(tz)
    weekday = WEEKDAYS[lang][local.weekday()]
    if lang == "zh":
        return f"{local.year}年{local.month}月{local.day}日（{weekday}）{local:%H:%M}"
    return f"{weekday} {local.day} {MONTHS_EN[local.month - 1]} {local.year}, {local:%H:%M}"


def format_date(moment: datetime, lang: str, tz: timezone) -> str:
    local = moment.astimezone(tz)
    if lang == "zh":
        return f"{local.month}月{local.day}日"
    return f"{local.day} {MONTHS_EN[local.month - 1]}"


def to_input_value(moment: datetime, tz: timezone) -> str:
    """The value of an <input type="datetime-local"> showing `moment` in `tz`."""
    return moment.astimezone(tz).strftime("%Y-%m-%dT%H:%M")
