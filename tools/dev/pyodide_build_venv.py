"""`make setup`: pyodide-build in its own virtualenv, `.tools/pyodide-build/`, when it can be.

pyodide-build 0.39 needs Python 3.12 or newer; this machine's `python3` may be older, so the
tool gets its own interpreter: the first of `python3.13`, `python3.12` on PATH or a 3.12+
under pyenv. Its exact versions are tools/pyodide-build/requirements.lock. Where there is no
such Python, this says so and stops without failing: the build then writes the lock entries
itself (kbsite.runtime.lockfile_tool), with a message.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".tools" / "pyodide-build"
LOCK = ROOT / "tools" / "pyodide-build" / "requirements.lock"


def _version(python: str) -> tuple[int, int] | None:
    try:
        out = subprocess.run(
            [python, "-c", "import sys; print(*sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=20,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    parts = out.stdout.split()
    return (int(parts[0]), int(parts[1])) if out.returncode == 0 and len(parts) == 2 else None


def find_python() -> str | None:
    """A Python 3.12+ interpreter, or None."""
    pyenv_root = os.environ.get("PYENV_ROOT", str(Path.home() / ".pyenv"))
    candidates = [shutil.which(name) for name in ("python3.13", "python3.12")]
    candidates += sorted(glob.glob(f"{pyenv_root}/versions/3.1[2-9]*/bin/python"), reverse=True)
    for python in filter(None, candidates):
        version = _version(python)
        if version and version >= (3, 12):
            return python
    return None


def main() -> int:
    python = find_python()
    if python is None:
        print(
            "pyodide-build needs Python 3.12 or newer and none was found (PATH, pyenv): the build "
            "will write the site's Pyodide lock entries itself, which gives the same entries."
        )
        return 0
    if not (VENV / "bin" / "python").exists():
        subprocess.run([python, "-m", "venv", str(VENV)], check=True)
    pip = [str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "-r", str(LOCK)], check=True)
    (VENV / ".installed").touch()
    return 0


if __name__ == "__main__":
    sys.exit(main())
