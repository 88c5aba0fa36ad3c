"""`make audit` runs end to end: Lighthouse on one served page, a table of scores printed.

The scores are not asserted (they are a benchmark that moves with the machine's load); what a
maintainer would notice is the report failing to run or to print its table.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tools.dev.site_build import ROOT
from tools.reports.audit import LIGHTHOUSE


def test_the_audit_prints_four_scores_for_a_page(built_site, site_url: str):
    if not LIGHTHOUSE.is_file():
        pytest.skip("Lighthouse is installed by `make audit` (tools/reports/audit/)")
    done = subprocess.run(
        [sys.executable, "-m", "tools.reports.audit", "--runs", "1", "--pages", "home", "--languages", "en",
         "--site", f"after={built_site.root}@{site_url}"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^en home\s+(\d{1,3}\s+){4}\s*after \[\d{1,3}\]$", done.stdout, re.M), done.stdout
    assert "load at start:" in done.stdout and "FCP " in done.stdout
