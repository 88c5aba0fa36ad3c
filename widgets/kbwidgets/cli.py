"""Command line: `python -m kbwidgets <command>`, JSON in on stdin, JSON out on stdout.

Errors exit with status 2 and print {"error": {"code": ..., "message": ...}} with the message in
the requested language; a reader or a support agent never sees a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from kbwidgets import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kbwidgets",
        description="Help-centre widget logic, JSON in on stdin and JSON out on stdout.",
    )
    parser.add_argument("--version", action="version", version=f"kbwidgets {__version__}")
    parser.add_subparsers(dest="command", metavar="COMMAND")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stdout)
        return 0
    return 0
