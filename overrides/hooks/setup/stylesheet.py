"""Each page links one stylesheet (kbsite.stylesheet): Material's two and ours, joined under a
name of their content. The parts are not copied into the site; main.html links the joined
file by the template global `kb_stylesheet`."""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from hooks import order
from kbsite.stylesheet import StylesheetError, file_name, join, joined_name, parts, source_maps


@event_priority(order.AFTER_THEME_FILES)  # strict_csp has rewritten Material's icons by now
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    by_uri = {file.src_uri: file for file in files}
    try:
        joined = parts(by_uri)
    except StylesheetError as error:
        raise PluginError(str(error)) from None
    text = join([by_uri[part].content_string for part in joined])
    for uri in [*joined, *source_maps(by_uri, joined)]:
        files.remove(by_uri[uri])
    files.append(File.generated(config, file_name(text), content=text))
    return files


def on_env(env: Environment, *, files: Files, **_: object) -> Environment:
    try:
        env.globals["kb_stylesheet"] = joined_name(file.src_uri for file in files)
    except StylesheetError as error:
        raise PluginError(str(error)) from None
    return env
