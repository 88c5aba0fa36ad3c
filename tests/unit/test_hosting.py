"""The hosting configuration: one table of headers for every server, and the committed nginx
example in step with the generator."""

from __future__ import annotations

from pathlib import Path

from kbsite.hosting import CACHE_FOREVER, REVALIDATE, SECURITY_HEADERS, cache_control, headers_file
from tools.dev.hosting_config import example

ROOT = Path(__file__).resolve().parents[2]


def test_the_committed_nginx_example_is_what_the_generator_writes():
    assert (ROOT / "hosting" / "nginx.conf").read_text("utf-8") == example(), (
        "run: .venv/bin/python -m tools.dev.hosting_config > hosting/nginx.conf"
    )


def test_only_files_with_a_content_hash_are_cached_for_good():
    assert cache_control("assets/javascripts/bundle.a5f9d56c.min.js") == CACHE_FOREVER
    assert cache_control("assets/stylesheets/main.57a0d79d.min.css") == CACHE_FOREVER
    for path in (
        "",
        "tws/index.html",
        "assets/stylesheets/kb.css",
        "pyodide/snapshot.bin",
        "assets/javascripts/lunr/min/lunr.zh.min.js",
        "sitemap.xml",
    ):
        assert cache_control(path) == REVALIDATE, path


def test_the_headers_file_names_every_header_and_each_hashed_file():
    text = headers_file(
        ["index.html", "assets/javascripts/bundle.a5f9d56c.min.js", "assets/stylesheets/kb.css"]
    )
    for name, value in SECURITY_HEADERS.items():
        assert f"  {name}: {value}\n" in text
    assert "/assets/javascripts/bundle.a5f9d56c.min.js\n  ! Cache-Control\n" in text
    assert "kb.css" not in text
