"""The widgets, by name, and the module that defines each.

Modules are imported on demand: a page in the browser imports only the widgets it shows,
which keeps Python's start-up short. The build imports them all (see kbwidgets.engine.widget).
"""

from __future__ import annotations

MODULES: dict[str, str] = {
    "memory-units": "kbwidgets.widgets.memory_units",
    "access-assistant": "kbwidgets.widgets.access_assistant",
    "tws-memory": "kbwidgets.widgets.tws_memory",
    "connectivity-troubleshooter": "kbwidgets.widgets.troubleshooters",
    "settings-download-troubleshooter": "kbwidgets.widgets.troubleshooters",
    "tree-overview": "kbwidgets.widgets.tree_overview",
    "login-report": "kbwidgets.widgets.login_report",
}
