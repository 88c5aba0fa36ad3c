"""Served by nginx as deployed, under the strict Content-Security-Policy: zero violations while a
reader searches, switches language and uses every widget, in each language; and the headers a
careful host sends are all there."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import Page, expect

from kbsite.hosting import CONTENT_SECURITY_POLICY

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const where = `${e.sourceFile}:${e.lineNumber}`;
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI || "inline"} ${where}`);
});
"""
WIDGET_PAGES = {
    "secure-login/system-access-help/": "access-assistant",
    "tws/memory-allocation/": "tws-memory",
    "tws/connectivity/": "connectivity-troubleshooter",
    "tws/settings-download-failed/": "settings-download-troubleshooter",
}
SEARCH = {"": ("memory", "Increase the memory"), "zh/": ("内存", "内存")}


def _violations(page: Page) -> list[str]:
    return page.evaluate("window.__violations")


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_search_language_switch_and_every_widget_work_with_no_violation(page: Page, site_url: str, lang: str):
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(site_url + lang)
    query, expected = SEARCH[lang]
    page.keyboard.press("/")
    page.locator(".md-search__input").fill(query)
    expect(page.locator(".md-search-result__item").first).to_contain_text(expected, timeout=15_000)
    assert _violations(page) == []
    for path, name in WIDGET_PAGES.items():
        page.goto(site_url + lang + path)
        widget = page.locator(f'.kbw[data-kbw="{name}"]')
        widget.hover()
        expect(widget.locator(".kbw-live")).to_be_visible(timeout=30_000)
        widget.locator(".kbw-live button, .kbw-live input").first.focus()
        assert _violations(page) == [], path
    other = page.locator("a[data-kb-switch]:not([aria-current])").first
    with page.expect_navigation():
        other.dispatch_event("click")
    assert _violations(page) == []


def _headers(url: str, encodings: str = "br, gzip") -> tuple[int, dict[str, str]]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encodings})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


def test_every_response_carries_the_security_headers(site_url: str):
    for path in ("", "zh/tws/memory-allocation/", "no-such-page/", "pyodide/runtime.json"):
        _, headers = _headers(site_url + path)
        assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY, path
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert "camera=()" in headers["Permissions-Policy"]


def test_webassembly_is_sent_precompressed_with_its_type(site_url: str):
    status, headers = _headers(site_url + "pyodide/pyodide.asm.wasm")
    assert status == 200 and headers["Content-Type"] == "application/wasm"
    assert headers["Content-Encoding"] == "br" and headers["Cache-Control"] == "no-cache"


def test_a_browser_without_brotli_gets_the_large_runtime_files_gzipped(built_site, site_url: str):
    """Plain-HTTP readers (browsers send brotli only over HTTPS): the build keeps no gzip copy of
    files over 1 MB (kbsite.precompress), so nginx must gzip them itself, not send 12 MB raw."""
    for name in ("pyodide.asm.wasm", "snapshot.bin", "python_stdlib.zip"):
        if not (built_site.root / "pyodide" / name).is_file():
            continue  # no snapshot without Node at build time
        request = urllib.request.Request(site_url + "pyodide/" + name, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.headers["Content-Encoding"] == "gzip", name
            body = gzip.decompress(response.read())
        assert body == (built_site.root / "pyodide" / name).read_bytes(), name


def test_hashed_assets_are_cached_for_a_year_and_pages_revalidated(built_site, site_url: str):
    bundle = next((built_site.root / "assets" / "javascripts").glob("bundle.*.min.js")).name
    _, headers = _headers(site_url + f"assets/javascripts/{bundle}")
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert _headers(site_url)[1]["Cache-Control"] == "no-cache"


def test_no_directory_is_listed_and_missing_pages_get_their_languages_404(site_url: str):
    for path in ("pyodide/", "assets/", "assets/javascripts/"):
        assert _headers(site_url + path)[0] == 404, path
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(site_url + "zh/no-such-page/", timeout=10)
    assert missing.value.code == 404 and 'lang="zh-Hans"' in missing.value.read().decode("utf-8")


def test_a_malformed_request_is_refused_with_a_4xx(site_url: str):
    assert 400 <= _headers(site_url + "index.html%00.txt")[0] < 500
