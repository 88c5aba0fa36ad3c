"""Lighthouse report (`make audit`): scores before and after, a benchmark rather than a test.

Builds this working tree ("after") and the commit `--before` (default: main) into temporary
folders, each for its own port, and serves each with Debian's nginx configured exactly as
deployed (kbsite.nginx: strict CSP and every production header, precompressed files). Lighthouse
13 (the npm package pinned in tools/reports/audit/, mobile preset: simulated 4x CPU and slow 4G)
drives Debian's Chromium on the home page, a plain article and an article with widgets, in each
language root the built site has (a folder with its own 404 page, so a language added to
mkdocs.yml is audited without changing this file). The runs of before and after alternate, so
both see the same load; each figure is the median of `--runs` runs. It prints figures and
asserts nothing.

`--site LABEL=DIR` audits already built folders instead (each served on the port of the address
it was built for, read from its sitemap), or `--site LABEL=DIR@URL` a folder something already
serves at URL (as the tests do); `--pages` and `--languages` narrow the matrix.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from tools.dev.chromium import PATH as CHROMIUM
from tools.dev.nginx_server import NginxServer, language_folders
from tools.dev.site_build import ROOT, build_tree, export_commit, free_port

LIGHTHOUSE = Path(__file__).resolve().parent / "audit" / "node_modules" / ".bin" / "lighthouse"
PAGES = {
    "home": "",
    "plain article": "reports/login-report/",
    "widget article": "tws/memory-allocation/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "best", "seo": "seo"}
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "speed-index",
)
# Debian's Chromium, quiet: no update checks, sync or first-run pages that would add requests
# and CPU to what Lighthouse measures. Lighthouse never downloads a browser (CHROME_PATH).
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def lighthouse(url: str, out: Path) -> dict:
    """One Lighthouse run of `url` (mobile preset, a fresh profile and an empty cache). A run
    that fails (Chromium not answering in time on a loaded machine) is tried once more."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    for attempt in (1, 2):
        done = subprocess.run(
            command, env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True, text=True, timeout=600
        )
        if done.returncode == 0:
            return json.loads(out.read_text("utf-8"))
        print(f"  lighthouse failed on {url} (attempt {attempt}): {done.stderr.strip()[-500:]}", flush=True)
    raise SystemExit(f"lighthouse failed twice on {url}")


def scores(report: dict) -> dict[str, int]:
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def failing(report: dict) -> list[str]:
    """The weighted audits that cost points in `report`, and the render-blocking requests and
    long main-thread tasks Lighthouse names (the usual reasons for a performance under 100)."""
    out = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                out.append(
                    f"{name}: {ref['id']} ({audit['score']:.2f}) {audit.get('displayValue', '')}".rstrip()
                )
    blocking = report["audits"].get("render-blocking-insight", {}).get("details") or {}
    for item in blocking.get("items", []):
        out.append(f"render-blocking: {item['url'].rsplit('/', 1)[-1]} ({item.get('wastedMs', 0):.0f} ms)")
    tasks = report["audits"].get("long-tasks", {}).get("details") or {}
    for item in tasks.get("items", [])[:3]:
        out.append(f"long task: {item['url'].rsplit('/', 1)[-1] or item['url']} {item['duration']:.0f} ms")
    return out


def built_port(site: Path) -> int:
    """The port a built site is addressed at (instant navigation only follows its sitemap's URLs)."""
    match = re.search(r"<loc>http://127\.0\.0\.1:(\d+)/", (site / "sitemap.xml").read_text("utf-8"))
    if not match:
        raise SystemExit(f"{site}/sitemap.xml has no http://127.0.0.1:<port>/ address: build it for one")
    return int(match.group(1))


def build_sites(before: str, tmp: Path) -> dict[str, Path]:
    """{"before": the site of commit `before`, "after": the site of this working tree}."""
    trees = {"before": export_commit(before, tmp / "before-tree"), "after": ROOT}
    sites = {}
    for label, tree in trees.items():
        sites[label] = tmp / f"{label}-site"
        print(f"building {label} ({before if label == 'before' else 'this tree'}) ...", flush=True)
        build_tree(tree, sites[label], free_port(), [])
    return sites


def median_report(runs: list[dict]) -> dict:
    """The run whose performance is the median (its failing audits explain that figure)."""
    return sorted(runs, key=lambda r: scores(r)["performance"])[len(runs) // 2]


def serve(stack: ExitStack, site: Path, url: str | None) -> str:
    """The address of `site`: `url` if something serves it already, else nginx on its port."""
    if url:
        return url if url.endswith("/") else url + "/"
    port = built_port(site)
    with socket.socket() as sock:
        if sock.connect_ex(("127.0.0.1", port)) == 0:
            raise SystemExit(f"port {port}, which {site} was built for, is taken: stop that server")
    return stack.enter_context(NginxServer(site, port)).url


def audit(
    sites: dict[str, tuple[Path, str | None]],
    pages: dict[str, str],
    languages: list[str] | None,
    runs: int,
    tmp: Path,
) -> list:
    rows = []
    with ExitStack() as stack:
        urls = {label: serve(stack, site, url) for label, (site, url) in sites.items()}
        roots = {label: site for label, (site, _) in sites.items()}
        first = next(iter(roots.values()))
        for folder in language_folders(first):
            lang = folder.strip("/") or "en"
            if languages and lang not in languages:
                continue
            for page, path in pages.items():
                present = [
                    label for label, site in roots.items() if (site / folder / path / "index.html").is_file()
                ]
                reports: dict[str, list[dict]] = {label: [] for label in present}
                for i in range(runs):
                    for label in present:  # alternate, so before and after share the load
                        out = tmp / f"{label}-{i}.json"
                        reports[label].append(lighthouse(urls[label] + folder + path, out))
                rows.append((lang, page, reports))
                medians = {label: median_scores(r) for label, r in reports.items()}
                print(f"  {lang} {page}: {medians}", flush=True)
    return rows


def median_scores(runs: list[dict]) -> dict[str, int]:
    return {name: round(statistics.median(scores(r)[name] for r in runs)) for name in CATEGORIES}


def median_metrics(runs: list[dict]) -> str:
    values = [statistics.median(r["audits"][m]["numericValue"] for r in runs) for m in METRICS]
    return "FCP {:.0f} LCP {:.0f} TBT {:.0f} SI {:.0f} ms".format(*values)


def print_table(rows: list, labels: list[str], runs: int) -> None:
    print(f"\nLighthouse 13, mobile preset (simulated throttling), median of {runs} runs per page")
    head = "  ".join(f"{label:^23}" for label in labels)
    print(f"{'':26} {head}")
    cells = " ".join(f"{SHORT[c]:>5}" for c in CATEGORIES)
    print(f"{'page':26} " + "  ".join(f"{cells:23}" for _ in labels) + "   performance per run")
    for lang, page, reports in rows:
        line = f"{lang + ' ' + page:26} "
        for label in labels:
            score = median_scores(reports[label]) if label in reports else None
            line += (" ".join(f"{score[c]:5}" for c in CATEGORIES) if score else f"{'(no page)':>23}") + "  "
        per_run = {label: [scores(r)["performance"] for r in reports[label]] for label in reports}
        print(line + " " + "  ".join(f"{label} {values}" for label, values in per_run.items()))
    print()
    for lang, page, reports in rows:
        for label in labels:
            if label in reports:
                print(f"{lang} {page}, {label}: {median_metrics(reports[label])}")
                for fail in failing(median_report(reports[label])):
                    print(f"{'':4}- {fail}")


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", default="main", help="the commit to compare with (default: main)")
    parser.add_argument(
        "--site", action="append", default=[], metavar="LABEL=DIR[@URL]", help="audit built folders"
    )
    parser.add_argument("--pages", nargs="*", choices=list(PAGES), help="only these pages")
    parser.add_argument("--languages", nargs="*", help="only these languages (en, zh, ...)")
    args = parser.parse_args()
    if not LIGHTHOUSE.is_file():
        raise SystemExit(f"{LIGHTHOUSE} is missing: run `make audit` (it installs tools/reports/audit/)")
    pages = {name: PAGES[name] for name in args.pages} if args.pages else PAGES
    print(f"load at start: {uptime()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="kb-audit-") as name:
        tmp = Path(name)
        sites: dict[str, tuple[Path, str | None]] = {}
        for label, spec in (site.split("=", 1) for site in args.site):
            folder, _, url = spec.partition("@")
            sites[label] = (Path(folder).resolve(), url or None)
        if not sites:
            sites = {label: (folder, None) for label, folder in build_sites(args.before, tmp).items()}
        rows = audit(sites, pages, args.languages, args.runs, tmp)
    print_table(rows, list(sites), args.runs)
    print(f"\nload at end: {uptime()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
