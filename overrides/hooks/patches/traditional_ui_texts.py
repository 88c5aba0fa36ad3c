"""Material's Traditional Chinese texts, without their Simplified characters
(kbsite.traditional_ui): the Traditional build reads its language file through this.

Material looks a text up in `partials/languages/<theme.language>.html`; for the zh-Hant build
this puts a corrected copy of Material's own file in front of the theme's templates, so every
template that asks for a text (Material's and ours) gets the corrected one. Nothing else in the
file changes. Switch: KB_PATCH_TRADITIONAL_UI_TEXTS=0 (Material's texts as it ships them).
"""

from __future__ import annotations

import logging
from pathlib import Path

import material
from jinja2 import ChoiceLoader, DictLoader, Environment
from mkdocs.config.defaults import MkDocsConfig

from hooks.patches.guard import Patch
from kbsite.traditional_ui import traditional_characters

PATCH = Patch(
    "traditional_ui_texts",
    package="mkdocs-material",
    versions=">=9.8,<9.9",
    changes="the texts of partials/languages/zh-Hant.html, as the Traditional pages read them",
)
LANGUAGE = "zh-Hant"
TEMPLATE = f"partials/languages/{LANGUAGE}.html"
log = logging.getLogger(f"mkdocs.hooks.{__name__.rsplit('.', 1)[-1]}")


def on_env(env: Environment, *, config: MkDocsConfig, **_: object) -> Environment:
    if config.theme.get("language") != LANGUAGE or not PATCH.enabled():
        return env
    source = Path(material.__file__).parent / "templates" / TEMPLATE
    if not source.is_file():
        raise PATCH.error(f"Material has no {TEMPLATE} any more")
    fixed, changed = traditional_characters(source.read_text("utf-8"))
    if env.loader is None:
        raise PATCH.error("the theme's Jinja environment has no template loader")
    if changed:
        log.debug("Material's %s texts made Traditional: %s", LANGUAGE, changed)
        env.loader = ChoiceLoader([DictLoader({TEMPLATE: fixed}), env.loader])
    return env
