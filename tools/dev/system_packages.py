"""Make sure the Debian packages the tests drive are installed: Chromium (the browser tests;
Playwright's own browser download does not work on our machines) and nginx with its brotli
module (the browser tests serve the site as deployed), and the Noto CJK fonts (Chinese pages are
checked for the font their Han text is drawn in, and screenshots need the glyphs). As root they
are installed with apt-get; otherwise this stops and prints the one command that does it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tools.dev.chromium import PATH as CHROMIUM

# What must exist, and the Debian package that provides it.
NEEDED = {
    CHROMIUM: "chromium",
    "/usr/sbin/nginx": "nginx-light",
    "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so": "libnginx-mod-http-brotli-static",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc": "fonts-noto-cjk",
}


def missing() -> list[str]:
    return [package for path, package in NEEDED.items() if not Path(path).exists()]


def main() -> int:
    packages = missing()
    if not packages:
        return 0
    install = ["apt-get", "install", "-y", "--no-install-recommends", *packages]
    if os.geteuid() != 0:
        print(
            f"Missing for the tests: {', '.join(packages)}. Install with:\n\n    sudo {' '.join(install)}\n"
        )
        return 1
    if shutil.which("apt-get") is None:
        print(f"Missing for the tests: {', '.join(packages)}, and this machine has no apt-get.")
        return 1
    print(f"Installing Debian's {', '.join(packages)} for the tests (apt-get)...", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run([*install, "-qq"], check=True, env=env)
    still = missing()
    if still:
        print(f"apt-get finished but these are still missing: {', '.join(still)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
