"""A standard-library module the site's cut-down library lacks, fetched once when imported.

The site ships Pyodide's standard library in two zips (kbsite/runtime/stdlib.py): the core that
every start downloads (the members the widgets were seen to import at build time) and the whole
library beside it. A module outside the core, which a code path nobody traced may import, is
then not an ImportError for the reader: this finder, last on `sys.meta_path`, asks the worker
once for the whole library (`fetch`: a synchronous download into the file system, returning its
path, or None) and finds the module there. Names the whole library does not have (optional
imports that are meant to fail) never cause a download.

Pure Python: the download is the caller's (kbw-worker.mjs), so this runs under pytest as well.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType


class FullLibraryFinder:
    def __init__(self, core: str, rest: Iterable[str], fetch: Callable[[str], str | None]) -> None:
        self.core = core
        self.rest = frozenset(rest)
        self.fetch = fetch
        self.full: str | None = None
        self.failed = False

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name not in self.rest or self.failed:
            return None
        if self.full is None:
            self.full = self.fetch(name)
            if not self.full:
                self.failed = True  # asked once: the reader's widget reports the ImportError
                return None
            sys.path.append(self.full)
            importlib.invalidate_caches()
        # A package from the core looks for its submodules in the core only: look in the same
        # package of the whole library too.
        search = None if path is None else [entry.replace(self.core, self.full, 1) for entry in path]
        return importlib.machinery.PathFinder.find_spec(name, search, target)


def install(
    rest: Iterable[str], fetch: Callable[[str], str | None], core: str | None = None
) -> FullLibraryFinder:
    """Put the finder last on sys.meta_path (replacing an earlier one); `core` is the standard
    library's zip on sys.path, by default the one `os` came from."""
    finder = FullLibraryFinder(core or os.path.dirname(os.__file__), rest, fetch)
    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, FullLibraryFinder)] + [finder]
    return finder
