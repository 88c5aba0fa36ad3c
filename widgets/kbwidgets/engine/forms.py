"""Form controls, built in one place so every widget's fields look and behave alike.

Every control is labelled (a `<label for>` or a `<legend>`), carries an id with the widget's
prefix (`env.id`), and is plain view data: the same function serves the build and the browser.
"""

from __future__ import annotations

from collections.abc import Iterable

from kbwidgets.engine.view import ViewNode, h
from kbwidgets.engine.widget import Env


def text_input(env: Env, name: str, value: str, **attrs: str | int | bool | None) -> ViewNode:
    """A one-line text input named `name`, with no browser autocomplete (typed facts, not forms)."""
    return h(
        "input",
        {"type": "text", "id": env.id(name), "name": name, "value": value, "autocomplete": "off", **attrs},
    )


def text_field(
    env: Env,
    name: str,
    label: str,
    value: str,
    *,
    hint: str | None = None,
    described_by: str | None = None,
    **attrs: str | int | bool | None,
) -> ViewNode:
    """A labelled text input; `hint` is shown under it and read out with it."""
    hint_id = env.id(f"{name}-hint") if hint else described_by
    return h(
        "p",
        {"class": "kbw-field"},
        h("label", {"for": env.id(name)}, label),
        text_input(env, name, value, **attrs, **{"aria-describedby": hint_id}),
        h("small", {"id": hint_id, "class": "kbw-help"}, hint) if hint else None,
    )


def choice(
    env: Env, kind: str, group: str, value: str, label: str, *, checked: bool, inline: bool = True
) -> ViewNode:
    """One radio button (named `group`, valued `value`) or checkbox (named `<group>_<value>`)."""
    control_id = env.id(f"{group}-{value}")
    attrs: dict[str, str] = {"type": "radio", "name": group, "value": value}
    if kind == "checkbox":
        attrs = {"type": "checkbox", "name": f"{group}_{value}"}
    return h(
        "span" if inline else "div",
        {"class": "kbw-choice"},
        h("input", {**attrs, "id": control_id, "checked": checked}),
        h("label", {"for": control_id}, label),
    )


def choice_group(
    env: Env,
    kind: str,
    group: str,
    legend: str,
    options: Iterable[tuple[str, str]],
    checked: Iterable[str],
) -> ViewNode:
    """A row of radio buttons or checkboxes under a legend; `options` are (value, label) pairs."""
    on = set(checked)
    return h(
        "fieldset",
        {"class": "kbw-inline"},
        h("legend", {}, legend),
        *(choice(env, kind, group, value, label, checked=value in on) for value, label in options),
    )


def button(
    label: str,
    *,
    action: str | None = None,
    primary: bool = False,
    submit: bool = False,
    copies: str | None = None,
    **attrs: str | bool | None,
) -> ViewNode:
    """A button; `action` is what the widget's update receives, `submit` sends its form, and
    `copies` names the element whose text it copies to the clipboard."""
    css = "md-button md-button--primary" if primary else "md-button"
    kind = "submit" if submit else "button"
    return h(
        "button",
        {"type": kind, "class": css, "data-action": action, "data-copy": copies, **attrs},
        label,
    )


def actions(*buttons: ViewNode | None) -> ViewNode:
    """A row of buttons (None entries are left out)."""
    return h("div", {"class": "kbw-actions"}, *buttons)


def error(message: str) -> ViewNode:
    """A message about what the reader entered, announced at once by screen readers."""
    return h("p", {"class": "kbw-error", "role": "alert"}, message)
