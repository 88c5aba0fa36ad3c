"""What every widget provides, and the registry the build, the browser and the CLI share.

A widget is plain Python with three jobs:

- `fallback(lang, env)`: the static view rendered into the page at build time (complete
  without JavaScript: a table, a list, or the default answer);
- `update(state, event, env)`: fold one reader event (a changed field, a pressed button, a
  dropped file) into the widget's state, a JSON-able dict;
- `view(state, lang, env)`: the live view for that state.

State round-trips through the URL query string (`to_query` / `from_query`) so that a copied
link reproduces what the reader sees. The browser runtime is only transport: it sends events,
receives views and draws them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import Any, ClassVar

from kbwidgets.engine.view import ViewNode


@dataclass(frozen=True)
class Env:
    """Facts about the reader's browser that a widget may use; never decisions."""

    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    tz_offset_minutes: int = 0  # minutes east of UTC now, e.g. +480 for Beijing
    zone: str = ""  # the browser's IANA zone, "America/New_York": its rules give past offsets
    instance: str = "kbw"  # prefix for element ids, unique per widget on a page
    base: str = ""  # relative URL from the page to its language's home ("../../"), for links
    page: str = ""  # the page's own path from that home ("tws/memory-allocation/"): no self-links
    # Long work (a 100,000-row file) reports (done, total) through this, so the page can show
    # progress while Python runs in the worker; None in the build and the CLI.
    progress: Callable[[int, int], None] | None = field(default=None, compare=False, repr=False)

    @property
    def tz(self) -> tzinfo:
        """The reader's zone with its daylight-saving rules, or the bare offset when unknown."""
        from kbwidgets.rules.zones import reader_zone  # rules import the engine, not back

        return reader_zone(self.zone, self.tz_offset_minutes)

    def id(self, name: str) -> str:
        return f"{self.instance}-{name}"


class Widget:
    """Base class: subclasses set `name` and override what they need (marked `@override`).

    The defaults below ignore some of their arguments on purpose: they are the extension points'
    signatures, which a widget that needs them fills in.
    """

    name: ClassVar[str] = ""
    max_upload_bytes: ClassVar[int] = 0  # >0 when the widget accepts files
    interactive: ClassVar[bool] = True  # False: only the build-time view, no live version
    # Pyodide packages beyond kbwidgets that the live version needs, loaded by the page only
    # where such a widget is (tzdata: zone data for zoneinfo, for widgets that read dates in a
    # zone's rules). Without them the widget must still work, as it does without zone data.
    packages: ClassVar[tuple[str, ...]] = ()

    def fallback(self, lang: str, env: Env) -> ViewNode:
        raise NotImplementedError

    def initial_state(self) -> dict[str, Any]:
        return {}

    def update(self, state: dict[str, Any], event: dict[str, Any], env: Env) -> dict[str, Any]:  # noqa: ARG002
        """Default: every named field's value is stored in the state under its name."""
        values = event.get("values") or {}
        return {**state, **{k: v for k, v in values.items() if isinstance(v, str | bool)}}

    def view(self, state: dict[str, Any], lang: str, env: Env) -> ViewNode:
        raise NotImplementedError

    def warm(self) -> None:
        """Run the widget's slow paths once, at build time, before the start-up snapshot is
        taken (kbwidgets.entrypoints.browser.warm_up): a reader's first answer then finds them
        compiled and cached. Default: nothing beyond starting the widget."""

    def prepare(self, env: Env) -> None:
        """Run in the reader's browser once the live version is shown, while the reader reads or
        picks a file: load what the first real answer needs (zone data, which the start-up
        snapshot cannot hold) and run its paths once, so that they are compiled by then.
        Default: nothing."""

    def announce(self, state: dict[str, Any], lang: str) -> str | None:  # noqa: ARG002
        """A sentence for screen readers after an event (e.g. the new question), or None."""
        return None

    def to_query(self, state: dict[str, Any], env: Env) -> dict[str, str]:  # noqa: ARG002
        """What of the state goes into the address, so a copied link reproduces the view."""
        return {}

    def from_query(self, query: dict[str, str], env: Env) -> dict[str, Any]:  # noqa: ARG002
        """The state a link describes (every value checked: a link is untrusted input)."""
        return self.initial_state()


_REGISTRY: dict[str, Widget] = {}


def register(widget_class: type[Widget]) -> type[Widget]:
    """Class decorator: make the widget available by its `name`."""
    if not widget_class.name or widget_class.name in _REGISTRY:
        raise ValueError(f"widget name missing or taken: {widget_class.name!r}")
    _REGISTRY[widget_class.name] = widget_class()
    return widget_class


def registry() -> dict[str, Widget]:
    """Every widget, by name (importing the widget modules registers them)."""
    from kbwidgets.widgets import MODULES

    for name in MODULES:
        get_widget(name)
    return dict(_REGISTRY)


def get_widget(name: str) -> Widget:
    """The widget called `name`, importing only its own module; KeyError if there is none."""
    from kbwidgets.widgets import MODULES

    if name not in _REGISTRY:
        if name not in MODULES:
            raise KeyError(name)
        importlib.import_module(MODULES[name])
    return _REGISTRY[name]
