"""Debian's nginx serving a built site on 127.0.0.1, configured exactly as deployed
(kbsite.nginx), for the browser tests and for `make preview-nginx`.

The configuration is written to a temporary folder with its own pid and temporary paths, so it
runs beside anything else; as root it says `user root;`, because nginx's default user could not
read the test's private temporary folders.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

from kbsite.nginx import server_block, standalone_config

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")  # Debian's package


def available() -> bool:
    return os.access(NGINX, os.X_OK)


def language_folders(root: Path) -> list[str]:
    """The languages' folders of a built site: "" and each folder with its own 404 page."""
    return ["", *sorted(f"{path.parent.name}/" for path in root.glob("*/404.html"))]


class NginxServer:
    """nginx serving `root` on 127.0.0.1:`port`; use as a context manager."""

    def __init__(self, root: Path, port: int, folders: list[str] | None = None) -> None:
        self.root, self.port = root, port
        self.folders = folders if folders is not None else language_folders(root)
        self._tmp = tempfile.TemporaryDirectory(prefix="kb-nginx-")
        self.prefix = Path(self._tmp.name)
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def config(self) -> str:
        server = server_block(
            str(self.root.resolve()), f"127.0.0.1:{self.port}", self.folders, BROTLI_MODULE.exists()
        )
        modules = [str(BROTLI_MODULE)] if BROTLI_MODULE.exists() else []
        return standalone_config(server, str(self.prefix), os.geteuid() == 0, modules)

    def __enter__(self) -> NginxServer:
        conf = self.prefix / "nginx.conf"
        conf.write_text(self.config(), encoding="utf-8")
        test = subprocess.run(
            [NGINX, "-t", "-q", "-c", str(conf), "-p", str(self.prefix)], capture_output=True, text=True
        )
        if test.returncode != 0:
            raise RuntimeError(f"nginx refused the configuration:\n{test.stderr}")
        self.process = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(self.prefix)])
        try:
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                try:
                    with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                        return self
                except OSError:
                    time.sleep(0.05)
            raise RuntimeError(f"nginx did not start on port {self.port}: {self.errors()}")
        except BaseException:
            # also a stop (SIGTERM, Ctrl+C) that arrives while nginx starts: `with` never
            # entered, so its __exit__ would not run and nginx would keep the port
            self.__exit__(None, None, None)
            raise

    def errors(self) -> str:
        log = self.prefix / "error.log"
        return log.read_text("utf-8", "replace") if log.is_file() else ""

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self._tmp.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve a built site with nginx, as deployed")
    parser.add_argument("root", type=Path)
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    # Stop nginx with us however we are stopped: a plain SIGTERM (kill, a supervisor) would end
    # Python without leaving the `with` block, and a shell starts background jobs with SIGINT
    # ignored; both left nginx running, holding the port.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, signal.default_int_handler)
    with NginxServer(args.root, args.port) as server:
        print(f"nginx serves {args.root} at {server.url} (Ctrl+C to stop)", flush=True)
        try:
            assert server.process is not None
            server.process.wait()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
