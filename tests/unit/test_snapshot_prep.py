"""Before the snapshot is taken, every module of the standard library's core is imported and the
zip's directory forgotten (kbwidgets.entrypoints.snapshot_prep): a start from the snapshot then
runs with an empty zip in the core's place (kbw-worker.mjs), as these tests do."""

from __future__ import annotations

import importlib
import sys
import zipfile
from pathlib import Path

import pytest

from kbwidgets.entrypoints import snapshot_prep

EMPTY_ZIP = b"PK\x05\x06" + bytes(18)  # what the worker hands Python


@pytest.fixture
def library(tmp_path: Path):
    def make(members: dict[str, str]) -> str:
        path = tmp_path / "lib.zip"
        with zipfile.ZipFile(path, "w") as archive:
            for name, text in members.items():
                archive.writestr(name, text)
        sys.path.insert(0, str(path))
        importlib.invalidate_caches()
        return str(path)

    saved = list(sys.path)
    yield make
    sys.path[:] = saved
    for name in [n for n in sys.modules if n.startswith("kbsnap")]:
        del sys.modules[name]
    importlib.invalidate_caches()


def test_every_module_is_imported_and_then_runs_without_the_zip(library):
    archive = library(
        {
            "kbsnap/__init__.py": "",
            "kbsnap/inner.py": "WHERE = 'zip'",
            "kbsnap/__main__.py": "raise SystemExit('a script must not run')",
            "kbsnap_alone.py": "import kbsnap.inner\nVALUE = kbsnap.inner.WHERE * 2",
            "kbsnap/data.txt": "not a module",
        }
    )
    assert snapshot_prep.settle(archive) == ["kbsnap", "kbsnap.inner", "kbsnap_alone"]
    Path(archive).write_bytes(EMPTY_ZIP)
    assert importlib.import_module("kbsnap_alone").VALUE == "zipzip"  # from sys.modules
    # A module nobody imported before the snapshot is not found, cleanly, so that the fallback
    # finder gets its turn: not read at its old offset in a zip that no longer holds it.
    for name in ("kbsnap_alone", "kbsnap.inner"):  # on sys.path, and in a package's __path__
        del sys.modules[name]
        with pytest.raises(ModuleNotFoundError):
            importlib.import_module(name)


def test_a_module_that_fails_to_import_stops_the_snapshot_and_is_named(library):
    archive = library({"kbsnap_ok.py": "", "kbsnap_broken.py": "raise ValueError('no tzdata here')"})
    with pytest.raises(RuntimeError, match=r"kbsnap_broken .*no tzdata here"):
        snapshot_prep.settle(archive)


@pytest.mark.parametrize(
    ("member", "module"),
    [
        ("email/mime/text.py", "email.mime.text"),
        ("json/__init__.py", "json"),
        ("json/", None),
        ("lib2to3/Grammar.txt", None),
        ("site-packages/x.py", None),  # not an identifier: not importable by that name
    ],
)
def test_zip_members_are_named_as_python_imports_them(member: str, module: str | None):
    assert snapshot_prep.module_name(member) == module
