"""The runtime build: our lock entry has the shape of Pyodide's own entries."""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

import _runtime_build  # noqa: E402

VENDORED_LOCK = ROOT / "node_modules" / "pyodide" / "pyodide-lock.json"


def _fake_wheel(tmp_path: Path) -> Path:
    wheel = tmp_path / "kbwidgets-9.8.7-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("kbwidgets/__init__.py", "")
        archive.writestr("kbwidgets-9.8.7.dist-info/METADATA", "Name: kbwidgets\n")
    return wheel


def test_lock_entry_has_exactly_the_fields_of_pyodides_pure_python_entries(tmp_path):
    vendored = json.loads(VENDORED_LOCK.read_text("utf-8"))["packages"]
    reference = vendored["micropip"]  # a pure-Python wheel shipped by Pyodide itself
    entry = _runtime_build.lock_entry(_fake_wheel(tmp_path))
    assert set(entry) == set(reference)
    assert {k: type(v) for k, v in entry.items()} == {k: type(v) for k, v in reference.items()}
    assert entry["version"] == "9.8.7" and entry["imports"] == ["kbwidgets"]
    assert (
        entry["install_dir"] == reference["install_dir"]
        and entry["package_type"] == reference["package_type"]
    )


def test_site_lock_keeps_pyodides_info_block(tmp_path):
    lock = _runtime_build.site_lock(VENDORED_LOCK, _fake_wheel(tmp_path))
    assert lock["info"] == json.loads(VENDORED_LOCK.read_text("utf-8"))["info"]
    assert list(lock["packages"]) == ["kbwidgets"]
