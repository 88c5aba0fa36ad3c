"""Build the in-browser widget runtime: our wheel, a site lock file, a snapshot, a manifest.

After the build, the site's `pyodide/` folder holds Pyodide's runtime files (from the pinned npm
package, never a CDN), our `kbwidgets` wheel with a site-specific `pyodide-lock.json`, an
optional start-up snapshot, and `runtime.json`, the manifest the browser reads first:

    {"pyodide": "314.0.7", "package": {...}, "snapshot": {...} | null, "view": {...}}

`view` carries kbwidgets' tag and attribute allow-lists, so the browser's renderer enforces
exactly the rules the Python side validates against. Everything is cached under
`.cache/widget-runtime/` by a hash of its inputs, so an unchanged rebuild (`mkdocs serve` after
editing an article) only copies files.

- The wheel: `pip wheel widgets/` (pure Python). Not `pyodide build`: that downloads a
  cross-build environment even for pure-Python packages, and builds must work offline.
- The lock file: Pyodide's own `info` block plus the entries of our wheel and the pinned PyPI
  wheels, written by `pyodide lockfile add-wheels` when pyodide-build is installed
  (kbsite.runtime.lockfile_tool), else by `site_lock` here, in the format of the entries in the
  vendored `pyodide-lock.json` (tests/site/test_runtime_build.py); both agree (test_pyodide_lockfile.py).
- The snapshot (make_snapshot.mjs): optional, without Node the site starts Pyodide normally;
  made per runtime and wheel (it holds our code); shipped as a delta from the WebAssembly's
  data (snapshot_delta) and without its long runs of zeros (snapshot_holes: 12 of 31 MB), not
  compressed: the server sends kbsite.precompress's brotli copy (2.9 MB). The standard
  library: kbsite.runtime.stdlib.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kbsite.runtime import lockfile_tool, node, snapshot_delta, snapshot_holes
from kbsite.runtime.cache_prune import prune
from kbsite.runtime.pypi_wheels import pinned_wheels
from kbsite.runtime.stdlib import Log, split_stdlib, stored_stdlib
from kbsite.runtime.view_rules import view_rules
from kbsite.runtime.zips import repack_stored

RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
PACKAGE = "kbwidgets"
FULL_STDLIB = "python_stdlib_full.zip"


@dataclass(frozen=True)
class RuntimeBuild:
    files: dict[str, Path]  # name in the site's runtime folder -> file to copy
    manifest: dict[str, Any]


def tree_hash(paths: list[Path], extra: str = "", root: Path | None = None) -> str:
    """A hash of the files' names (relative to `root`, or bare) and contents."""
    digest = hashlib.sha256(extra.encode())
    for path in sorted(paths):
        digest.update((path.relative_to(root) if root else Path(path.name)).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def source_files(root: Path) -> list[Path]:
    """What the wheel is made of: the package and its pyproject.toml, under `root`/widgets/."""
    package = root / "widgets" / PACKAGE
    files = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return [*files, root / "widgets" / "pyproject.toml"]


def build_wheel(root: Path, cache: Path, log: Log) -> Path:
    """The kbwidgets wheel for the current sources (cached by their hash), stored, not deflated
    (kbsite.runtime.zips)."""
    out = cache / f"wheel-{tree_hash(source_files(root), extra='stored', root=root)}"
    wheels = sorted(out.glob(f"{PACKAGE}-*.whl"))
    if wheels:
        out.touch()  # most recently used: the last to be pruned
        return wheels[0]
    log.info("building the kbwidgets wheel")
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        # From a clean copy of exactly those files: setuptools builds in the project folder and
        # leaves build/ there, whose stale modules a later wheel would pick up.
        project = Path(tmp) / "project"
        for source in source_files(root):
            target = project / source.relative_to(root / "widgets")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
        wheels_dir = Path(tmp) / "wheels"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "wheel",
                "--no-deps",
                "--no-build-isolation",
                "--quiet",
                "--disable-pip-version-check",
                "--wheel-dir",
                str(wheels_dir),
                str(project),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        (wheel,) = wheels_dir.glob(f"{PACKAGE}-*.whl")
        out.mkdir(parents=True, exist_ok=True)
        return repack_stored(wheel, out / wheel.name)


def wheel_version(wheel: Path) -> str:
    return wheel.name.split("-")[1]


def lock_entry(wheel: Path) -> dict[str, Any]:
    """The pyodide-lock.json entry for a pure-Python wheel."""
    with zipfile.ZipFile(wheel) as archive:
        top_level = sorted({name.split("/")[0] for name in archive.namelist() if ".dist-info" not in name})
    return {
        "name": PACKAGE,
        "version": wheel_version(wheel),
        "file_name": wheel.name,
        "install_dir": "site",
        "sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
        "package_type": "package",
        "imports": top_level,
        "depends": [],
        "unvendored_tests": False,
        "tool": {},
    }


def site_lock(
    vendored_lock: Path, wheel: Path, dependencies: dict[str, dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Pyodide's `info`, our wheel, and the pinned PyPI wheels beside it (kbsite.runtime.pypi_wheels):
    not its dependencies in Pyodide (a marker says so, as pyodide-build reads it), but loaded by
    the pages whose widgets need them."""
    info = json.loads(vendored_lock.read_text("utf-8"))["info"]
    ours = lock_entry(wheel)
    return {"info": info, "packages": {PACKAGE: ours, **(dependencies or {})}}


def build_snapshot(
    runtime: dict[str, Path], lock: dict[str, Any], wheel: Path, wheel_sha256: str, cache: Path, log: Log
) -> dict[str, Any] | None:
    """A memory snapshot for this exact runtime (`runtime`: the files the site ships; it holds
    offsets into the stdlib zip) and wheel, or None when it cannot be made.

    It holds our imported, warmed-up widgets, so it is remade when the widget code changes
    (a few seconds of Node); `package_sha256` records which wheel it was made with.
    """
    script = node.SCRIPTS / "make_snapshot.mjs"
    made_by = [script, node.SHARED, Path(snapshot_delta.__file__), Path(snapshot_holes.__file__)]
    inputs = [runtime[name] for name in RUNTIME_FILES] + [*made_by, wheel]
    key = tree_hash(inputs, extra=node.environment_key())
    target = cache / f"snapshot-{key}.bin"
    meta_file = target.with_suffix(".json")
    if target.is_file() and meta_file.is_file():
        target.touch()  # most recently used: the last to be pruned
        return {**json.loads(meta_file.read_text("utf-8")), "path": target}
    if not node.available():
        log.info("no node on PATH, so no start-up snapshot (widgets start normally)")
        return None
    log.info("making the Pyodide start-up snapshot (once per runtime and widget code)")
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        for name in RUNTIME_FILES:
            shutil.copy2(runtime[name], Path(tmp) / name)
        (Path(tmp) / "pyodide-lock.json").write_text(
            json.dumps({"info": lock["info"], "packages": {}}), "utf-8"
        )
        proc = node.run_script(script, [tmp, str(target), str(wheel)])
    if proc.returncode != 0 or not target.is_file():
        log.info("snapshot failed, widgets will start normally:\n%s", proc.stderr[-2000:])
        return None
    meta = json.loads(proc.stdout.strip().splitlines()[-1])
    meta["package_sha256"] = wheel_sha256
    delta = snapshot_delta.rewrite_as_delta(target, runtime["pyodide.asm.wasm"])
    meta["delta"] = delta.as_json() if delta else None  # the worker undoes it (kbw-downloads.mjs)
    # What the browser checks before it trusts a snapshot from its cache: the bytes it rebuilds.
    meta["sha256"] = hashlib.sha256(target.read_bytes()).hexdigest()
    meta["holes"] = snapshot_holes.rewrite_without_holes(target)  # the worker puts the zeros back
    meta_file.write_text(json.dumps(meta), "utf-8")
    return {**meta, "path": target}


def build_runtime(root: Path, cache: Path, log: Log) -> RuntimeBuild:
    runtime_dir = root / "node_modules" / "pyodide"
    missing = [name for name in (*RUNTIME_FILES, "pyodide-lock.json") if not (runtime_dir / name).is_file()]
    if missing:
        raise FileNotFoundError(
            f"the Pyodide runtime is not installed ({', '.join(missing)} missing in {runtime_dir}); "
            "run `make setup` (npm ci)"
        )
    cache.mkdir(parents=True, exist_ok=True)
    wheel = build_wheel(root, cache, log)
    dependencies = pinned_wheels(root / ".cache" / "pyodide-wheels")
    lock = site_lock(runtime_dir / "pyodide-lock.json", wheel, {n: e for n, (_, e) in dependencies.items()})
    lock["packages"] = lockfile_tool.tool_entries(
        root, lock, [wheel, *(w for w, _ in dependencies.values())], log
    )
    wheel_sha256 = lock["packages"][PACKAGE]["sha256"]
    lock_text = json.dumps(lock, indent=1)
    lock_file = cache / f"pyodide-lock-{hashlib.sha256(lock_text.encode()).hexdigest()[:16]}.json"
    lock_file.write_text(lock_text, "utf-8")
    files = {name: runtime_dir / name for name in RUNTIME_FILES}
    stdlib = split_stdlib(
        stored_stdlib(runtime_dir / "python_stdlib.zip", cache),
        [wheel, *(w for w, _ in dependencies.values())],
        runtime_dir,
        cache,
        log,
    )
    files["python_stdlib.zip"] = stdlib.core
    snapshot = build_snapshot(files, lock, wheel, wheel_sha256, cache, log)

    prune(cache)
    files["pyodide-lock.json"] = lock_file
    files[wheel.name] = wheel
    files |= {dependency.name: dependency for dependency, _ in dependencies.values()}
    pyodide_version = json.loads((runtime_dir / "package.json").read_text("utf-8"))["version"]
    manifest = {
        "pyodide": pyodide_version,
        "package": {
            "name": PACKAGE,
            "version": wheel_version(wheel),
            "file": wheel.name,
            "sha256": wheel_sha256,
        },
        "snapshot": None,
        "env": node.PYTHON_ENV,
    }
    if snapshot is not None:
        files["snapshot.bin"] = snapshot["path"]
        manifest["snapshot"] = {
            "file": "snapshot.bin",
            "pyodide": snapshot["pyodide"],
            "bytes": snapshot["bytes"],
            "package_sha256": snapshot["package_sha256"],
            "delta": snapshot.get("delta"),
            "holes": snapshot["holes"],
            "sha256": snapshot["sha256"],
            "size": snapshot["path"].stat().st_size,  # what the browser downloads (`bytes` less the holes)
        }
    if stdlib.rest:  # the worker's fallback for a module the trace did not see imported
        # Pyodide's own zip, deflated member by member (2.5 MB): fetched by a rare start only,
        # so not worth the stored copy's 9.7 MB and its compressed copies in every build.
        files[FULL_STDLIB] = runtime_dir / "python_stdlib.zip"
        manifest["stdlib"] = {"file": FULL_STDLIB, "modules": stdlib.rest}
    # For the progress line: the bytes of each file the browser downloads to start Python.
    manifest["sizes"] = {name: path.stat().st_size for name, path in sorted(files.items())}
    return RuntimeBuild(files, manifest)


def install(runtime: RuntimeBuild, target: Path) -> None:
    """Copy the runtime into the site's folder `target`, and write its manifest there."""
    target.mkdir(parents=True, exist_ok=True)
    for stale in target.glob("*.whl"):
        if stale.name not in runtime.files:
            stale.unlink()
    for name, source in runtime.files.items():
        _copy_if_changed(source, target / name)
    for optional in ("snapshot.bin", FULL_STDLIB):
        for stale in target.glob(f"{optional}*") if optional not in runtime.files else ():
            stale.unlink()
    manifest = {**runtime.manifest, "view": view_rules()}
    (target / "runtime.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")


def _copy_if_changed(source: Path, target: Path) -> None:
    if (
        target.is_file()
        and target.stat().st_size == source.stat().st_size
        and target.stat().st_mtime >= source.stat().st_mtime
    ):
        return
    shutil.copy2(source, target)
