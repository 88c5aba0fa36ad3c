"""Command line: `python -m kbwidgets <command>`, JSON in on stdin, JSON out on stdout.

    echo '{"situation": "passcode_expired", "passcode_issued_at": "2026-11-20T09:00Z",
           "lang": "zh"}' | python -m kbwidgets access

For support staff, and a contract that checks outside the test suite rely on. Bad input exits
with status 2 and prints {"error": {"code": ..., "message": ...}}, the message in the
requested language; nobody ever sees a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from kbwidgets import LANGUAGES, __version__
from kbwidgets.engine.errors import InputError

COMMANDS: dict[str, tuple[str, str]] = {
    # name: (module:function taking the request dict, one-line help)
    "access": ("kbwidgets.rules.access:advise", "access-recovery advice for a login situation, with dates"),
    "memory": ("kbwidgets.rules.memory:advise", "TWS memory allocation: value, method and steps"),
}
MAX_INPUT = 1_000_000


def _load(target: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    module_name, function = target.split(":")
    module = __import__(module_name, fromlist=[function])
    command: Callable[[dict[str, Any]], dict[str, Any]] = getattr(module, function)
    return command


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kbwidgets",
        description="Help-centre widget logic: one JSON object in on stdin, one JSON object out on stdout.",
        epilog='Errors exit with status 2 and print {"error": {"code", "message"}}.',
    )
    parser.add_argument("--version", action="version", version=f"kbwidgets {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (_, help_text) in COMMANDS.items():
        commands.add_parser(name, help=help_text, description=help_text)
    fixer = commands.add_parser(
        "vmoptions",
        help="correct a tws.vmoptions file read on stdin; the corrected file goes to stdout",
        description="Reads tws.vmoptions on stdin and writes it to stdout with one -Xmx line right below "
        "'### Keep on update'. Every other byte is kept, line endings included.",
    )
    fixer.add_argument("--mb", type=int, required=True, help="the memory allocation in MB, e.g. 1536")
    fixer.add_argument("--lang", choices=LANGUAGES, default="en", help="language of error messages")
    return parser


def run_vmoptions(data: bytes, mb: int, lang: str) -> tuple[int, bytes]:
    """(exit status, bytes for stdout): the corrected file, or a JSON error."""
    from kbwidgets.rules import vmoptions

    try:
        return 0, vmoptions.fix(data, mb).data
    except InputError as error:
        return 2, (json.dumps(error.as_json(lang), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _emit(payload: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def run_json_command(command: str, raw: str) -> tuple[int, dict[str, Any]]:
    """Run one command on raw JSON text; returns (exit status, JSON-able result)."""
    if len(raw) > MAX_INPUT:
        return 2, InputError("bad_request", detail=f"input over {MAX_INPUT} bytes").as_json("en")
    try:
        request = json.loads(raw)
    except json.JSONDecodeError as error:
        return 2, InputError("bad_request", detail=f"not JSON ({error.msg})").as_json("en")
    if not isinstance(request, dict):
        return 2, InputError("bad_request", detail="expected one JSON object").as_json("en")
    lang = request.get("lang", "en")
    if lang not in LANGUAGES:
        return 2, InputError("bad_request", detail=f"lang must be one of {', '.join(LANGUAGES)}").as_json(
            "en"
        )
    try:
        return 0, _load(COMMANDS[command][0])(request)
    except InputError as error:
        return 2, error.as_json(lang)
    except Exception as error:  # never a traceback for a caller; the detail goes to stderr
        print(f"kbwidgets: internal error: {error!r}", file=sys.stderr)
        return 2, InputError("internal").as_json(lang)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if args.command == "vmoptions" and extra:
        parser.error(f"unexpected arguments: {' '.join(extra)}")
    if args.command is None:
        parser.print_help(sys.stdout)
        return 0
    if args.command in COMMANDS:
        if extra:
            parser.error(f"unexpected arguments: {' '.join(extra)}")
        status, payload = run_json_command(args.command, sys.stdin.read())
        _emit(payload)
        return status
    if args.command == "vmoptions":
        data = sys.stdin.buffer.read(MAX_INPUT + 1)
        status, out = run_vmoptions(data, args.mb, args.lang)
        sys.stdout.buffer.write(out)
        return status
    parser.error(f"unknown command {args.command!r}")
    return 2
