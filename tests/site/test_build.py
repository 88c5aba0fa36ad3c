"""The build itself: strict, silent, and loading nothing from another origin."""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

WARNING = re.compile(r"^(WARNING|ERROR)\b", re.M)


def test_strict_build_prints_no_warning(built_site):
    assert not WARNING.findall(built_site.log), built_site.log


def test_build_reports_no_missing_anchor(built_site):
    # mkdocs reports these at INFO level, so the strict build passes with them; a writer reading
    # the log should see only anchors that are really missing (the memory article links to its
    # content tabs, which exist).
    assert "anchor" not in built_site.log, built_site.log


def test_both_languages_are_built(built_site):
    assert (built_site.root / "index.html").is_file()
    assert (built_site.root / "zh" / "index.html").is_file()
    assert 'lang="zh"' in (built_site.root / "zh" / "index.html").read_text(encoding="utf-8")


class ResourceRefs(HTMLParser):
    """Collect every URL an HTML page would load by itself (not plain <a href> links)."""

    LOADING = {
        "script": "src",
        "img": "src",
        "source": "src",
        "video": "src",
        "audio": "src",
        "iframe": "src",
        "embed": "src",
        "object": "data",
    }

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag in self.LOADING and attr.get(self.LOADING[tag]):
            self.refs.append(attr[self.LOADING[tag]])
        if tag == "link" and attr.get("href"):
            rel = (attr.get("rel") or "").lower().split()
            if not {"canonical", "alternate"} & set(rel):
                self.refs.append(attr["href"])
        for name in ("srcset", "imagesrcset"):
            if attr.get(name):
                self.refs += [part.strip().split(" ")[0] for part in attr[name].split(",")]
        if attr.get("style"):
            self.refs += CSS_URL.findall(attr["style"])


CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
JS_ABSOLUTE = re.compile(r"""(?:import\s*\(|from\s+|fetch\s*\(|importScripts\s*\()\s*['"`]((?:https?:)?//[^'"`]+)""")


def _is_other_origin(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme in ("http", "https")


def _offenders(root: Path) -> list[str]:
    bad = []
    for path in root.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(root).as_posix()
        if path.suffix == ".html":
            parser = ResourceRefs()
            parser.feed(path.read_text(encoding="utf-8"))
            bad += [f"{rel}: {ref}" for ref in parser.refs if _is_other_origin(ref)]
        elif path.suffix == ".css":
            bad += [f"{rel}: {u}" for u in CSS_URL.findall(path.read_text(encoding="utf-8")) if _is_other_origin(u)]
        if path.suffix in (".js", ".mjs", ".html"):
            bad += [f"{rel}: {u}" for u in JS_ABSOLUTE.findall(path.read_text(encoding="utf-8", errors="replace"))]
    return bad


def test_no_resource_from_another_origin(built_site):
    assert _offenders(built_site.root) == []


def test_the_checker_catches_a_cdn_script(tmp_path):
    (tmp_path / "index.html").write_text(
        '<script src="https://cdn.example.com/x.js"></script><link rel="stylesheet" href="//fonts.example/x.css">'
        '<a href="https://example.com/">fine</a><link rel="canonical" href="https://example.com/">',
        encoding="utf-8",
    )
    (tmp_path / "a.css").write_text("body{background:url(https://img.example/x.png)}", encoding="utf-8")
    assert len(_offenders(tmp_path)) == 3


def test_the_startup_snapshot_was_made_from_the_wheel_the_site_ships(built_site):
    # The snapshot holds our imported widget code: one from other code would answer differently.
    runtime = built_site.root / "pyodide"
    manifest = json.loads((runtime / "runtime.json").read_text("utf-8"))
    wheel = runtime / manifest["package"]["file"]
    assert manifest["package"]["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert manifest["snapshot"], "Node is part of the setup, so the build makes a snapshot"
    assert manifest["snapshot"]["package_sha256"] == manifest["package"]["sha256"]
    assert (runtime / manifest["snapshot"]["file"]).is_file()


def test_no_stylesheet_draws_an_icon_from_a_data_url(built_site):
    # The strict policy says img-src 'self': a `data:` icon left in any stylesheet is blocked
    # (and logged) the moment a page uses it, whatever stylesheet tries to override it later.
    sheets = sorted((built_site.root / "assets" / "stylesheets").glob("*.css"))
    assert sheets
    for sheet in sheets:
        assert "url(\"data:" not in sheet.read_text("utf-8"), sheet.name
    icons = built_site.root / "assets" / "images" / "md-icons"
    assert (icons / "details-icon.svg").read_text("utf-8").startswith("<svg")


def test_offline_reading_precaches_every_page_but_not_the_python_runtime(built_site):
    sw = (built_site.root / "sw.js").read_text("utf-8")
    precached = {entry["url"] for entry in json.loads(re.search(r"^const KB_PRECACHE = (.*);$", sw, re.M)[1])}
    pages = {
        path.relative_to(built_site.root).as_posix() for path in built_site.root.rglob("*.html")
    }
    assert pages <= precached
    assert {"zh/404.html", "pagefind/pagefind-entry.json", "zh/pagefind/pagefind-entry.json"} <= precached
    assert not [url for url in precached if url.startswith("pyodide/") or url.endswith((".br", ".gz"))]
    for module in ("core", "routing", "strategies", "precaching"):
        assert (built_site.root / "assets/javascripts/workbox" / f"workbox-{module}.prod.js").is_file()
