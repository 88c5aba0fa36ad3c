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
new process every time, so there the hook does nothing. Switch: KB_PATCH_WIDGET_CODE_RELOAD=0.
"""

from __future__ import annotations

import importlib
import sys
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from hooks import order
from hooks.patches.guard import Patch

PATCH = Patch(
    "widget_code_reload",
    package="mkdocs",
    versions=">=1.6,<1.7",
    changes="the namespaces of the hook modules mkdocs has loaded (config.hooks)",
)
PACKAGES = ("kbsite", "kbwidgets")
_PLAIN_VALUES = (str, bytes, int, float, bool, tuple, frozenset, type(None))
_serving = False
_loaded: dict[Path, float] = {}  # .py file -> its modification time when last imported


def _sources() -> dict[Path, float]:
    found: dict[Path, float] = {}
    for package in PACKAGES:
        root = Path(str(importlib.import_module(package).__file__)).parent
        found |= {path: path.stat().st_mtime for path in sorted(root.rglob("*.py"))}
    return found


def on_startup(*, command: str, **_: object) -> None:
    global _serving
    _serving = command == "serve"
    _loaded.update(_sources())


@event_priority(order.BEFORE_ALL)  # before any other hook uses the packages in this build
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not _serving or not PATCH.enabled():
        return config
    if not hasattr(config, "hooks"):
        raise PATCH.error("mkdocs' config has no `hooks` (the loaded hook modules) any more")
    current = _sources()
    if current == _loaded:
        return config
    loaded: Any = config.hooks  # {path in mkdocs.yml: module} at run time
    reload_packages([*loaded.values(), *_shared_hook_modules()])
    _loaded.clear()
    _loaded.update(_sources())
    return config


def _shared_hook_modules() -> list[ModuleType]:
    """The `hooks` package's own modules (site_index, i18n...), which hold kbsite names too."""
    return [module for name, module in sys.modules.items() if name == "hooks" or name.startswith("hooks.")]


def reload_packages(users: list[ModuleType]) -> None:
    """Import kbsite and kbwidgets afresh and rebind the names that `users` imported from them."""
    old = {name: module for name, module in sys.modules.items() if _in_package(name)}
    for name in old:
        del sys.modules[name]
    try:
        for package in PACKAGES:
            importlib.import_module(package)
        for name in old:  # submodules the package itself does not import
            importlib.import_module(name)
    except Exception as error:
        for name in [name for name in sys.modules if _in_package(name)]:
            del sys.modules[name]
        sys.modules.update(old)
        message = f"{_where(error)} (the code does not import; the previous code stays loaded)"
        raise PluginError(message) from None
    for user in users:
        _rebind(vars(user), old)


def _in_package(name: str) -> bool:
    return any(name == package or name.startswith(package + ".") for package in PACKAGES)


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
