"""Pinned pure-Python wheels from PyPI that run beside kbwidgets in the reader's browser.

They are listed, with their sha256, in `pyodide-packages.txt` beside this file. `make setup`
downloads them with pip into `.cache/pyodide-wheels/` (so `make build` stays offline); the build
checks each file's hash, copies it into the site's runtime folder and gives it an entry in the
site's `pyodide-lock.json`. kbwidgets does not depend on them in the browser: a page loads one
(`pyodide.loadPackage`, from our own host) only when one of its widgets names it in
`Widget.packages`, so pages without such a widget never fetch it.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PINS_FILE = Path(__file__).resolve().with_name("pyodide-packages.txt")
PIN = re.compile(r"^(?P<name>[A-Za-z0-9_.-]+)==(?P<version>\S+)\s+--hash=sha256:(?P<sha256>[0-9a-f]{64})$")


@dataclass(frozen=True)
class PinnedWheel:
    name: str
    version: str
    sha256: str


def pins(text: str | None = None) -> list[PinnedWheel]:
    """The pinned wheels: one `name==version --hash=sha256:...` a line, `#` comments."""
    found = []
    for number, line in enumerate((PINS_FILE.read_text("utf-8") if text is None else text).splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = PIN.match(line)
        if not match:
            raise ValueError(f"{PINS_FILE.name}:{number}: write `name==version --hash=sha256:HEX`")
        found.append(PinnedWheel(**match.groupdict()))
    return found


def download(cache: Path) -> None:
    """What `make setup` runs: pip fetches exactly the pinned files (hashes required)."""
    cache.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--disable-pip-version-check",
            "--no-deps",
            "--only-binary=:all:",
            "--require-hashes",
            "--dest",
            str(cache),
            "-r",
            str(PINS_FILE),
        ],
        check=True,
    )


def find_wheel(pin: PinnedWheel, cache: Path) -> Path:
    """The downloaded wheel of `pin`, checked against its hash."""
    for wheel in sorted(cache.glob(f"{pin.name.replace('-', '_')}-{pin.version}-*.whl")):
        if hashlib.sha256(wheel.read_bytes()).hexdigest() == pin.sha256:
            return wheel
    raise FileNotFoundError(
        f"{pin.name} {pin.version} (for the widgets in the browser) is not in {cache} with the "
        f"pinned hash; run `make setup`, which downloads it once"
    )


def lock_entry(pin: PinnedWheel, wheel: Path) -> dict[str, Any]:
    """Its pyodide-lock.json entry, in the form of the pure-Python entries of Pyodide's own lock."""
    with zipfile.ZipFile(wheel) as archive:
        top_level = sorted(
            {name.split("/")[0] for name in archive.namelist() if ".dist-info" not in name.split("/")[0]}
        )
    return {
        "name": pin.name,
        "version": pin.version,
        "file_name": wheel.name,
        "install_dir": "site",
        "sha256": pin.sha256,
        "package_type": "package",
        "imports": top_level,
        "depends": [],
        "unvendored_tests": False,
        "tool": {},
    }


def pinned_wheels(cache: Path) -> dict[str, tuple[Path, dict[str, Any]]]:
    """name -> (wheel file, lock entry) for every pinned wheel."""
    result = {}
    for pin in pins():
        wheel = find_wheel(pin, cache)
        result[pin.name] = (wheel, lock_entry(pin, wheel))
    return result


if __name__ == "__main__":  # python -m kbsite.runtime.pypi_wheels CACHE_DIR
    download(Path(sys.argv[1]))
