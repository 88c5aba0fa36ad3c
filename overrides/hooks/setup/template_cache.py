"""Keep compiled page templates between builds (`.cache/jinja/`).

`mkdocs serve` starts every rebuild from a fresh Jinja environment, so Material's many templates
were compiled again on each save (about half a second). Jinja's bytecode cache keys each entry
by the template's source, so an edited template is recompiled and nothing goes stale.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig


def on_env(env: Environment, *, config: MkDocsConfig, **_: object) -> Environment:
    folder = Path(config.config_file_path).parent / ".cache" / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env
