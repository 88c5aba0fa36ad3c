"""Search benchmark (`make bench`): Pagefind against the lunr search it replaced, same run.

Builds this tree and the tree of the commit before search moved to Pagefind (Material's lunr
search plugin with jieba; `--before` to pick another commit), optionally with N synthetic
articles in both languages added to each (`--articles`), serves both, and drives headless
Chromium. For an English and a Chinese query, each median of `--runs` fresh browser contexts
(empty cache):

- bytes of search files fetched from the page load until the first result is drawn (lunr: its
  worker and the whole language index, fetched at page load; Pagefind: its loader, worker,
  WebAssembly, the index chunks the query needs and the top result's text), as transferred
  (compressed, with headers); a download that ends after the draw does not count;
- time to first result: from the reader opening search (`/`, right after the page loaded) and
  typing the query to the first result drawn.

Issue 15's goal: a tenth of lunr's bytes.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from tools.dev import chromium
from tools.dev.serve_site import SiteServer
from tools.dev.site_build import ROOT, build_tree, export_commit, free_port
from tools.dev.synthetic_site import generate

QUERIES = {"en": ("", "memory"), "zh": ("zh/", "内存")}
SEARCH_FILES = ("/pagefind/", "/search/search_index", "/workers/search")
# What the lunr tree needs that this one no longer installs (its requirements.lock pins).
LUNR_PACKAGES = ("jieba==0.42.1", "rjieba==0.2.2")


def _commit_before_pagefind() -> str:
    added = subprocess.run(
        ["git", "log", "--diff-filter=A", "--format=%H", "--", "sitelib/kbsite/search.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    if not added:
        raise SystemExit("no commit adds sitelib/kbsite/search.py: pass --before <commit>")
    return added[-1] + "^"


def _lunr_packages(cache: Path) -> Path:
    target = cache / "bench-lunr-packages"
    if not (target / "jieba").is_dir():
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "--target", str(target), *LUNR_PACKAGES],
            check=True,
        )  # fmt: skip
    return target


def trees_to_compare(before: str, tmp: Path) -> tuple[dict[str, Path], dict[str, list[Path]]]:
    """This tree and the lunr tree of commit `before` (exported into `tmp`), and the extra
    import paths each one's build needs (jieba for lunr)."""
    trees = {"pagefind": ROOT, "lunr": export_commit(before, tmp / "lunr-tree")}
    return trees, {"pagefind": [], "lunr": [_lunr_packages(ROOT / ".cache")]}


# When the first result is drawn, in the clock of Playwright's request timings (epoch ms).
FIRST_RESULT_CLOCK = """
new MutationObserver((_, observer) => {
  if (document.querySelector(".md-search-result__item")) {
    window.kbFirstResultAt = Date.now();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
"""


def first_result(browser: Browser, url: str, query: str) -> tuple[int, float]:
    """(bytes of search files fetched before the first result was drawn, ms from opening search
    to the first result), fresh cache. A file whose download ended after the first result
    was drawn (the other results' texts, say) does not count."""
    context = browser.new_context()
    context.add_init_script(FIRST_RESULT_CLOCK)
    page = context.new_page()
    finished: list[tuple[float, int]] = []

    def record(request: object) -> None:
        if any(part in request.url for part in SEARCH_FILES):  # type: ignore[attr-defined]
            sizes, timing = request.sizes(), request.timing  # type: ignore[attr-defined]
            ended = timing["startTime"] + max(timing["responseEnd"], 0)
            finished.append((ended, sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    page.on("requestfinished", record)
    page.goto(url, wait_until="load")
    started = page.evaluate("performance.now()")
    page.keyboard.press("/")
    page.keyboard.insert_text(query)
    page.wait_for_selector(".md-search-result__item", timeout=60_000)
    elapsed = page.evaluate("performance.now()") - started
    drawn_at = page.evaluate("window.kbFirstResultAt")
    page.wait_for_timeout(500)  # let the request events of what drew the result arrive
    context.close()
    return sum(size for ended, size in finished if ended <= drawn_at), elapsed


def _median(values: list[int] | list[float]) -> float:
    return float(statistics.median(values))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--articles", type=int, default=0, help="synthetic articles added to both sites")
    parser.add_argument("--before", help="the lunr commit (default: the one before Pagefind)")
    args = parser.parse_args()
    before = args.before or _commit_before_pagefind()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        trees, extra = trees_to_compare(before, tmp)
        if args.articles:
            trees = {name: generate(tmp / f"{name}-src", args.articles, root=t) for name, t in trees.items()}
        print(f"building both sites ({args.articles} synthetic articles; lunr from {before}) ...", flush=True)
        servers = {}
        for name, tree in trees.items():
            port = free_port()
            build_tree(tree, tmp / f"{name}-site", port, extra[name])
            servers[name] = SiteServer(tmp / f"{name}-site", port=port).__enter__()
        figures: dict[tuple[str, str], list[tuple[int, float]]] = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium.PATH, args=chromium.ARGS)
            for _ in range(args.runs):  # interleaved, so both see the same machine load
                for name, server in servers.items():
                    for lang, (home, query) in QUERIES.items():
                        time.sleep(0.5)
                        measured = first_result(browser, server.url + home, query)
                        figures.setdefault((name, lang), []).append(measured)
            browser.close()
        for server in servers.values():
            server.__exit__(None, None, None)
    print()
    print(f"search, headless Chromium on 127.0.0.1, {args.runs} runs each, median; lunr = {before}")
    print(f"  {'':22} {'bytes before 1st result':>24} {'time to 1st result':>20}")
    for lang, (_, query) in QUERIES.items():
        row = {}
        for name in servers:
            sizes = [size for size, _ in figures[(name, lang)]]
            times = [ms for _, ms in figures[(name, lang)]]
            row[name] = (_median(sizes), _median(times))
            print(f"  {name:8} {lang} {query!r:10} {row[name][0]:>22,.0f} B {row[name][1]:>17.0f} ms")
        ratio = row["pagefind"][0] / row["lunr"][0] if row["lunr"][0] else float("nan")
        print(f"  {'':8} {lang} Pagefind/lunr bytes: {ratio:.2f} (goal <= 0.10)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
