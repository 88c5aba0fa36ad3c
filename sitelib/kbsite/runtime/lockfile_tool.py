"""The site's Pyodide lock entries written by pyodide-build's `pyodide lockfile add-wheels`.

That is the tool Pyodide's design names for adding wheels to a lock file. It needs Python 3.12+,
so it lives in its own virtualenv (`.tools/pyodide-build/`, made by `make setup` when such a
Python exists: tools/dev/pyodide_build_venv.py). Without it, or if it fails, the build falls
back to our own writer (kbsite.runtime.build.site_lock) and says so; tests/site/
test_pyodide_lockfile.py checks that both give the same entries.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Protocol


class Log(Protocol):
    def info(self, msg: str, *args: object) -> None: ...


TOOL = Path(".tools") / "pyodide-build" / "bin" / "pyodide"


def tool_path(root: Path) -> Path | None:
    tool = root / TOOL
    return tool if tool.exists() else None


def add_wheels(tool: Path, info: dict[str, Any], wheels: list[Path]) -> dict[str, dict[str, Any]]:
    """The lock entries `pyodide lockfile add-wheels` writes for `wheels` (file names bare,
    as the site serves them next to the lock file). RuntimeError if the tool fails."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        copies = [Path(shutil.copy(wheel, folder / wheel.name)) for wheel in wheels]
        (folder / "in.json").write_text(json.dumps({"info": info, "packages": {}}), "utf-8")
        command = [str(tool), "lockfile", "add-wheels", "--input", "in.json", "--output", "out.json"]
        done = subprocess.run(
            [*command, "--base-path", str(folder), *map(str, copies)],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise RuntimeError(f"pyodide lockfile add-wheels failed: {done.stderr.strip()[-400:]}")
        packages: dict[str, dict[str, Any]] = json.loads((folder / "out.json").read_text("utf-8"))["packages"]
        return packages


def tool_entries(root: Path, lock: dict[str, Any], wheels: list[Path], log: Log) -> dict[str, Any]:
    """The lock's packages as pyodide-build writes them, when it is installed; else ours."""
    tool = tool_path(root)
    if tool is None:
        log.info(
            "pyodide-build is not installed (it needs Python 3.12+; make setup installs it where one "
            "exists): the Pyodide lock entries are written by kbsite.runtime.build"
        )
        return dict(lock["packages"])
    try:
        return add_wheels(tool, lock["info"], wheels)
    except (RuntimeError, OSError, subprocess.TimeoutExpired, ValueError) as error:
        log.info("%s; the Pyodide lock entries are written by kbsite.runtime.build instead", error)
        return dict(lock["packages"])
