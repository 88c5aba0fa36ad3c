"""Where a 1,000-article build spends its seconds, now and before Pagefind (`make bench-build`).

Generates the same synthetic knowledge base (tools/dev/synthetic_site.py) from this tree and
from the tree of the commit before search moved to Pagefind (lunr + jieba), then builds each
under cProfile with the languages built one after the other (KB_PATCH_PARALLEL_LANGUAGES=0:
a forked language's time would be invisible to the profiler), and prints the seconds spent in
each part of the build: the same stages for both, so the difference is where the time went.
CPU seconds of one process; the wall time of a parallel build is shorter. Other work on the
machine inflates every figure: compare the two columns, measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tools.dev.site_build import ROOT
from tools.dev.synthetic_site import generate
from tools.reports.bench_search import _commit_before_pagefind, trees_to_compare

# Stages, by the functions whose cumulative time is that stage's (file fragment, function).
STAGES = {
    "Markdown to HTML": ("markdown/core.py", "convert"),
    "Markdown, with page hooks": ("mkdocs/commands/build.py", "_populate_page"),
    "page, whole (Markdown, template, hooks)": ("mkdocs/commands/build.py", "_build_page"),
    "Jinja templates": ("jinja2/environment.py", "render"),
    "package metadata reads": ("importlib/metadata/__init__.py", "metadata"),
    "lunr search index (Material)": ("material/plugins/search/plugin.py", "on_post_build"),
    "lunr: add a page (jieba cut)": ("material/plugins/search/plugin.py", "on_page_context"),
    "Pagefind index (subprocess)": ("kbsite/search.py", "build_search_index"),
    "copy static files": ("mkdocs/structure/files.py", "copy_static_files"),
    "precompress, _headers": ("hooks/setup/hosting.py", "on_post_build"),
    "widget runtime (wheel, snapshot)": ("hooks/widgets/widget_runtime.py", "on_post_build"),
    "collect files, nav": ("mkdocs/commands/build.py", "get_files"),
}


def _profile(tree: Path, out: Path, pythonpath: list[Path]) -> tuple[float, pstats.Stats]:
    stats_file = ROOT / ".cache" / f"profile-{out.name}.prof"  # kept: python -m pstats <file>
    stats_file.parent.mkdir(exist_ok=True)
    paths = [tree / "overrides", tree / "sitelib", tree / "widgets", *pythonpath]
    env = dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        KB_PATCH_PARALLEL_LANGUAGES="0",
        PYTHONPATH=os.pathsep.join(str(path) for path in paths),
    )
    command = [sys.executable, "-m", "cProfile", "-o", str(stats_file), "-m", "mkdocs", "build", "-q"]
    started = time.perf_counter()
    done = subprocess.run([*command, "-d", str(out)], cwd=tree, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"building {tree} failed:\n{done.stdout}{done.stderr}")
    return time.perf_counter() - started, pstats.Stats(str(stats_file))


def _stage_seconds(stats: pstats.Stats) -> dict[str, float]:
    found = dict.fromkeys(STAGES, 0.0)
    for (path, _, function), (_, _, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        for stage, (fragment, name) in STAGES.items():
            if function == name and path.replace(os.sep, "/").endswith(fragment):
                found[stage] = max(found[stage], cumulative)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--before", help="the lunr commit (default: the one before Pagefind)")
    parser.add_argument("--top", type=int, default=0, help="also print the N costliest functions of each")
    args = parser.parse_args()
    before = args.before or _commit_before_pagefind()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        trees, extra = trees_to_compare(before, tmp)
        results = {}
        for name, tree in trees.items():
            site = generate(tmp / f"{name}-src", args.articles, root=tree)
            print(f"profiling the {name} build of {args.articles} articles x 2 languages ...", flush=True)
            results[name] = _profile(site, tmp / f"{name}-out", extra[name])
    print(f"\nwhere the seconds go, {args.articles} articles x 2 languages, one process (languages in turn)")
    print(f"  {'stage':40} {'pagefind':>9} {'lunr':>9}   (cumulative s; stages overlap where nested)")
    seconds = {name: _stage_seconds(stats) for name, (_, stats) in results.items()}
    for stage in STAGES:
        print(f"  {stage:40} {seconds['pagefind'][stage]:9.1f} {seconds['lunr'][stage]:9.1f}")
    totals = {name: wall for name, (wall, _) in results.items()}
    print(f"  {'whole build (wall, profiled)':40} {totals['pagefind']:9.1f} {totals['lunr']:9.1f}")
    for name, (_, stats) in results.items():
        if args.top:
            print(f"\n{name}: the {args.top} costliest functions (own time)")
            stats.sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
