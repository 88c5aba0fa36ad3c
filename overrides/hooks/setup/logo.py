"""The logo icon as a file (kbsite.logo), which partials/logo.html and theme.css use. Nothing to
do when mkdocs.yml gives an image (`theme.logo`): Material's <img> is already a file."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from hooks import order
from kbsite.logo import DEFAULT_ICON, FILE, logo_icon


@event_priority(order.AFTER_I18N)  # static-i18n passes theme files through; add ours after it
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if config.theme.get("logo"):
        return files
    name = (config.theme.get("icon") or {}).get("logo") or DEFAULT_ICON
    try:
        files.append(File.generated(config, FILE, content=logo_icon(config.theme.dirs, name)))
    except ValueError as error:
        raise PluginError(str(error)) from None
    return files
