"""Pyodide's standard library as the site ships it (kbsite.runtime.build).

Pyodide's python_stdlib.zip is deflated member by member (2.5 MB); the site ships it stored
(kbsite.runtime.zips: 9.7 MB, the same members, 1.6 MB as the server's brotli copy).

It is also cut in two (`split_stdlib`): a start downloads only the members the widgets were
seen to import (3.3 of 9.7 MB), and the whole library stays beside it for a module nobody
foresaw, which the worker then fetches once (kbwidgets.entrypoints.stdlib_fallback): that one
is Pyodide's deflated zip as it comes (kbsite.runtime.build), being rarely fetched. A start
from the snapshot downloads neither: the snapshot has imported all of the core
(kbwidgets.entrypoints.snapshot_prep).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from kbsite.runtime import node
from kbsite.runtime.zips import repack_stored
from kbwidgets.entrypoints.snapshot_prep import module_name


class Log(Protocol):
    """Where progress goes: a logging.Logger, or mkdocs' plugin logger."""

    def info(self, msg: str, *args: object) -> None: ...


def stored_stdlib(source: Path, cache: Path) -> Path:
    """Pyodide's standard library zip with the same members, stored instead of deflated (cached
    by the source's hash): brotli then compresses it to two thirds of the deflated zip's size."""
    target = cache / f"python_stdlib-{hashlib.sha256(source.read_bytes()).hexdigest()[:16]}.zip"
    if target.is_file():
        target.touch()
        return target
    return repack_stored(source, target)


@dataclass(frozen=True)
class SplitStdlib:
    core: Path  # what every start downloads: the members the widgets were seen to import
    full: Path  # all of it, fetched only when a module outside the core is imported
    rest: list[str]  # module names in `full` only, for the worker's fallback finder


def split_stdlib(full: Path, wheels: list[Path], runtime_dir: Path, cache: Path, log: Log) -> SplitStdlib:
    """The stored standard library cut to what the widgets import (traced by running them in
    Node: trace_stdlib.mjs), cached by its inputs. Without Node, or when the trace fails, the
    core is the whole library and nothing is left to fetch later."""
    script = node.SCRIPTS / "trace_stdlib.mjs"
    key = hashlib.sha256((full.name + node.environment_key()).encode())  # full.name has its hash
    for path in (script, node.SHARED, *wheels):
        key.update(hashlib.sha256(path.read_bytes()).digest())
    target = cache / f"python_stdlib_core-{key.hexdigest()[:16]}.zip"
    with zipfile.ZipFile(full) as library:
        names = library.namelist()
        if not target.is_file():
            traced = _trace(script, full, wheels, runtime_dir, cache, log)
            if traced is None:
                return SplitStdlib(full, full, [])
            _write_core(library, traced, target)
        target.touch()
    with zipfile.ZipFile(target) as core:
        kept = set(core.namelist())
    rest = sorted({name for member in names if member not in kept and (name := module_name(member))})
    return SplitStdlib(target, full, rest)


def _write_core(library: zipfile.ZipFile, traced: set[str], target: Path) -> None:
    """The traced members, and every folder entry on their way (zipimport finds a package by
    them), stored as in the full library."""
    folders = {
        "/".join(member.split("/")[:depth]) + "/"
        for member in traced
        for depth in range(1, member.count("/") + 1)
    }
    temporary = target.with_suffix(".tmp")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_STORED) as out:
        for info in library.infolist():
            if info.filename in traced or info.filename in folders:
                out.writestr(info, library.read(info), zipfile.ZIP_STORED)
    temporary.replace(target)


def _trace(
    script: Path, full: Path, wheels: list[Path], runtime_dir: Path, cache: Path, log: Log
) -> set[str] | None:
    if not node.available():
        log.info("no node on PATH: the widgets' start downloads the whole standard library")
        return None
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json"):
            shutil.copy2(runtime_dir / name, Path(tmp) / name)
        shutil.copy2(full, Path(tmp) / "python_stdlib.zip")
        proc = node.run_script(script, [tmp, *map(str, wheels)])
    if proc.returncode != 0:
        log.info(
            "tracing the standard library failed; the start downloads all of it:\n%s", proc.stderr[-2000:]
        )
        return None
    return set(json.loads(proc.stdout.strip().splitlines()[-1])["files"])
