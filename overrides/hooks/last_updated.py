"""When each page was last updated: from git, or from its `last_reviewed` front matter.

One `git log` over docs/ per build gives every file's last commit date (one process, not one per
file, so it stays fast with thousands of articles). A build from a tarball, without git history,
falls back to `last_reviewed`, and never fails for the lack of git. The date is shown at the end
of the article in the reader's language and written to the sitemap as `lastmod`.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from _i18n import current_language
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kbwidgets.texts import t

_commit_dates: dict[str, dt.date] = {}


def git_dates(docs_dir: Path) -> dict[str, dt.date]:
    """{path relative to docs_dir: date of the last commit touching it}; {} without git."""
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=docs_dir,
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout.strip()
        log = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--", "."],
            cwd=docs_dir,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    prefix = docs_dir.resolve().relative_to(Path(top).resolve()).as_posix() + "/"
    dates: dict[str, dt.date] = {}
    for block in log.split("\x00")[1:]:
        day, *names = block.strip().split("\n")
        for name in filter(None, names):
            dates.setdefault(name.removeprefix(prefix), dt.date.fromisoformat(day))
    return dates


def updated_on(src_uri: str, meta: dict) -> dt.date | None:
    reviewed = meta.get("last_reviewed")
    committed = _commit_dates.get(src_uri)
    candidates = [d for d in (committed, reviewed) if isinstance(d, dt.date)]
    return max(candidates) if candidates else None


def format_day(day: dt.date, lang: str) -> str:
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {day:%B} {day.year}"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _commit_dates.clear()
    _commit_dates.update(git_dates(Path(config.docs_dir)))
    return config


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    day = updated_on(page.file.src_uri, page.meta)
    if day is not None:
        page.meta["kb_updated"] = day.isoformat()
        context["kb_updated"] = t(
            "page.updated", current_language(config), date=format_day(day, current_language(config))
        )
    return context
