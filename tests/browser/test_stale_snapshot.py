"""A start-up snapshot from an earlier build, still in the browser's HTTP cache, is fetched again
and used, not the reason for a slow normal start at every visit (kbw-worker.mjs,
`chooseSnapshot`: the worker reads a cached copy with "only-if-cached", which takes it however
stale, and checks it against runtime.json's sha256).

A copy of the built site is served by nginx, so that its snapshot can change between visits as
it does on a deploy; the context has no request routing (Playwright's routing turns the HTTP
cache off) and no service worker (whose runtime cache is named per build anyway)."""

from __future__ import annotations

import shutil
from pathlib import Path

import brotli
from playwright.sync_api import Browser, expect

from tools.dev.nginx_server import NginxServer
from tools.dev.site_build import free_port
from widgets import enter_amount, open_widget

PAGE = "tws/memory-allocation/"
WIDGET = '.kbw[data-kbw="memory-units"]'
# What the worker's look into the cache finds (kbw-downloads.mjs, `held`): its size, or 0.
HELD = """fetch('/pyodide/snapshot.bin', {cache: 'only-if-cached', mode: 'same-origin'})
  .then(r => r.arrayBuffer()).then(b => b.byteLength, () => 0)"""


def test_a_snapshot_of_an_earlier_build_in_the_cache_is_fetched_again_and_used(
    browser: Browser, built_site, tmp_path: Path
):
    site = tmp_path / "site"
    shutil.copytree(built_site.root, site)
    snapshot = site / "pyodide" / "snapshot.bin"
    this_build = {path: path.read_bytes() for path in snapshot.parent.glob("snapshot.bin*")}
    # The earlier build's, with its brotli copy (a file this large gets no gzip one): nginx sends
    # that, and the in-memory cache of a fresh context does not keep a response of the
    # uncompressed file's size.
    earlier = b"an earlier build's snapshot " * (len(this_build[snapshot]) // 28)
    snapshot.write_bytes(earlier)
    snapshot.with_name("snapshot.bin.br").write_bytes(brotli.compress(earlier))
    with NginxServer(site, free_port()) as server:
        context = browser.new_context(service_workers="block")
        try:
            page = context.new_page()
            page.add_init_script("window.KBW_START_STRATEGY = 'snapshot'")
            page.goto(server.url + PAGE)
            # The earlier visit: the browser keeps that build's snapshot.
            page.evaluate("fetch('/pyodide/snapshot.bin').then(r => r.arrayBuffer()).then(b => b.byteLength)")
            assert page.evaluate(HELD) == len(earlier), "the browser did not keep the earlier snapshot"
            for path, data in this_build.items():  # the deploy
                path.write_bytes(data)
            page.reload()
            enter_amount(open_widget(page, "memory-units"), "1.5 GB")
            expect(page.locator(f"{WIDGET} .kbw-answer")).to_have_text("1.5 GB = 1536 MB")
            info = page.evaluate("window.kbwRuntimeInfo")
            assert info["snapshot"] is True, info
            assert "cached snapshot stale" in info["phases"], info["phases"]
            assert page.evaluate(HELD) == len(this_build[snapshot]), "the stale copy is still in the cache"
        finally:
            context.close()
