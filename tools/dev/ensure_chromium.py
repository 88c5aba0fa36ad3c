"""Make sure Debian's Chromium is installed for the real-browser tests.

Playwright's own browser download does not work on our machines, so the tests drive
/usr/bin/chromium. As root we install it with apt-get; otherwise we stop and print the one
command that does it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from tools.dev.chromium import PATH as CHROMIUM

INSTALL = ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]


def main() -> int:
    if os.access(CHROMIUM, os.X_OK):
        return 0
    if os.geteuid() != 0:
        print(f"Chromium is missing at {CHROMIUM}. Install it with:\n\n    sudo {' '.join(INSTALL)}\n")
        return 1
    if shutil.which("apt-get") is None:
        print(f"Chromium is missing at {CHROMIUM} and this machine has no apt-get; install Chromium there.")
        return 1
    print("Installing Debian's Chromium for the browser tests (apt-get)...", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run([*INSTALL, "-qq"], check=True, env=env)
    if not os.access(CHROMIUM, os.X_OK):
        print(f"apt-get finished but {CHROMIUM} is still missing.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
