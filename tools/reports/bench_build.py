"""Build benchmark at knowledge-base scale (`make bench-build`): figures, not a test.

For each size N, generates N synthetic articles in both languages next to the real site (same
config, hooks and categories; tools/dev/synthetic_site.py) and builds them, in the same run:

- with our setup (mkdocs.yml: pruned navigation, languages built in parallel, our hooks);
- with a stock Material + mkdocs-static-i18n configuration (ten categories, navigation.prune);
- with `--before COMMIT` (or `--before lunr`: the commit before search moved to Pagefind), the
  same synthetic articles on that commit's tree, built as often as ours, runs interleaved;

printing wall time, peak memory (the largest process) and output size for each. Then, at one
size, the edit-to-reload time of `mkdocs serve` for one changed article.

Our builds run three times per size and the median is shown: this VM's disk and CPU are noisy.

Goals (issue 9) at 1,000 articles in 2 languages: a full build in 10 s or less, 100 MB of
output or less, and edit-to-reload in 2 s or less; time close to linear in N.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tools.dev.site_build import ROOT, free_port, start_serve, wait_for_text
from tools.dev.synthetic_site import generate, write_stock_config

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def measure(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> dict:
    """Run `command` in a fresh process; wall seconds, peak RSS of its largest process, and the CPU
    seconds of it and every process it waited for (languages, Pagefind): on a machine shared
    with other work, CPU seconds move much less than wall seconds."""
    probe = (
        "import json, resource, subprocess, sys, time\n"
        "t = time.monotonic()\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(json.dumps({'seconds': time.monotonic() - t, 'status': done.returncode,"
        " 'peak_mb': usage.ru_maxrss / 1024, 'cpu': usage.ru_utime + usage.ru_stime,"
        " 'log': done.stderr[-3000:]}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *command], cwd=cwd, env=env or ENV, capture_output=True, text=True
    )
    return json.loads(out.stdout)


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def build_once(site: Path, config: str, out: Path, env: dict[str, str] | None = None) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    # Let the disk finish deleting the previous run's 2,000 folders before timing this one.
    os.sync()
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(out)]
    result = measure(command, site, env)
    if result["status"]:  # a failed build's seconds are not a figure: stop, and say why
        raise SystemExit(f"building {site.name} with {config} failed:\n{result['log']}")
    result["output_mb"] = folder_mb(out)
    # The widget runtime (Pyodide, the snapshot, their compressed copies) is the same at any size.
    result["runtime_mb"] = folder_mb(out / "pyodide")
    return result


def median_run(runs: list[dict]) -> dict:
    """The median run, with every run's seconds."""
    runs = sorted(runs, key=lambda run: run["seconds"])
    median = runs[len(runs) // 2]
    median["runs"] = [run["seconds"] for run in runs]
    return median


def build(site: Path, config: str, out: Path, repeat: int = 1) -> dict:
    """Build `repeat` times into a fresh `out`; the median run, with every run's seconds."""
    return median_run([build_once(site, config, out) for _ in range(repeat)])


def edit_to_reload(site: Path, edits: int = 3) -> list[float]:
    """Seconds from saving one article to `mkdocs serve` serving its new text, for each of
    `edits` saves in a row (one figure is noise on this VM: the median is the figure)."""
    port = free_port()
    server = start_serve(site, port)
    url = f"http://127.0.0.1:{port}/cat05/article-0005/"
    article = site / "docs" / "cat05" / "article-0005.md"
    try:
        _wait_for(url, "Article 5")
        seconds = []
        for _ in range(edits):
            time.sleep(3)  # let the watcher settle (and the previous rebuild end)
            marker = f"edited-{time.time_ns()}"
            started = time.monotonic()
            article.write_text(
                re.sub(
                    r"# Article 5\n(\nedited-\d+\n)?",
                    f"# Article 5\n\n{marker}\n",
                    article.read_text("utf-8"),
                ),
                "utf-8",
            )
            _wait_for(url, marker)
            seconds.append(time.monotonic() - started)
        return seconds
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for(url: str, text: str) -> None:
    if not wait_for_text(url, text, timeout=600):
        raise TimeoutError(f"{url} never showed {text!r}")


def _before_tree(commit: str, tmp: Path) -> tuple[Path, dict[str, str]]:
    """The tree of `commit` and the environment that builds it with its own hooks and libraries
    (and jieba, which the lunr tree needs and this one no longer installs)."""
    from tools.dev.site_build import export_commit
    from tools.reports.bench_search import _commit_before_pagefind, _lunr_packages

    tree = export_commit(_commit_before_pagefind() if commit == "lunr" else commit, tmp / "before-tree")
    paths = [tree / "overrides", tree / "sitelib", tree / "widgets", _lunr_packages(ROOT / ".cache")]
    return tree, dict(ENV, PYTHONPATH=os.pathsep.join(str(path) for path in paths))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 3000])
    parser.add_argument("--reload-size", type=int, default=1000)
    parser.add_argument(
        "--repeat", type=int, default=3, help="builds of ours per size; the median is shown (noisy VMs)"
    )
    parser.add_argument(
        "--skip-stock-above", type=int, default=1000, help="stock builds are slow; skip bigger ones"
    )
    parser.add_argument("--before", help="also build this commit's tree ('lunr': the one before Pagefind)")
    args = parser.parse_args()
    rows = []
    befores: dict[int, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        before_tree, before_env = _before_tree(args.before, Path(tmp)) if args.before else (None, None)
        for size in args.sizes:
            site = generate(Path(tmp) / f"kb{size}", size)
            write_stock_config(site)
            print(f"{size} articles x 2 written languages (+ Traditional, converted) ...", flush=True)
            if before_tree is not None:
                before_site = generate(Path(tmp) / f"before{size}", size, root=before_tree)
                runs: dict[str, list[dict]] = {"ours": [], "before": []}
                for _ in range(args.repeat):  # interleaved: both see the same machine load
                    runs["ours"].append(build_once(site, "mkdocs.yml", site / "out-ours"))
                    before_run = build_once(before_site, "mkdocs.yml", before_site / "out", before_env)
                    runs["before"].append(before_run)
                ours, befores[size] = median_run(runs["ours"]), median_run(runs["before"])
                shutil.rmtree(before_site)
            else:
                ours = build(site, "mkdocs.yml", site / "out-ours", args.repeat)
            shutil.rmtree(site / "out-ours", ignore_errors=True)
            stock = (
                build(site, "mkdocs-stock.yml", site / "out-stock") if size <= args.skip_stock_above else None
            )
            shutil.rmtree(site / "out-stock", ignore_errors=True)
            rows.append((size, ours, stock))
            if size != args.reload_size:
                shutil.rmtree(site)
        reload_site = Path(tmp) / f"kb{args.reload_size}"
        reloads = edit_to_reload(reload_site) if reload_site.exists() else None
    print(
        f"\nbuild at scale, {os.cpu_count()} cores; pages = 3 x articles (+ the real site; stock: 2 x); "
        f"ours: median of {args.repeat} builds, stock: one"
    )
    columns = f"{'s':>8} {'MB out':>7} {'peak MB':>8}"
    print(f"{'articles':>8}  ours: {columns}   stock: {columns}")
    for size, ours, stock in rows:
        line = f"{size:8}        {ours['seconds']:8.1f} {ours['output_mb']:7.1f} {ours['peak_mb']:8.0f}"
        if stock:
            line += f"          {stock['seconds']:8.1f} {stock['output_mb']:7.1f} {stock['peak_mb']:8.0f}"
        print(
            line
            + f"   ours, each run: {', '.join(f'{s:.1f}' for s in ours['runs'])}; CPU {ours['cpu']:.1f} s;"
            + f" of the output, {ours['runtime_mb']:.0f} MB is the widget runtime"
        )
        if size in befores:
            before = befores[size]
            print(
                f"{'':8} before: {before['seconds']:8.1f} {before['output_mb']:7.1f} {before['peak_mb']:8.0f}"
                f"   ({args.before[:12]}; each run: {', '.join(f'{s:.1f}' for s in before['runs'])};"
                f" CPU {before['cpu']:.1f} s)"
            )
    for (small, first, _), (big, last, _) in itertools.pairwise(rows):
        per_thousand = (last["seconds"] - first["seconds"]) / (big - small) * 1000
        print(f"growth {small} -> {big} articles: {per_thousand:.1f} s per 1,000 more (ours)")
    if reloads:
        each = ", ".join(f"{seconds:.1f}" for seconds in reloads)
        print(
            f"edit-to-reload, mkdocs serve, {args.reload_size} articles:"
            f" median {statistics.median(reloads):.1f} s of {len(reloads)} saves ({each}; goal <= 2 s)"
        )
    print("goals at 1000 articles: build <= 10 s, output <= 100 MB")
    return 0


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_NOFILE, resource.getrlimit(resource.RLIMIT_NOFILE))
    sys.exit(main())
