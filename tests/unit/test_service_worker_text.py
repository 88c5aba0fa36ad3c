"""Offline reading's service worker text (kbsite.offline), without a build."""

from __future__ import annotations

import json
import re

from kbsite.offline import Manifest, kill_switch, not_found_folders, service_worker


def _constants(sw: str) -> dict[str, object]:
    return {name: json.loads(value) for name, value in re.findall(r"^const (KB_\w+) = (.*);$", sw, re.M)}


def test_an_uncached_page_gets_the_404_of_the_most_specific_language_folder():
    assert not_found_folders(["", "zh/", "zh-hant/"]) == ["zh-hant/", "zh/", ""]


def test_the_worker_knows_its_files_and_the_runtime_cache_and_nothing_else():
    manifest = Manifest([{"url": "index.html", "revision": "abc"}], 10, [])
    constants = _constants(service_worker(manifest, "kb-runtime-123", ["", "zh/"]))
    assert constants == {
        "KB_WORKBOX": [
            "assets/javascripts/workbox/workbox-core.prod.js",
            "assets/javascripts/workbox/workbox-routing.prod.js",
            "assets/javascripts/workbox/workbox-strategies.prod.js",
            "assets/javascripts/workbox/workbox-precaching.prod.js",
        ],
        "KB_PRECACHE": [{"url": "index.html", "revision": "abc"}],
        "KB_RUNTIME_FOLDER": "pyodide/",
        "KB_RUNTIME_CACHE": "kb-runtime-123",
        "KB_LANGUAGE_FOLDERS": ["zh/", ""],
    }


def test_the_kill_switch_caches_nothing_and_unregisters():
    text = kill_switch()
    assert "unregister()" in text
    assert 'addEventListener("fetch"' not in text and ".put(" not in text
