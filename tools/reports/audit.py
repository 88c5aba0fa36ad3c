"""Lighthouse report (`make audit`): scores and failing audits, a report rather than a test.

Builds the site, serves it as a production host would (gzip, MIME types) on 127.0.0.1 and runs
Lighthouse 13 (mobile preset, Debian's Chromium) on the home page, a plain article and an
article with widgets, in both languages. Scores under simulated throttling move with the load
of the machine, so each page is run several times and the median run is reported.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tools.dev.chromium import PATH as CHROMIUM
from tools.dev.site_build import served_site

LIGHTHOUSE = Path(__file__).resolve().parent / "audit" / "node_modules" / ".bin" / "lighthouse"
PAGES = {
    "home": "",
    "plain article": "reports/login-report/",
    "article with widgets": "tws/memory-allocation/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-background-networking --disable-component-update"


def lighthouse(url: str, out: Path) -> dict:
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
        ],
        check=True,
        env=env,
        capture_output=True,
        timeout=600,
    )
    return json.loads(out.read_text("utf-8"))


def scores(report: dict) -> dict[str, int]:
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def failing(report: dict) -> list[str]:
    out = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                out.append(
                    f"{name}: {ref['id']} ({audit['score']:.2f}) {audit.get('displayValue', '')}".rstrip()
                )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = []
    with served_site() as site_url, tempfile.TemporaryDirectory() as tmp:
        for lang, prefix in (("en", ""), ("zh", "zh/")):
            for label, path in PAGES.items():
                runs = [
                    lighthouse(site_url + prefix + path, Path(tmp) / f"run{i}.json") for i in range(args.runs)
                ]
                runs.sort(key=lambda r: sum(scores(r).values()))
                median = runs[len(runs) // 2]
                perf_runs = [scores(r)["performance"] for r in runs]
                rows.append((lang, label, scores(median), perf_runs, failing(median)))
                print(f"  {lang} {label}: {scores(median)}", flush=True)
    print(f"\nLighthouse 13, mobile preset, median of {args.runs} runs per page")
    print(f"{'page':28} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}   performance in each run")
    for lang, label, score, perf_runs, fails in rows:
        print(
            f"{lang + ' ' + label:28} {score['performance']:5} {score['accessibility']:5} "
            f"{score['best-practices']:5} {score['seo']:5}   {perf_runs}"
        )
        for fail in fails:
            print(f"{'':30}- {fail}")
    worst = min(min(score.values()) for _, _, score, _, _ in rows)
    print(
        f"\nlowest score: {worst} (median performance across pages: "
        f"{statistics.median(s['performance'] for _, _, s, _, _ in rows)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
