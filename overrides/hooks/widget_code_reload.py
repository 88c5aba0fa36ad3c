"""Under `make serve`, use the widgets' edited Python code without restarting the server.

mkdocs imports the hooks once per process, and the hooks import `kbwidgets` (the static
version of each widget is rendered by the widget's own Python). Text and tree edits were picked
up on every save, but an edit to a widget's `.py` file was not: the page kept the old static
version until the server was restarted. Before each rebuild, this hook checks the package's
`.py` files; if one changed, it imports `kbwidgets` afresh and points the hooks' names
(`from kbwidgets.engine.texts import t`, ...) at the new objects. The wheel and snapshot the browser
runs are remade from the sources anyway (widget_runtime.py), and dirty_widget_pages.py re-renders
the pages that embed a widget.

If the edited code does not import (a syntax error, say), the build stops with the file and
line, the previous code stays loaded, and the next save tries again. `mkdocs build` starts a
new process every time, so there the hook does nothing.
"""

from __future__ import annotations

import importlib
import sys
import traceback
from pathlib import Path
from types import ModuleType

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

PACKAGE = "kbwidgets"
_PLAIN_VALUES = (str, bytes, int, float, bool, tuple, frozenset, type(None))
_serving = False
_loaded: dict[Path, float] = {}  # .py file -> its modification time when last imported


def _sources() -> dict[Path, float]:
    root = Path(importlib.import_module(PACKAGE).__file__).parent
    return {path: path.stat().st_mtime for path in sorted(root.rglob("*.py"))}


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"
    _loaded.update(_sources())


@event_priority(100)  # before any other hook uses kbwidgets in this build
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not _serving:
        return config
    current = _sources()
    if current == _loaded:
        return config
    reload_package(list(config.hooks.values()))
    _loaded.clear()
    _loaded.update(_sources())
    return config


def reload_package(users: list[ModuleType]) -> None:
    """Import `kbwidgets` afresh and rebind the names that `users` imported from it."""
    old = {name: module for name, module in sys.modules.items() if _in_package(name)}
    for name in old:
        del sys.modules[name]
    try:
        importlib.import_module(PACKAGE)
        for name in old:  # submodules the package itself does not import
            importlib.import_module(name)
    except Exception as error:
        for name in [name for name in sys.modules if _in_package(name)]:
            del sys.modules[name]
        sys.modules.update(old)
        message = f"{_where(error)} (the widget code does not import; the previous code stays loaded)"
        raise PluginError(message) from None
    for user in users:
        _rebind(vars(user), old)


def _in_package(name: str) -> bool:
    return name == PACKAGE or name.startswith(PACKAGE + ".")


def _rebind(namespace: dict[str, object], old: dict[str, ModuleType]) -> None:
    """Point each name in `namespace` that holds an old module, or an object found in one (under
    any name: `from kbwidgets.engine.texts import t as text` too), at its new counterpart."""
    origin: dict[int, tuple[str, str]] = {}
    for module_name, module in old.items():
        for attribute, value in vars(module).items():
            if not isinstance(value, _PLAIN_VALUES):
                origin.setdefault(id(value), (module_name, attribute))
    for name, value in list(namespace.items()):
        if isinstance(value, ModuleType):
            if value.__name__ in old:
                namespace[name] = sys.modules[value.__name__]
        elif not isinstance(value, _PLAIN_VALUES) and id(value) in origin:
            module_name, attribute = origin[id(value)]
            if hasattr(sys.modules[module_name], attribute):
                namespace[name] = getattr(sys.modules[module_name], attribute)


def _where(error: Exception) -> str:
    if isinstance(error, SyntaxError):
        return f"{error.filename}:{error.lineno}: {error.msg}"
    frame = traceback.extract_tb(error.__traceback__)[-1]
    return f"{frame.filename}:{frame.lineno}: {type(error).__name__}: {error}"
