"""The last steps before the build takes the start-up snapshot (kbsite/runtime/make_snapshot.mjs).

A start from the snapshot then needs no standard library at all: every module of the site's
core zip (the members the widgets were seen to import, kbsite/runtime/stdlib.py) is imported
here, so the restored interpreter finds each in `sys.modules`, and the worker hands Python an
empty zip in the core's place instead of downloading 0.64 MB (kbw-worker.mjs). What the zip's
directory told the import system is forgotten, so that a module nobody foresaw is looked for
afresh (in the empty zip, then by kbwidgets.entrypoints.stdlib_fallback in the whole library),
never read at an offset into a file that is not there.

Pure Python on the standard library, so pytest runs it on a zip of its own.
"""

from __future__ import annotations

import gc
import importlib
import sys
import zipfile
import zipimport


def module_name(member: str) -> str | None:
    """The module a zip member holds (`email/mime/text.py` -> `email.mime.text`, a package's
    `__init__.py` -> the package), or None for anything else."""
    if not member.endswith(".py"):
        return None
    parts = member[: -len(".py")].split("/")
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts) if parts and all(part.isidentifier() for part in parts) else None


def import_archive(archive: str) -> list[str]:
    """Import every module the zip `archive` (on sys.path) holds that is not imported yet; return
    their names. A module that fails to import stops the snapshot: it would fail a reader too."""
    with zipfile.ZipFile(archive) as library:
        names = sorted({name for member in library.namelist() if (name := module_name(member))})
    added = []
    for name in names:
        if name in sys.modules or name.rpartition(".")[2] == "__main__":  # a script, not a module
            continue
        try:
            importlib.import_module(name)
        except Exception as error:
            raise RuntimeError(f"{name} (from {archive}) does not import: {error!r}") from error
        added.append(name)
    return added


def forget_archive(archive: str) -> None:
    """Drop the import system's cached directory of `archive` and its importers, the archive's
    own and each package's inside it (`archive/email`): the next lookup reads whatever file is at
    that path then. Not followed by importlib.invalidate_caches(), which would have any importer
    still held read the directory again and cache it once more."""
    zipimport._zip_directory_cache.pop(archive, None)  # type: ignore[attr-defined]
    for entry in [e for e in sys.path_importer_cache if e == archive or e.startswith(archive + "/")]:
        del sys.path_importer_cache[entry]


def settle(archive: str) -> list[str]:
    """Import all of `archive`, forget its directory and collect garbage; return what was added."""
    added = import_archive(archive)
    forget_archive(archive)
    gc.collect()
    return added
