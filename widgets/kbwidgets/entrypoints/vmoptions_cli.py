"""`python -m kbwidgets vmoptions --mb 1536 < tws.vmoptions > tws.vmoptions.fixed`.

The corrected file goes to standard output as bytes, in the file's own encoding and line
endings; a refusal is the usual JSON error (exit 2). `--mb` is read by us, not by argparse, so
that "abc" gets a message in the requested language.
"""

from __future__ import annotations

import argparse

from kbwidgets.engine.errors import InputError
from kbwidgets.entrypoints.cli import RawCommand
from kbwidgets.rules import vmoptions


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--mb", required=True, help="the memory allocation in MB, e.g. 1536")


def _run(args: argparse.Namespace, data: bytes, _lang: str) -> bytes:
    text = str(args.mb).strip()
    if not text.isdigit() or len(text) > 8:
        raise InputError("vmoptions.bad_value")
    return vmoptions.fix(data, int(text)).data


VMOPTIONS = RawCommand(
    help="correct a tws.vmoptions file read on stdin; the corrected file goes to stdout",
    description="Reads tws.vmoptions on stdin and writes it to stdout with one -Xmx line right below "
    "'### Keep on update'. Every other byte is kept: encoding, line endings, other lines.",
    add_arguments=_arguments,
    run=_run,
    max_input=vmoptions.READ_LIMIT,
)
