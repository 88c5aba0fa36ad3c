"""`make preview-nginx` (tools.dev.nginx_server) stops nginx when it is stopped itself: a
SIGTERM or a SIGINT to the Python process must not leave nginx holding the port."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time

import pytest

from tools.dev import nginx_server
from tools.dev.site_build import ROOT, free_port


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


def _wait(condition, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_stopping_the_preview_stops_nginx(built_site, stop):
    if not nginx_server.available():
        pytest.fail("nginx not found: run `make test`, which installs Debian's nginx")
    port = free_port()
    command = [sys.executable, "-m", "tools.dev.nginx_server", str(built_site.root), "--port", str(port)]
    # SIGINT ignored, as a shell starts a background job
    preview = subprocess.Popen(command, cwd=ROOT, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    try:
        assert _wait(lambda: _answers(port)), "the preview never served"
        preview.send_signal(stop)
        preview.wait(timeout=15)
        assert _wait(lambda: not _answers(port)), "nginx still holds the port after the preview stopped"
    finally:
        if preview.poll() is None:
            preview.kill()
