"""Build the site for a given local address: shared by the test fixtures and the benchmarks.

A site is built for the address it is served at (`KB_SITE_URL`): Material's instant navigation
only handles links listed in the sitemap, by full URL.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tools.dev.serve_site import SiteServer

ROOT = Path(__file__).resolve().parents[2]
SERVE_FLAGS = ["--no-strict", "--dirty"]  # as `make serve` runs it


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_site(
    out: Path, port: int, extra_env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the working tree (or `cwd`) into `out`, for http://127.0.0.1:<port>/."""
    env = dict(
        os.environ, NO_MKDOCS_2_WARNING="1", KB_SITE_URL=f"http://127.0.0.1:{port}/", **(extra_env or {})
    )
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def export_commit(commit: str, dest: Path) -> Path:
    """The tree of `commit` in `dest` (git archive: nothing in the repository changes), sharing
    this tree's node_modules (the same pinned Pyodide) and build cache."""
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
    dest.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    for name in ("node_modules", ".cache"):
        (dest / name).symlink_to(ROOT / name)
    return dest


def build_tree(tree: Path, out: Path, port: int, pythonpath: list[Path]) -> None:
    """Build `tree` into `out` with its own hooks and libraries first on the import path (the
    editable installs point at this tree)."""
    paths = [tree / "overrides", tree / "sitelib", tree / "widgets", *pythonpath]
    env = dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        KB_SITE_URL=f"http://127.0.0.1:{port}/",
        PYTHONPATH=os.pathsep.join(str(path) for path in paths),
    )
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"building {tree} failed:\n{done.stdout}{done.stderr}")
    print(f"  built {tree.name} in {time.perf_counter() - started:.1f} s", flush=True)


@contextmanager
def served_site() -> Iterator[str]:
    """Build the working tree into a temporary folder and serve it; yields its address.

    For the reports (`make bench`, `make audit`); exits with the build log if the build fails.
    """
    with served_site_server() as server:
        yield server.url


@contextmanager
def served_site_server(commit: str | None = None) -> Iterator[SiteServer]:
    """`served_site`, yielding the server (its `sent` counts the bytes it wrote). With `commit`,
    the site as that commit built it: its sources, run with its own packages (PYTHONPATH, as
    `served_copy` does), sharing node_modules and the caches, for a baseline in the same run."""
    from tools.dev.serve_site import SiteServer

    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        label = f" from {commit}" if commit else ""
        print(f"building the site{label} for http://127.0.0.1:{port}/ ...", flush=True)
        if commit:
            source = Path(tmp) / "source"
            source.mkdir()
            archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True)
            subprocess.run(["tar", "-x", "-C", str(source)], input=archive.stdout, check=True)
            for name in LINKED:
                shutil.rmtree(source / name, ignore_errors=True)
                (source / name).symlink_to(ROOT / name)
            packages = os.pathsep.join(str(source / name) for name in ("widgets", "sitelib", "overrides"))
            proc = build_site(site, port, {"PYTHONPATH": packages}, cwd=source)
        else:
            proc = build_site(site, port)
        if proc.returncode:
            raise SystemExit(proc.stdout + proc.stderr)
        with SiteServer(site, port=port) as server:
            yield server


def start_serve(cwd: Path, port: int, extra_env: dict[str, str] | None = None) -> subprocess.Popen:
    """`mkdocs serve` of the site in `cwd` as `make serve` runs it, on 127.0.0.1:<port>."""
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *SERVE_FLAGS, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=cwd,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **(extra_env or {})),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for_text(url: str, text: str, timeout: float) -> bool:
    """Poll `url` every 50 ms until its body contains `text`; False if `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8", "replace"):
                    return True
        except OSError:
            pass
        time.sleep(0.05)
    return False


TOP_FILES = ("mkdocs.yml", "pyproject.toml", "glossary.toml")  # the tree's top-level files the build reads
COPIED = ("docs", "overrides", "widgets", "sitelib")  # what a writer edits, and the packages
LINKED = ("node_modules", ".cache", "tools")  # Pyodide, caches keyed by content, the tools


@contextmanager
def served_copy(dest: Path, extra_env: dict[str, str] | None = None, timeout: float = 180) -> Iterator[str]:
    """`make serve`'s `mkdocs serve` of a copy of the repository in `dest`; yields its address.

    The copy's own packages are imported (PYTHONPATH), not the editable installs, so a test can
    edit widget and library code there. Waits until the first build is served.
    """
    for name in TOP_FILES:
        shutil.copy2(ROOT / name, dest / name)
    for name in COPIED:
        shutil.copytree(
            ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "build")
        )
    for name in LINKED:
        (ROOT / name).mkdir(exist_ok=True)
        (dest / name).symlink_to(ROOT / name)
    port = free_port()
    packages = os.pathsep.join(str(dest / name) for name in ("widgets", "sitelib", "overrides"))
    server = start_serve(dest, port, {**(extra_env or {}), "PYTHONPATH": packages})
    url = f"http://127.0.0.1:{port}/"
    try:
        if not wait_for_text(url + "tws/memory-allocation/", "tws.vmoptions", timeout):
            raise RuntimeError("mkdocs serve never served the memory article")
        time.sleep(2)  # let the file watcher settle
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def replace_in(path: Path, old: str, new: str) -> None:
    """Edit a file the way a writer saves it; fails loudly if `old` is not there any more."""
    text = path.read_text("utf-8")
    if old not in text:
        raise AssertionError(f"{old!r} is no longer in {path}: update the test")
    path.write_text(text.replace(old, new, 1), "utf-8")
