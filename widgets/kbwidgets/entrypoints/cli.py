"""Command line: `python -m kbwidgets <command>`, input on stdin, output on stdout.

    echo '{"situation": "passcode_expired", "passcode_issued_at": "2026-11-20T09:00Z",
           "lang": "zh"}' | python -m kbwidgets access

For support staff, and a contract that scripts rely on, for ANY input: success exits 0; bad
input of any kind (not UTF-8, not JSON, too large, too deep, a wrong field, a wrong argument)
exits 2 and prints {"error": {"code": ..., "message": ...}} as UTF-8 JSON, whatever the
terminal's locale, the message in the requested language: the input's `lang` field when it has
one (even when another field is wrong), else `--lang`, else English. Standard input is read
up to a limit, never whole. Nobody ever sees a traceback.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from kbwidgets import LANGUAGES, __version__, normalize_lang
from kbwidgets.engine.errors import InputError
from kbwidgets.entrypoints.json_input import MAX_INPUT, parse_request, read_limited

JsonCommand = Callable[[dict[str, Any]], dict[str, Any]]
LANG_IN_TEXT = re.compile(r'"lang"\s*:\s*"([A-Za-z-]{1,10})"')


@dataclass(frozen=True)
class RawCommand:
    """A command that reads bytes and writes bytes (a file in, the corrected file out)."""

    help: str
    description: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, bytes, str], bytes]  # raises InputError
    max_input: int = MAX_INPUT


def _json_commands() -> dict[str, tuple[str, str]]:
    # name: (module:function taking the request dict, one-line help)
    return {
        "access": (
            "kbwidgets.rules.access:advise",
            "access-recovery advice for a login situation, with dates",
        ),
        "memory": ("kbwidgets.rules.memory:advise", "TWS memory allocation: value, method and steps"),
    }


def _raw_commands() -> dict[str, RawCommand]:
    from kbwidgets.entrypoints.login_report_cli import LOGIN_REPORT
    from kbwidgets.entrypoints.vmoptions_cli import VMOPTIONS

    return {"vmoptions": VMOPTIONS, "login-report": LOGIN_REPORT}


def _load(target: str) -> JsonCommand:
    module_name, function = target.split(":")
    module = __import__(module_name, fromlist=[function])
    command: JsonCommand = getattr(module, function)
    return command


class ArgumentError(Exception):
    """argparse found the command line wrong; answered as JSON like any other bad input."""

    def __init__(self, detail: str, command: str) -> None:
        super().__init__(detail)
        self.detail, self.command = detail, command


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's would print English usage and exit
        raise ArgumentError(message, self.prog)  # "python -m kbwidgets [command]", for its --help


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m kbwidgets",
        description="Help-centre widget logic: input on stdin, output on stdout.",
        epilog='Errors exit with status 2 and print {"error": {"code", "message"}}.',
    )
    parser.add_argument("--version", action="version", version=f"kbwidgets {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (_, help_text) in _json_commands().items():
        sub = commands.add_parser(name, help=help_text, description=help_text + " (one JSON object on stdin)")
        sub.add_argument("--lang", help="language of error messages when the input has no valid `lang`")
    for name, raw in _raw_commands().items():
        sub = commands.add_parser(name, help=raw.help, description=raw.description)
        sub.add_argument("--lang", help="language of error messages (en or zh)")
        raw.add_arguments(sub)
    return parser


def _lang_from_argv(argv: Sequence[str]) -> str:
    for position, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else None
        if arg == "--lang" and position + 1 < len(argv):
            value = argv[position + 1]
        if normalize_lang(value):
            return str(normalize_lang(value))
    return LANGUAGES[0]


def _error_bytes(error: InputError, lang: str) -> bytes:
    return _json_bytes(error.as_json(lang))


def _json_bytes(payload: dict[str, Any]) -> bytes:
    return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def run_json_command(command: str, data: bytes, fallback_lang: str = "en") -> tuple[int, dict[str, Any]]:
    """Run one JSON command on raw input bytes; returns (exit status, JSON-able result)."""
    lang = fallback_lang
    try:
        request = parse_request(data)
    except InputError as error:
        guessed = LANG_IN_TEXT.search(data[:MAX_INPUT].decode("utf-8", "replace"))
        if guessed and normalize_lang(guessed.group(1)):
            lang = str(normalize_lang(guessed.group(1)))
        return 2, error.as_json(lang)
    wanted = request.get("lang")
    if wanted is not None and normalize_lang(wanted) is None:
        shown = wanted if isinstance(wanted, str) else type(wanted).__name__
        refused = InputError("bad_choice", field="lang", known=", ".join(LANGUAGES), got=shown[:20])
        return 2, refused.as_json(lang)
    lang = normalize_lang(wanted) or lang
    if wanted is not None:
        request["lang"] = lang
    try:
        return 0, _load(_json_commands()[command][0])(request)
    except InputError as error:
        return 2, error.as_json(lang)
    except Exception as error:  # never a traceback for a caller; the detail goes to stderr
        print(f"kbwidgets: internal error: {error!r}", file=sys.stderr)
        return 2, InputError("internal").as_json(lang)


def main(
    argv: Sequence[str] | None = None, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None
) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    source = stdin if stdin is not None else sys.stdin.buffer
    out = stdout if stdout is not None else sys.stdout.buffer
    lang = _lang_from_argv(args_list)
    try:
        args = build_parser().parse_args(args_list)
    except ArgumentError as error:
        detail = InputError("bad_argument", detail=error.detail, command=error.command)
        out.write(_error_bytes(detail, lang))
        return 2
    if args.command is None:
        out.write(build_parser().format_help().encode("utf-8"))
        return 0
    if args.command in _json_commands():
        try:
            data = read_limited(source, MAX_INPUT)
        except InputError as error:
            out.write(_error_bytes(error, lang))
            return 2
        status, payload = run_json_command(args.command, data, lang)
        out.write(_json_bytes(payload))
        return status
    raw = _raw_commands()[args.command]
    try:
        out.write(raw.run(args, read_limited(source, raw.max_input), lang))
        return 0
    except InputError as error:
        out.write(_error_bytes(error, lang))
        return 2
    except Exception as error:
        print(f"kbwidgets: internal error: {error!r}", file=sys.stderr)
        out.write(_error_bytes(InputError("internal"), lang))
        return 2
