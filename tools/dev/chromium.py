"""The one Chromium every browser test, benchmark and audit drives, and how it is started.

Debian's Chromium (Playwright's own browser download does not work on our machines), started
the way this closed network needs: without background networking, component updates, sync or
QUIC, Chromium tries to reach Google's hosts at every start and logs refused connections.
"""

from __future__ import annotations

import os

PATH = os.environ.get("KB_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
