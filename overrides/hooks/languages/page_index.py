"""Build each language's page index once, right after static-i18n has chosen its pages.

Every other hook reads it (hooks.site_index). The last-commit dates come from one `git log`
per build, read in the `config` step (kbsite.gitdates).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from hooks import converted, i18n, order, site_index
from kbsite import SiteError
from kbsite.gitdates import git_dates
from kbsite.pages import SourceFile, build_index

_commit_dates: dict[str, dt.date] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _commit_dates.clear()
    _commit_dates.update(git_dates(Path(config.docs_dir)))
    return config


def _source(file: File, lang: str, docs_dir: Path) -> SourceFile:
    alternates = getattr(file, "alternates", {}) or {}
    conversion = converted.conversion_of(file.src_uri)
    return SourceFile(
        src_uri=file.src_uri,
        url=i18n.url_path(file),
        path=docs_dir / (conversion.source if conversion else file.src_uri),
        written_in=i18n.written_in(file, lang),
        is_index=file.name == "index",
        alternates={
            code: (i18n.url_path(twin), i18n.written_in(twin, code)) for code, twin in alternates.items()
        },
        converted_text=file.content_string if conversion else None,
    )


@event_priority(order.AFTER_I18N)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    lang = i18n.current_language(config)
    converted.restore_content(files, config)  # static-i18n's new Files lost the converted text
    docs_dir = Path(config.docs_dir)
    sources = [_source(file, lang, docs_dir) for file in files.documentation_pages()]
    try:
        index = build_index(lang, i18n.languages(config), sources, _commit_dates, Path(config.docs_dir))
    except SiteError as error:
        raise PluginError(str(error)) from None
    site_index.publish(index)
    return files
