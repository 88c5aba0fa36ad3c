"""Serve each bundle of kbsite.bundles as one file: the build writes the joined sources and does
not copy the sources themselves (theme files, from overrides/)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from hooks import order
from kbsite.bundles import build_bundles, sources


@event_priority(order.AFTER_I18N)  # static-i18n passes theme files through; add ours after it
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    theme = Path(str(config.theme.custom_dir))

    def read(source: str) -> str:
        try:
            return (theme / source).read_text(encoding="utf-8")
        except OSError as error:
            raise PluginError(
                f"kbsite/bundles.py names {theme / source}, which cannot be read: {error}"
            ) from None

    bundles = build_bundles(read)
    parts = sources()
    for file in list(files):
        if file.src_uri in parts or file.src_uri in bundles:
            files.remove(file)
    for target, text in bundles.items():
        files.append(File.generated(config, target, content=text))
    return files
