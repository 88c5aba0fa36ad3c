"""The runtime build: our lock entry has the shape of Pyodide's own entries."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

from kbsite.runtime import build as _runtime_build

ROOT = Path(__file__).resolve().parents[2]

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


def test_old_builds_are_pruned_but_the_newest_few_kept(tmp_path):
    for age in range(5):  # 0 is the newest
        snapshot = tmp_path / f"snapshot-{age}.bin"
        snapshot.write_bytes(b"x")
        snapshot.with_suffix(".json").write_text("{}", "utf-8")
        wheel_dir = tmp_path / f"wheel-{age}"
        wheel_dir.mkdir()
        (wheel_dir / "kbwidgets-0.1.0-py3-none-any.whl").write_bytes(b"x")
        for path in (snapshot, wheel_dir):
            os.utime(path, (1_000_000 - age, 1_000_000 - age))
    _runtime_build.prune(tmp_path, keep=3)
    kept = {f"snapshot-{age}{suffix}" for age in range(3) for suffix in (".bin", ".json")}
    assert {p.name for p in tmp_path.iterdir()} == kept | {f"wheel-{age}" for age in range(3)}
