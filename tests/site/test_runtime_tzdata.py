"""The pinned tzdata wheel is part of the site's Pyodide runtime: zone data for zoneinfo, which
Pyodide's core lacks, served from our own host beside kbwidgets and loaded by the pages whose
widgets need it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from kbsite.runtime import build as runtime_build
from kbsite.runtime import pypi_wheels

ROOT = Path(__file__).resolve().parents[2]
VENDORED_LOCK = ROOT / "node_modules" / "pyodide" / "pyodide-lock.json"


def test_tzdata_is_pinned_to_the_version_the_virtualenv_installs():
    (pin,) = [p for p in pypi_wheels.pins() if p.name == "tzdata"]
    assert f"tzdata=={pin.version}" in (ROOT / "requirements.lock").read_text("utf-8").split()


def test_the_built_site_serves_tzdata_with_its_pinned_hash_beside_kbwidgets(built_site):
    runtime = built_site.root / "pyodide"
    lock = json.loads((runtime / "pyodide-lock.json").read_text("utf-8"))
    (pin,) = [p for p in pypi_wheels.pins() if p.name == "tzdata"]
    entry = lock["packages"]["tzdata"]
    assert lock["packages"]["kbwidgets"]["depends"] == []  # loaded per page: Widget.packages
    assert entry["version"] == pin.version and entry["sha256"] == pin.sha256
    assert entry["imports"] == ["tzdata"]
    served = runtime / entry["file_name"]
    assert hashlib.sha256(served.read_bytes()).hexdigest() == pin.sha256


def test_lock_entry_has_the_shape_of_pyodides_pure_python_entries():
    reference = json.loads(VENDORED_LOCK.read_text("utf-8"))["packages"]["micropip"]
    (pin,) = [p for p in pypi_wheels.pins() if p.name == "tzdata"]
    entry = pypi_wheels.lock_entry(pin, pypi_wheels.find_wheel(pin, ROOT / ".cache" / "pyodide-wheels"))
    assert {k: type(v) for k, v in entry.items()} == {k: type(v) for k, v in reference.items()}


def test_a_wheel_whose_bytes_differ_from_the_pin_is_refused(tmp_path):
    (pin,) = [p for p in pypi_wheels.pins() if p.name == "tzdata"]
    (tmp_path / f"tzdata-{pin.version}-py2.py3-none-any.whl").write_bytes(b"not the pinned file")
    try:
        pypi_wheels.find_wheel(pin, tmp_path)
    except FileNotFoundError as error:
        assert "make setup" in str(error)
    else:
        raise AssertionError("a wheel with the wrong hash was accepted")
    assert runtime_build.PACKAGE == "kbwidgets"
