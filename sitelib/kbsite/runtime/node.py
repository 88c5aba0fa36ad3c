"""The build's Node scripts (make_snapshot.mjs, trace_stdlib.mjs, both through node_pyodide.mjs),
run with the environment Python gets in the reader's browser.

`PYTHON_ENV` is the one place that environment is set: the scripts receive it (KB_PYTHON_ENV),
runtime.json carries it, and the worker starts Python with it (kbw-worker.mjs). A snapshot made
under one environment and a normal start under another would behave differently.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

# Docstrings and asserts compiled away (python -OO): the snapshot holds every imported function,
# and without their docstrings it is 0.23 MB smaller as brotli. Our code asserts only what mypy
# is told (tests run it both ways: tests/unit/test_optimized_python.py).
PYTHON_ENV = {"PYTHONOPTIMIZE": "2"}
SCRIPTS = Path(__file__).resolve().parent
SHARED = SCRIPTS / "node_pyodide.mjs"  # part of every script's inputs (cache keys)


def environment_key() -> str:
    """PYTHON_ENV as text, for the cache keys of what the scripts make."""
    return json.dumps(PYTHON_ENV, sort_keys=True)


def available() -> bool:
    """Whether Node is on PATH (checked before the scripts' inputs are copied for them)."""
    return shutil.which("node") is not None


def run_script(script: Path, args: list[str], timeout: int = 300) -> subprocess.CompletedProcess[str]:
    """`node script args...` with PYTHON_ENV handed over (Node must be `available()`)."""
    env = {**os.environ, "KB_PYTHON_ENV": environment_key()}
    return subprocess.run(
        ["node", str(script), *args], capture_output=True, text=True, timeout=timeout, env=env
    )
