"""Reading a login report: the bytes as a broker downloads them, into logins and skipped rows.

IBKR publishes no fixed layout and the contents can be customised, so nothing is assumed
beyond a header line: the delimiter is the one the header uses (tab, comma or semicolon), and
columns are found by header name in English or Chinese (see COLUMN_WORDS), or named by the
reader. Every row that cannot be read is skipped with its line number (the header is line 1)
and the reason; the rest is analysed.

Encodings: UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark (Excel's
"Unicode text"), GB18030, Big5 and Latin-1 (Windows-1252). Without a byte order mark the last
three are told apart by what the bytes look like (kbwidgets.rules.login_encoding); a file that
could be either Chinese encoding is refused with a message that names both, never guessed.
"""

from __future__ import annotations

import csv
import gc
import io
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import repeat
from typing import cast

from kbwidgets.engine.errors import InputError, Localized, Quoted
from kbwidgets.rules.login_encoding import decode_report
from kbwidgets.rules.login_times import SourceZone, TimeProblem

ROW_LIMIT = 500_000  # rows: a monthly report of a large broker is a tenth of this
BYTE_LIMIT = 48 * 1024 * 1024  # bytes: ROW_LIMIT rows of about 90 bytes
ROLES = ("user", "app", "time")
REQUIRED = ("user", "time")
COLUMN_WORDS = {
    "user": ("user", "用户", "用戶", "帳號", "账号"),
    "app": ("app", "platform", "应用", "應用", "平台"),
    "time": ("time", "date", "时间", "時間", "日期"),
}
DELIMITERS = ("\t", ",", ";")
PROGRESS_EVERY = 20_000  # rows between two progress reports
Progress = Callable[[int, int], None]  # (rows read, rows in the file, estimated)


@dataclass(frozen=True)
class Skipped:
    line: int
    reason: str  # a text key under login.reason


@dataclass
class Report:
    """What the file holds: its logins (as parallel lists: 100,000 rows stay small) and more."""

    header: list[str]
    columns: dict[str, int]  # role -> column index
    encoding: str
    delimiter: str
    rows: int = 0
    users: list[str] = field(default_factory=list)
    apps: list[str] = field(default_factory=list)
    timestamps: list[int] = field(default_factory=list)
    flagged: int = 0
    skipped: list[Skipped] = field(default_factory=list)


def find_columns(header: list[str], overrides: dict[str, str] | None = None) -> dict[str, int]:
    """Which column holds what: the first header that contains one of the role's words, or
    the header the reader named (case-insensitively). InputError when a column is missing."""
    folded = [name.strip().casefold() for name in header]
    columns: dict[str, int] = {}
    for role, wanted in (overrides or {}).items():
        if role not in ROLES:
            raise InputError("login.unknown_role", role=role[:20], known=", ".join(ROLES))
        if wanted.strip().casefold() not in folded:
            raise InputError("login.unknown_column", name=wanted[:60], known=_shown(header))
        columns[role] = folded.index(wanted.strip().casefold())
    for role in ROLES:
        if role not in columns:
            found = next(
                (i for i, name in enumerate(folded) if any(w in name for w in COLUMN_WORDS[role])), None
            )
            if found is not None:
                columns[role] = found
    missing = [role for role in REQUIRED if role not in columns]
    if missing:
        raise InputError("login.no_column", role=Localized(f"login.role.{missing[0]}"), known=_shown(header))
    return columns


def _shown(header: list[str]) -> Quoted:
    return Quoted(name.strip()[:40] for name in header[:20])


def parse_overrides(text: str) -> dict[str, str]:
    """`user=Login Name,app=Platform,time=When` as {"user": "Login Name", ...}."""
    overrides: dict[str, str] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        role, equals, name = part.partition("=")
        if not equals or not name.strip():
            raise InputError("login.bad_columns", text=text[:80])
        overrides[role.strip().lower()] = name.strip()
    return overrides


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_report(
    data: bytes,
    source: SourceZone,
    overrides: dict[str, str] | None = None,
    progress: Progress | None = None,
) -> Report:
    """Every row of the report `data`; InputError for a file that cannot be a report at all."""
    with no_cycle_collection():
        return _read_report(data, source, overrides, progress)


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Reading and counting make hundreds of thousands of small lists and tuples and no reference
    cycles; the cyclic garbage collector would walk them, and whatever else is alive (Python
    3.14's collects the old generation in steps), again and again: half the time at 100,000 rows.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _read_report(
    data: bytes, source: SourceZone, overrides: dict[str, str] | None, progress: Progress | None
) -> Report:
    if len(data) > BYTE_LIMIT:
        raise InputError("login.too_large", limit_mb=BYTE_LIMIT // (1024 * 1024), rows=f"{ROW_LIMIT:,}")
    text, encoding = decode_report(data)
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        raise InputError("login.empty")
    delimiter = _delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader)
    report = Report(header, find_columns(header, overrides), encoding, delimiter)
    estimate = max(1, text.count("\n"))
    time_column, width = report.columns["time"], len(header)
    user_column, app_column = report.columns["user"], report.columns.get("app")
    if estimate <= ROW_LIMIT + 1:
        columns = _plain_columns(text, delimiter, width)
        if columns is not None:
            _read_columns(report, columns, source)
            return report
        body = list(reader)  # at C speed; a regular file is then read column by column
        lines = text.count("\n") - (1 if text.endswith("\n") else 0)
        if len(body) == lines and set(map(len, body)) <= {width}:
            _read_columns(report, list(zip(*body, strict=True)) if body else [[]] * width, source)
            return report
        # Irregular (blank lines, quoted line breaks, short rows): read again, row by row, for
        # each row's own line number.
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        next(reader)
    # The loop runs once per row of a 100,000-row file: everything it needs is a local name.
    read_time, skip = source.read, report.skipped.append
    add_user, add_app, add_time = report.users.append, report.apps.append, report.timestamps.append
    rows = flagged_count = 0
    needed = max(time_column, user_column)
    app_at = app_column if app_column is not None else -1
    for row in reader:
        length = len(row)
        if length <= 1 and (not row or not row[0].strip()):
            continue  # a blank line is not a row
        rows += 1
        if rows % PROGRESS_EVERY == 0:
            if rows > ROW_LIMIT:
                raise InputError("login.too_many_rows", rows=f"{ROW_LIMIT:,}", limit_mb=BYTE_LIMIT >> 20)
            if progress is not None:
                progress(rows, estimate)
        if length == width + 1:
            row = _rejoined(row, time_column, delimiter)
            length = len(row)
        if length <= needed:
            skip(Skipped(reader.line_num, "short_row"))
            continue
        username = row[user_column].strip()
        if not username:
            skip(Skipped(reader.line_num, "no_user"))
            continue
        try:
            timestamp, flagged = read_time(row[time_column])
        except TimeProblem as problem:
            skip(Skipped(reader.line_num, problem.reason))
            continue
        add_user(username)
        add_app(row[app_at].strip() if 0 <= app_at < length else "")
        add_time(timestamp)
        flagged_count += flagged
    if rows > ROW_LIMIT:
        raise InputError("login.too_many_rows", rows=f"{ROW_LIMIT:,}", limit_mb=BYTE_LIMIT >> 20)
    report.rows, report.flagged = rows, flagged_count
    return report


def _plain_columns(text: str, delimiter: str, width: int) -> list[list[str]] | None:
    """The data rows' columns of a file with no quote character and one kind of line break in
    which every line has the header's width, split with str methods (in C, with no list per
    row): the csv module reads such a file into the very same fields. None for any other file.
    """
    if '"' in text or "\0" in text or width < 2:  # one column: a blank line would pass as a row
        return None
    newline = "\r\n" if "\r" in text else "\n"
    lines = text.split(newline)
    if newline == "\r\n" and not text.count("\r") == text.count("\n") == len(lines) - 1:
        return None  # a lone CR or LF also ends a line for the csv module
    if lines[-1] == "":
        lines.pop()  # the last line's line break
    rows = len(lines) - 1
    if set(map(str.count, lines, repeat(delimiter, len(lines)))) != {width - 1}:
        return None  # a blank, short or long line: read by the csv module, row by row
    fields = text.replace(newline, delimiter).split(delimiter)  # the header's first
    end = (rows + 1) * width  # past the last row's fields (a final line break adds one more)
    return [fields[width + column : end : width] for column in range(width)]


def _read_columns(report: Report, columns: Sequence[Sequence[str]], source: SourceZone) -> None:
    """A file whose every row has the header's width, one line each (row i is line i + 2), as
    its columns: read at C speed (map, the time column's lookups), the common case of a
    100,000-row report; only rows that the usual shapes do not fit go through Python one by one."""
    report.rows = len(columns[0])
    if not report.rows:
        return
    users = list(map(str.strip, columns[report.columns["user"]]))
    time_texts = columns[report.columns["time"]]
    stamps, report.flagged = source.read_column(time_texts)
    app_column = report.columns.get("app")
    apps = list(map(str.strip, columns[app_column])) if app_column is not None else [""] * report.rows
    if "" in users or None in stamps:  # a few bad rows: leave them out, each with its reason
        kept = []
        for index, (name, stamp) in enumerate(zip(users, stamps, strict=True)):
            if not name:
                report.skipped.append(Skipped(index + 2, "no_user"))
            elif stamp is None:
                try:
                    stamps[index], flagged = source.read(time_texts[index])
                    report.flagged += flagged
                    kept.append(index)
                except TimeProblem as problem:
                    report.skipped.append(Skipped(index + 2, problem.reason))
            else:
                kept.append(index)
        users, apps, stamps = [users[i] for i in kept], [apps[i] for i in kept], [stamps[i] for i in kept]
    report.users, report.apps = users, apps
    report.timestamps = cast(list[int], stamps)  # every None was read or left out above


def _rejoined(row: list[str], time_column: int, delimiter: str) -> list[str]:
    """A row with one field more than the header: a trailing delimiter, or a time whose own
    comma or semicolon split it ("2026-01-15, 09:30:15" or "20260115;093015" unquoted)."""
    if not row[-1].strip():
        return row[:-1]
    if time_column + 1 >= len(row):
        return row
    joined = f"{row[time_column]}{delimiter}{row[time_column + 1]}"
    return [*row[:time_column], joined, *row[time_column + 2 :]]


def csv_header(data: bytes) -> list[str]:
    """The column names of a report (for the reader's column mapping), read from its start."""
    start = data[:65536]
    text, _ = decode_report(start[: start.rfind(b"\n") + 1] or start)
    first_line = text.split("\n", 1)[0].rstrip("\r")
    return next(csv.reader([first_line], delimiter=_delimiter(first_line)), [])


def read_user_list(data: bytes) -> list[str]:
    """Usernames one per line (a byte order mark, any line ending and blank lines are fine)."""
    text, _ = decode_report(data) if data else ("", "")
    return sorted({line.strip() for line in text.splitlines() if line.strip()})
