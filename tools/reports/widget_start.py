"""Widget start strategies for `make bench` (tools/reports/bench_widgets.py): bytes transferred and
intent -> first answer for each start strategy, on the fast local link and throttled to a roaming
phone's 1.6 Mbps / 150 ms, for this tree and for the site as BASELINE_COMMIT built it, both in
the same run; and where the time of a local cold start goes, step by step.

Bytes are counted by the server (tools/dev/serve_site.py, `SiteServer.sent`): what it wrote to
the socket after the reader's first intent (status line, headers, body as sent, so compressed
where it was). A browser cache hit never reaches the server and counts 0; a revalidation answered
304 counts its headers (about 700 B). Playwright's `request.sizes()`, used before, counted each
cache hit with its full body (18.1 MB for a 12.8 MB start), and throttling through the page's
DevTools session does not report the worker's requests there at all.

Service workers are blocked in these runs: the offline precache of the pages would otherwise
download during the measurement (the runtime's requests take the same bytes through it).
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from playwright.sync_api import Browser, Page

if TYPE_CHECKING:
    from tools.dev.serve_site import SiteServer

# The last commit before issue 20's start work (parallel downloads, streaming compile, brotli
# snapshot and standard library): "today's" start, built and measured in the same run.
BASELINE_COMMIT = "6302b6f"
PAGE = "tws/memory-allocation/"
WIDGET = '.kbw[data-kbw="memory-units"]'
SETTLE_SECONDS = 1.0  # pause before each run, so the previous one has finished its background work
SLOW = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 0.75e6 / 8}
STRATEGIES = ("auto", "snapshot", "normal")

# Installed before any page script (this bench's and bench_widgets'): when the reader first
# points at a widget, when the live widget (Python's first view) is drawn, and when the first
# answer after a submitted form is.
TIMING_SCRIPT = """
window.__kbwBench = {};
document.addEventListener("pointerover", (e) => {
  const b = window.__kbwBench;
  if (e.target.closest && e.target.closest(".kbw") && !b.intent) b.intent = performance.now();
}, true);
document.addEventListener("submit", () => { window.__kbwBench.submit = performance.now(); }, true);
new MutationObserver(() => {
  const b = window.__kbwBench;
  const lives = [...document.querySelectorAll(".kbw-live")];
  if (!b.live && lives.some((l) => !l.hidden && l.childElementCount)) b.live = performance.now();
  if (b.submit && !b.answer && document.querySelector(".kbw-answer")) b.answer = performance.now();
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ["hidden"]});
"""


@dataclass
class Start:
    ms: float
    sent: int
    snapshot: bool
    steps: dict[str, float] = field(default_factory=dict)  # step -> ms after the intent


def wait_for(page: Page, condition: str, seconds: float) -> None:
    """Poll `condition` (wait_for_function uses eval, which the site's CSP forbids)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(f"() => Boolean({condition})"):
        if time.monotonic() > deadline:
            raise TimeoutError(condition)
        time.sleep(0.02)


def one_start(browser: Browser, server: SiteServer, strategy: str, slow: bool) -> Start:
    context = browser.new_context(service_workers="block")
    context.add_init_script(TIMING_SCRIPT)
    context.add_init_script(f"window.KBW_START_STRATEGY = {strategy!r}")
    page = context.new_page()
    page.goto(server.url + PAGE, wait_until="networkidle")
    if slow:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW)
    time.sleep(0.2)
    server.sent.clear()
    page.locator(WIDGET).hover()
    wait_for(page, "window.__kbwBench.live && window.__kbwBench.intent", 400)
    info = page.evaluate(
        """() => ({ms: window.__kbwBench.live - window.__kbwBench.intent,
                   intent: window.__kbwBench.intent, live: window.__kbwBench.live,
                   runtime: window.kbwRuntimeInfo || {}})"""
    )
    time.sleep(0.3)  # the last bytes' accounting
    sent = sum(server.sent.values())
    context.close()
    runtime = info["runtime"]
    steps: dict[str, float] = {}
    if "phases" in runtime:  # this tree's worker reports its steps (kbw-worker.mjs)
        start = runtime["origin"] - info["intent"]
        steps["worker started (runtime.json read, worker loaded)"] = start
        for name, at in runtime["phases"].items():
            steps[name] = start + at
        steps["first answer drawn"] = info["live"] - info["intent"]
        steps["(first call in Python, ms)"] = runtime.get("firstCallMs", 0)
    return Start(info["ms"], sent, bool(runtime.get("snapshot")), steps)


def _summary(starts: list[Start]) -> str:
    megabytes = statistics.median(s.sent for s in starts) / 1e6
    ms = statistics.median(s.ms for s in starts)
    how = "+".join(sorted({"snapshot" if s.snapshot else "normal" for s in starts}))
    return f"{megabytes:5.2f} MB {ms:7.0f} ms  {how:15s}"


def compare(browser: Browser, ours: SiteServer, before: SiteServer, runs: int, slow_runs: int) -> list[str]:
    """The strategy table, this tree against BASELINE_COMMIT, runs interleaved, and the local
    cold start's steps (medians of the local "auto" runs)."""
    lines = [
        "  start strategies, medians (bytes the server sent after the intent; intent -> first answer)",
        f"  {'profile':16s} {'strategy':9s} {'this tree':33s} {'before (' + BASELINE_COMMIT + ')':33s}",
    ]
    local_auto: list[Start] = []
    for slow, count in ((False, runs), (True, slow_runs)):
        for strategy in STRATEGIES:
            results: dict[str, list[Start]] = {"ours": [], "before": []}
            for _ in range(count):
                for name, server in (("ours", ours), ("before", before)):
                    time.sleep(SETTLE_SECONDS)
                    results[name].append(one_start(browser, server, strategy, slow))
            if not slow and strategy == "auto":
                local_auto = results["ours"]
            profile = "1.6 Mbps/150 ms" if slow else "local"
            runs_ms = ", ".join(f"{s.ms:.0f}" for s in results["ours"])
            lines.append(
                f"  {profile:16s} {strategy:9s} {_summary(results['ours'])} {_summary(results['before'])}"
                f"  (runs: {runs_ms})"
            )
    lines.append("  local cold start, auto, step by step: ms after the intent (median of the runs above)")
    for name in local_auto[0].steps if local_auto else ():
        values = [s.steps[name] for s in local_auto if name in s.steps]
        lines.append(f"    {statistics.median(values):7.0f}  {name}")
    return lines
