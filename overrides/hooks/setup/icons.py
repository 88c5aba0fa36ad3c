"""The icons of our partials as files (kbsite.icons), which the partials' empty icon elements
and theme.css use."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from hooks import order
from kbsite.icons import icon_files


@event_priority(order.AFTER_I18N)  # static-i18n passes theme files through; add ours after it
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    try:
        icons = icon_files(config.theme.dirs, config.theme.get("icon") or {})
    except ValueError as error:
        raise PluginError(str(error)) from None
    for target, text in icons.items():
        files.append(File.generated(config, target, content=text))
    return files
