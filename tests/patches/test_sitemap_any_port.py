"""sitemap_any_port: the installed Material's bundle has exactly the code it corrects."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.patches.sitemap_any_port import UnknownBundle, rebase_whole_host

MATERIAL = Path(__import__("material").__file__).parent / "templates" / "assets" / "javascripts"


def test_the_installed_bundle_is_corrected_once_and_stays_corrected():
    (bundle,) = MATERIAL.glob("bundle.*.min.js")
    original = bundle.read_text("utf-8")
    fixed = rebase_whole_host(original)
    assert fixed != original and ".host=" in fixed
    assert len(fixed) == len(original) - 8  # "hostname" -> "host", twice
    assert rebase_whole_host(fixed) == fixed


def test_code_it_does_not_know_stops_the_build():
    with pytest.raises(UnknownBundle):
        rebase_whole_host("function f(e,t){return e.href=t.href,e}")
