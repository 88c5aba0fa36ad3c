"""The login-report analyser in Chromium, as a broker uses it: the sample, a hand-made file
dropped or chosen, the answers in both languages, the exports; and the file never leaves."""

from __future__ import annotations

import csv
import io

import pytest
from playwright.sync_api import Page, expect

from widgets import open_widget

EN = "reports/login-report/"
ZH = "zh/reports/login-report/"
HOSTILE = '<img src=x onerror="document.title=1">'
HAND_MADE = (
    "User Name\tPlatform\tLogin Time (EST)\r\n"
    f"{HOSTILE}\tTWS\t01/16/2026 09:30 PM EST\r\n"
    "zhang.wei\tMobile Trader\t2026-01-17 10:00:00\r\n"
    "zhang.wei\tTWS\t2026-03-08 02:30:00\r\n"
    "li.na\tTWS\t31/01/2026 09:00\r\n"
).encode("utf-8-sig")


def drop_file(page: Page, selector: str, name: str, data: bytes) -> None:
    """Drop a file on the zone as a reader drags one from the desktop."""
    transfer = page.evaluate_handle(
        """([name, bytes]) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([new Uint8Array(bytes)], name, { type: "text/csv" }));
            return transfer;
        }""",
        [name, list(data)],
    )
    page.locator(selector).dispatch_event("drop", {"dataTransfer": transfer})


def test_the_sample_in_english_with_both_downloads(page: Page, site_url: str):
    page.goto(site_url + EN)
    static = page.locator('.kbw[data-kbw="login-report"] .kbw-static')
    expect(static).to_contain_text("Sample report: synthetic data")  # the worked example, no JS needed
    live = open_widget(page, "login-report")
    live.get_by_role("button", name="Try it with a sample report").click()
    expect(live.locator(".kbw-sample-label")).to_contain_text("synthetic data with invented usernames")
    summary = live.locator(".kbw-summary")
    expect(summary).to_contain_text("Rows read: 2892 (2 skipped)")
    expect(summary).to_contain_text("Times shown in: UTC")  # the browser's zone (the test's is UTC)
    expect(summary).to_contain_text("Clients with no login: 4")
    expect(live.locator(".kbw-chart svg")).to_have_count(2)
    with page.expect_download() as sample:
        live.get_by_role("link", name="Download the sample").click()
    assert sample.value.suggested_filename == "login-report-sample.csv"
    assert open(sample.value.path(), "rb").read().startswith(b"Username,Application Type,Login Time\r\n")
    live.get_by_label("Show results in").select_option("Asia/Hong_Kong")
    expect(summary).to_contain_text("Times shown in: Asia/Hong_Kong")
    assert "zone=Asia%2FHong_Kong" in page.url or "zone=Asia/Hong_Kong" in page.url
    with page.expect_download() as export:
        live.get_by_role("link", name="Download the per-user table (CSV)").click()
    rows = list(csv.reader(io.StringIO(open(export.value.path(), encoding="utf-8-sig").read())))
    assert rows[0] == ["Username", "Logins", "First login", "Last login", "Application types"]
    assert len(rows) == 41 and rows[1][2].endswith("+08:00")


def test_a_hand_made_file_dropped_in_chinese_stays_text_and_stays_here(page: Page, site_url: str):
    page.goto(site_url + ZH)
    live = open_widget(page, "login-report")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(f"{request.method} {request.url}"))
    drop_file(page, '.kbw-live [data-drop="report"]', "logins.tsv", HAND_MADE)
    summary = live.locator(".kbw-summary")
    expect(summary).to_contain_text("读取行数：4（跳过 1 行）")
    expect(summary).to_contain_text("纽约时钟跳过或重复的时间（按较早的时差读取）：1")
    expect(live.locator(".kbw-skipped")).to_contain_text("第 5 行")
    users = live.locator("table").filter(has_text="首次登录")
    expect(users).to_contain_text(HOSTILE)  # shown as the text it is
    assert live.locator("img").count() == 0 and page.title() != "1"
    assert requests == [], f"the analysis made requests: {requests}"


def test_the_same_file_dropped_on_the_traditional_page_is_answered_in_traditional(page: Page, site_url: str):
    page.goto(site_url + "zh-hant/reports/login-report/")
    live = open_widget(page, "login-report")
    drop_file(page, '.kbw-live [data-drop="report"]', "logins.tsv", HAND_MADE)
    summary = live.locator(".kbw-summary")
    expect(summary).to_contain_text("讀取行數：4（跳過 1 行）")
    expect(summary).to_contain_text("紐約時鐘跳過或重複的時間（按較早的時差讀取）：1")
    expect(live.locator("table").filter(has_text="首次登入")).to_contain_text(HOSTILE)
    expect(live).not_to_contain_text("读取")  # Simplified


def test_columns_can_be_mapped_and_a_client_list_pasted(page: Page, site_url: str, tmp_path):
    page.goto(site_url + EN)
    live = open_widget(page, "login-report")
    report = tmp_path / "custom.csv"
    report.write_bytes(b"Who,Via,When\nann,TWS,2026-02-02 09:00:00\nben,TWS,2026-02-07 23:30:00\n")
    live.locator('input[name="report"]').set_input_files(str(report))
    expect(live.locator(".kbw-error")).to_contain_text("No column for the username was found")
    live.locator("details.kbw-columns summary").click()
    live.get_by_label("username", exact=True).select_option("Who")
    live.get_by_label("login time", exact=True).select_option("When")
    live.get_by_label("application type", exact=True).select_option("Via")
    expect(live.locator(".kbw-summary")).to_contain_text("Logins: 2; users: 2")
    live.get_by_label("Your client list", exact=False).fill("ann\nben\ncat\n")
    live.get_by_role("button", name="Apply").click()
    expect(live.locator(".kbw-inactive")).to_have_text("cat")
    summary = live.locator(".kbw-summary")
    expect(summary).to_contain_text("Outside business hours (weekends, or 22:00 to 06:00): 1")


# A reader quicker than Python: two columns picked and the client list typed before the first
# answer is drawn, the third column picked after. Each answer is computed from the fields as they
# were when its event was read; drawing an older one must not put back a value chosen since.
QUICK_READER = """async () => {
    const live = document.querySelector('.kbw[data-kbw="login-report"] .kbw-live');
    const field = (name) => live.querySelector(`[name="${name}"]`);
    const set = (name, value, event) => {
        field(name).value = value;
        field(name).dispatchEvent(new Event("input", { bubbles: true }));
        if (event) field(name).dispatchEvent(new Event("change", { bubbles: true }));
    };
    const drawn = new Promise((resolve) => new MutationObserver((_, watch) => {
        watch.disconnect();
        resolve();
    }).observe(live, { childList: true }));
    set("col_user", "Who", true);
    set("col_time", "When", true);
    set("clients", "ann\\ncat", false);
    await drawn;
    const seen = { time: field("col_time").value, clients: field("clients").value };
    set("col_app", "Via", true);
    return seen;
}"""


def test_an_answer_drawn_late_keeps_what_the_reader_chose_since(page: Page, site_url: str):
    page.goto(site_url + EN)
    live = open_widget(page, "login-report")
    report = b"Who,Via,When\nann,TWS,2026-02-02 09:00:00\n"
    live.locator('input[name="report"]').set_input_files(
        files=[{"name": "custom.csv", "mimeType": "text/csv", "buffer": report}]
    )
    expect(live.locator(".kbw-error")).to_contain_text("No column for the username was found")
    seen = page.evaluate(QUICK_READER)
    assert seen == {"time": "When", "clients": "ann\ncat"}  # not reset by the first answer
    expect(live.locator(".kbw-summary")).to_contain_text("Logins: 1; users: 1")
    expect(live.locator('select[name="col_time"]')).to_have_value("When")
    expect(live.locator('select[name="col_app"]')).to_have_value("Via")
    expect(live.locator('textarea[name="clients"]')).to_have_value("ann\ncat")
    live.get_by_role("button", name="Apply").click()
    expect(live.locator(".kbw-inactive")).to_have_text("cat")


def test_a_million_rows_show_progress_then_the_limit_and_the_tab_stays_usable(
    page: Page, site_url: str, tmp_path
):
    page.goto(site_url + EN)
    live = open_widget(page, "login-report")
    big = tmp_path / "million.csv"
    with big.open("w", newline="") as out:
        out.write("User,App,Time\n")
        line = "client{0:03d},TWS,2026-03-{1:02d} 09:{2:02d}:00\n"
        out.writelines(line.format(n % 500, 1 + n % 28, n % 60) for n in range(1_000_000))
    page.evaluate(
        """() => {
          window.__statuses = [];
          const status = document.querySelector('.kbw[data-kbw="login-report"] .kbw-status');
          new MutationObserver(() => window.__statuses.push(status.textContent))
            .observe(status, {childList: true, characterData: true, subtree: true});
        }"""
    )
    live.locator('input[name="report"]').set_input_files(str(big))
    page.locator("h1").click()  # the page answers while Python reads in its worker
    expect(live.locator(".kbw-error")).to_contain_text("more than 500,000 rows", timeout=120_000)
    statuses = page.evaluate("() => window.__statuses")
    assert any(text.startswith("Reading the file: 20,000 of about 1,000,001 rows") for text in statuses), (
        statuses
    )


def test_files_in_every_encoding_are_read_without_fetching_more_of_python(page: Page, site_url: str):
    """The site ships only the standard-library modules its widgets were seen to import; a codec
    missing from them would download the whole library mid-analysis (or fail offline)."""
    page.goto(site_url + EN)
    live = open_widget(page, "login-report")
    text = "用户名,平台,时间\r\nzhang.wei,TWS,2026-01-17 10:00:00\r\nli.na,TWS,2026-01-18 11:00:00\r\n"
    files = {
        "gb18030": text.encode("gb18030"),
        "big5": text.replace("用户名", "用戶名").replace("时间", "時間").encode("big5"),
        "cp1252": "User,Platform,Time\r\nrenée,TWS,2026-01-17 10:00:00\r\n".encode("cp1252"),
        "utf-16": text.encode("utf-16"),
    }
    for codec, data in files.items():
        drop_file(page, '.kbw-live [data-drop="report"]', f"{codec}.csv", data)
        expect(live.locator(".kbw-summary")).to_contain_text(f"Rows read: {1 if codec == 'cp1252' else 2} ")
        expect(
            live.locator("table").filter(has_text="li.na" if codec != "cp1252" else "renée")
        ).to_be_visible()
    # A worker's own requests are not reported to the page; the worker says when it fetched
    # the whole library (kbw-worker.mjs, fetchWhole).
    assert page.evaluate("window.kbwRuntimeInfo.fetched") is None


@pytest.mark.parametrize("strategy", ["snapshot", "normal"])
def test_a_start_from_the_snapshot_downloads_no_standard_library(page: Page, site_url: str, strategy: str):
    """The snapshot holds every standard-library module the widgets use (make_snapshot.mjs), so
    that start downloads none of the library, not even for this page's heaviest work: a file in
    a legacy encoding, read in New York time and shown in another zone. A normal start needs the
    core zip, which shows that the count below sees the worker's requests."""
    libraries: list[str] = []
    page.route(
        "**/pyodide/python_stdlib*.zip",
        lambda route: (libraries.append(route.request.url.rsplit("/", 1)[1]), route.continue_()),
    )
    page.add_init_script(f"window.KBW_START_STRATEGY = '{strategy}'")
    page.goto(site_url + EN + "?zone=Asia%2FHong_Kong")
    live = open_widget(page, "login-report")
    text = "用户名,平台,时间\r\nzhang.wei,TWS,2026-03-08 01:30:00\r\nli.na,TWS,2026-03-09 11:00:00\r\n"
    drop_file(page, '.kbw-live [data-drop="report"]', "gb.csv", text.encode("gb18030"))
    summary = live.locator(".kbw-summary")
    expect(summary).to_contain_text("Rows read: 2 ")
    expect(summary).to_contain_text("Times shown in: Asia/Hong_Kong")
    expect(live.locator("table").filter(has_text="zhang.wei")).to_contain_text("2026-03-08 14:30")
    assert page.evaluate("window.kbwRuntimeInfo.snapshot") is (strategy == "snapshot")
    # The worker's own, counted download of the library (the progress line's bytes) ended.
    phases = page.evaluate("window.kbwRuntimeInfo.phases")
    assert ("stdlib downloaded" in phases) is (strategy == "normal")
    assert libraries == ([] if strategy == "snapshot" else ["python_stdlib.zip"])
