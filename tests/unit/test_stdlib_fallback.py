"""A standard-library module outside the site's core zip is fetched once and imported, not an
ImportError (kbwidgets.entrypoints.stdlib_fallback; the worker's fetch is a function here)."""

from __future__ import annotations

import importlib
import sys
import zipfile
from pathlib import Path

import pytest

from kbwidgets.entrypoints import stdlib_fallback


@pytest.fixture
def libraries(tmp_path: Path):
    """A core zip with a package `kbpkg` (one submodule) and the whole one with more."""
    core, full = tmp_path / "core.zip", tmp_path / "full.zip"
    members = {"kbpkg/__init__.py": "", "kbpkg/kept.py": "WHERE = 'core'"}
    extra = {"kbpkg/later.py": "WHERE = 'full'", "kbalone.py": "WHERE = 'full'"}
    for path, content in ((core, members), (full, members | extra)):
        with zipfile.ZipFile(path, "w") as archive:
            for name, text in content.items():
                archive.writestr(name, text)
    saved_path, saved_meta = list(sys.path), list(sys.meta_path)
    sys.path.insert(0, str(core))
    importlib.invalidate_caches()
    yield str(core), str(full)
    sys.path[:], sys.meta_path[:] = saved_path, saved_meta
    for name in [n for n in sys.modules if n.startswith(("kbpkg", "kbalone"))]:
        del sys.modules[name]
    importlib.invalidate_caches()


def test_a_module_outside_the_core_is_fetched_once_and_imported(libraries):
    core, full = libraries
    fetches: list[str] = []
    stdlib_fallback.install(["kbpkg.later", "kbalone"], lambda _name: fetches.append(full) or full, core=core)
    assert importlib.import_module("kbpkg.kept").WHERE == "core"
    assert fetches == []  # the core had it
    assert importlib.import_module("kbpkg.later").WHERE == "full"  # a package from the core
    assert importlib.import_module("kbalone").WHERE == "full"
    assert fetches == [full]


def test_a_name_the_whole_library_lacks_fetches_nothing(libraries):
    core, full = libraries
    fetches: list[str] = []
    stdlib_fallback.install(["kbalone"], lambda _name: fetches.append(full) or full, core=core)
    with pytest.raises(ImportError):
        importlib.import_module("kbpkg.optional_speedup")
    assert fetches == []


def test_a_failed_fetch_is_an_import_error_and_is_not_repeated(libraries):
    core, _ = libraries
    fetches: list[None] = []
    stdlib_fallback.install(["kbalone"], lambda _name: fetches.append(None), core=core)
    for _ in range(2):
        with pytest.raises(ImportError):
            importlib.import_module("kbalone")
    assert fetches == [None]
