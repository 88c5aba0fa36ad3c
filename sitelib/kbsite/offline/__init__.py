"""Offline reading: the service worker (sw.js) written into a finished site.

After one visit, the reader's browser holds every page, search index and asset of the build
(Workbox's precache, listed by Workbox's own build tooling: manifest.mjs), and the Python
runtime once a widget has started; see service_worker.js for how a new deploy takes over.
`KB_OFFLINE=0` writes the kill switch instead (kill_switch.js), which removes an installed
worker and its caches from every browser that has one.

Pure functions, plus `write_offline_files`, which runs Node once for the manifest.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORKBOX_MODULES = ("workbox-core", "workbox-routing", "workbox-strategies", "workbox-precaching")
WORKBOX_FOLDER = "assets/javascripts/workbox/"
RUNTIME_FOLDER = "pyodide/"
PRECACHE_OPTIONS = {
    "globPatterns": ["**/*"],
    "globIgnores": [
        RUNTIME_FOLDER + "**",  # cached on first use instead: 13 MB a reader may never need
        WORKBOX_FOLDER + "**",
        "sw.js",
        "**/*.gz",  # the server's precompressed copies of files that are listed anyway
        "**/*.br",
        "**/*.map",
        "assets/javascripts/lunr/wordcut.js",  # 0.7 MB, for Thai only
        "_headers",
        "robots.txt",
        "**/sitemap.xml",
        "**/sitemap.xml.gz",
    ],
    # Workbox's default is 2 MB; nothing outside the runtime is near it, so a larger file is a
    # mistake to hear about (it is reported as a warning and left out).
    "maximumFileSizeToCacheInBytes": 2 * 1024 * 1024,
}


class OfflineError(RuntimeError):
    """The service worker could not be written (Node or Workbox missing or failing)."""


@dataclass(frozen=True)
class Manifest:
    entries: list[dict[str, str | None]]
    size: int
    warnings: list[str]


def read_manifest(site: Path, root: Path) -> Manifest:
    """Workbox's precache manifest of the built `site` (`root`: where node_modules is)."""
    node = shutil.which("node")
    if node is None:
        raise OfflineError("node is not on PATH; run `make setup` (or build with KB_OFFLINE=0)")
    proc = subprocess.run(
        [node, str(HERE / "manifest.mjs"), str(site), json.dumps(PRECACHE_OPTIONS)],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=120,
    )
    if proc.returncode != 0:
        raise OfflineError(f"Workbox could not list the site's files:\n{proc.stderr[-2000:]}")
    data = json.loads(proc.stdout)
    return Manifest(data["entries"], data["size"], data["warnings"])


def runtime_cache_name(site: Path) -> str:
    """A cache name that changes whenever the build's Python runtime changes (runtime.json
    names every runtime file with its hash), so a new runtime never mixes with an old one."""
    manifest = site / RUNTIME_FOLDER / "runtime.json"
    digest = hashlib.sha256(manifest.read_bytes() if manifest.is_file() else b"").hexdigest()
    return "kb-runtime-" + digest[:16]


def not_found_folders(language_folders: list[str]) -> list[str]:
    """Each language's folder (relative to the site root), longest first, the default
    language's ("") last: offline, an uncached page gets the 404 page of the first that
    matches."""
    folders = sorted((folder for folder in language_folders if folder), key=len, reverse=True)
    return [*folders, ""]


def service_worker(manifest: Manifest, runtime_cache: str, language_folders: list[str]) -> str:
    """The text of sw.js, which lives at the site root; every path in it is relative to that."""
    values = {
        "KB_WORKBOX": [f"{WORKBOX_FOLDER}{name}.prod.js" for name in WORKBOX_MODULES],
        "KB_PRECACHE": manifest.entries,
        "KB_RUNTIME_FOLDER": RUNTIME_FOLDER,
        "KB_RUNTIME_CACHE": runtime_cache,
        "KB_LANGUAGE_FOLDERS": not_found_folders(language_folders),
    }
    head = "".join(f"const {name} = {json.dumps(value)};\n" for name, value in values.items())
    return head + (HERE / "service_worker.js").read_text("utf-8")


def kill_switch() -> str:
    return (HERE / "kill_switch.js").read_text("utf-8")


def copy_workbox(root: Path, site: Path) -> None:
    """Workbox's runtime modules, from the pinned npm packages, into the site."""
    target = site / WORKBOX_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for name in WORKBOX_MODULES:
        source = root / "node_modules" / name / "build" / f"{name}.prod.js"
        if not source.is_file():
            raise OfflineError(f"{source} is missing; run `make setup`")
        shutil.copyfile(source, target / source.name)


def write_offline_files(
    site: Path, root: Path, language_folders: list[str], enabled: bool
) -> Manifest | None:
    """Write sw.js (and Workbox) into the finished `site`; the kill switch when not `enabled`."""
    if not enabled:
        (site / "sw.js").write_text(kill_switch(), "utf-8")
        return None
    copy_workbox(root, site)
    manifest = read_manifest(site, root)
    sw = service_worker(manifest, runtime_cache_name(site), language_folders)
    (site / "sw.js").write_text(sw, "utf-8")
    return manifest
