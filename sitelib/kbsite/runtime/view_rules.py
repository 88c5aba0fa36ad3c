"""kbwidgets' view allow-lists as runtime.json carries them, for the browser's renderer
(overrides/assets/javascripts/kbw/view.js): one source, the Python validator's own sets."""

from __future__ import annotations

from kbwidgets.engine import view


def view_rules() -> dict[str, list[str] | str]:
    """kbwidgets' allow-lists, for the browser's renderer (runtime.json's `view`)."""
    return {
        "tags": sorted(view.HTML_TAGS | view.SVG_TAGS),
        "svg": sorted(view.SVG_TAGS),
        "void": sorted(view.VOID_TAGS),
        "attributes": sorted(view.ATTRIBUTES),
        "schemes": sorted(view.URL_SCHEMES),
        "booleans": sorted(view.BOOLEAN_ATTRIBUTES),
        "idReferences": sorted(view.ID_REFERENCES),
        "namedTags": sorted(view.NAMED_TAGS),
        # The same patterns, as JavaScript regular expressions (they use no syntax the two differ on).
        "id": view.ID.pattern,
        "name": view.NAME.pattern,
        "fileName": view.FILE_NAME.pattern,
    }
