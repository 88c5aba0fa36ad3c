"""`python -m kbwidgets login-report [--tz ZONE] [--source-tz America/New_York|fixed-5]
[--users FILE] [--lang en|zh] [--off-hours 22-6] [--columns user=NAME,app=NAME,time=NAME]
< report.csv`: the analysis as JSON on standard output.

Every option is read by us, not by argparse, so a wrong value gets a message in `--lang`
that names it (argparse would answer in English). The keys of the output and their rules are
the contract in kbwidgets.rules.login_analysis.Analysis.as_json.
"""

from __future__ import annotations

import argparse
import json

from kbwidgets.engine.errors import InputError
from kbwidgets.entrypoints.cli import RawCommand
from kbwidgets.rules import login_file, login_times
from kbwidgets.rules.login_analysis import OFF_HOURS, analyse, parse_off_hours

USERS_LIMIT = 8 * 1024 * 1024  # bytes of the --users file: a client list, not a database


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tz", default=login_times.NEW_YORK, help="zone of the results (IANA name)")
    parser.add_argument(
        "--source-tz",
        default=login_times.NEW_YORK,
        help="how the report's times are read: America/New_York (wall clock, default) or fixed-5",
    )
    parser.add_argument("--users", help="a file of usernames, one per line, to find clients with no login")
    parser.add_argument(
        "--off-hours", default=f"{OFF_HOURS[0]}-{OFF_HOURS[1]}", help="business hours end-start, e.g. 22-6"
    )
    parser.add_argument("--columns", default="", help="user=NAME,app=NAME,time=NAME (header names)")


def _read_users(path: str) -> list[str]:
    try:
        with open(path, "rb") as file:
            data = file.read(USERS_LIMIT + 1)
    except OSError:
        raise InputError("login.users_unreadable", path=path[:120]) from None
    if len(data) > USERS_LIMIT:
        raise InputError("login.users_too_large", limit_mb=USERS_LIMIT // (1024 * 1024))
    return login_file.read_user_list(data)


def _run(args: argparse.Namespace, data: bytes, lang: str) -> bytes:
    try:
        zone = login_times.zone(args.tz)
    except LookupError:
        raise InputError("login.unknown_zone", zone=str(args.tz)[:60]) from None
    try:
        source = login_times.SourceZone(args.source_tz)
    except LookupError:
        raise InputError(
            "login.unknown_source", zone=str(args.source_tz)[:60], known=", ".join(login_times.SOURCE_ZONES)
        ) from None
    off_hours = parse_off_hours(args.off_hours)
    overrides = login_file.parse_overrides(args.columns)
    clients = _read_users(args.users) if args.users else []
    report = login_file.read_report(data, source, overrides)
    result = analyse(report, zone, clients, off_hours).as_json(lang)
    return (json.dumps(result, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


LOGIN_REPORT = RawCommand(
    help="analyse a login report (CSV or tab-separated) read on stdin; JSON on stdout",
    description="Reads an IBKR login report on stdin and prints, as JSON: rows, skipped rows, the "
    "period, logins per application type and per user, clients of --users with no login, "
    "logins outside business hours and times that New York's clocks skip or repeat.",
    add_arguments=_arguments,
    run=_run,
    max_input=login_file.BYTE_LIMIT,
)
