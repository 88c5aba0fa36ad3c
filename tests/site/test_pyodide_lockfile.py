"""pyodide-build's `pyodide lockfile add-wheels` and our own writer give the same lock entries,
for our wheel and the pinned tzdata wheel: so either may write the site's lock."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from kbsite.runtime import build, lockfile_tool
from kbsite.runtime.pypi_wheels import pinned_wheels

ROOT = Path(__file__).resolve().parents[2]
VENDORED_LOCK = ROOT / "node_modules" / "pyodide" / "pyodide-lock.json"


def _ours(tmp_path: Path) -> tuple[dict, list[Path]]:
    (tmp_path / "cache").mkdir()
    wheel = build.build_wheel(ROOT, tmp_path / "cache", logging.getLogger("test"))
    dependencies = pinned_wheels(ROOT / ".cache" / "pyodide-wheels")
    lock = build.site_lock(VENDORED_LOCK, wheel, {n: e for n, (_, e) in dependencies.items()})
    return lock, [wheel, *(w for w, _ in dependencies.values())]


def test_pyodide_build_and_our_writer_give_the_same_entries(tmp_path):
    tool = lockfile_tool.tool_path(ROOT)
    if tool is None:
        pytest.skip("pyodide-build is not installed here (needs Python 3.12+; `make setup` installs it)")
    lock, wheels = _ours(tmp_path)
    theirs = lockfile_tool.add_wheels(tool, lock["info"], wheels)
    assert set(theirs) == {"kbwidgets", "tzdata"}
    assert theirs == lock["packages"]  # every field, every value (key order aside)


def test_without_the_tool_the_build_writes_the_entries_itself_and_says_so(tmp_path, caplog):
    lock, wheels = _ours(tmp_path)
    with caplog.at_level(logging.INFO):
        entries = lockfile_tool.tool_entries(tmp_path, lock, wheels, logging.getLogger("test"))
    assert entries == lock["packages"] and "pyodide-build is not installed" in caplog.text
    # tzdata is beside kbwidgets, not a dependency: pages load it only for widgets that need it.
    assert json.loads(json.dumps(entries))["kbwidgets"]["depends"] == []
