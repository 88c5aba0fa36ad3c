"""Let Material's pages run under the site's strict Content-Security-Policy (kbsite.hosting).

Material writes small inline scripts into every page (partials/javascripts/*.html: the
`__md_get` storage helpers, palette and tab restore, the announcement, version and consent
banners) and draws its icons from `data:` SVG URLs in its CSS; a policy without
'unsafe-inline' and `data:` blocks both, which breaks search, the palette, tab restore and
every icon. This patch, from the installed Material's own files (kbsite.csp):

- writes each inline script as `assets/javascripts/md/<name>.js`, and puts templates in front
  of Material's partials (templates/csp_scripts/) that load those files, deferred, in the same
  order;
- writes each `data:` icon as `assets/images/md-icons/<name>.svg`, and rewrites Material's
  main stylesheet to point its custom properties at those files.

It stops the build when Material's partials hold scripts or template code it does not know.
With it off, every page still works, only not under a strict policy.
Switch: KB_PATCH_STRICT_CSP=0.
"""

from __future__ import annotations

from pathlib import Path

import material
from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from hooks import order
from hooks.patches.guard import Patch
from kbsite.csp import (
    data_icons,
    icon_file_name,
    inline_scripts,
    root_relative,
    still_templated,
    without_data_icons,
)

PATCH = Patch(
    "strict_csp",
    package="mkdocs-material",
    versions=">=9.8,<9.9",
    changes="Material's partials/javascripts/*.html (inline scripts) and the data: icons of its main CSS",
)
MATERIAL = Path(material.__file__).parent / "templates"
TEMPLATES = Path(__file__).resolve().with_name("templates") / "csp_scripts"
SCRIPTS = "assets/javascripts/md/"  # three folders below the site root
ICONS = "assets/images/md-icons/"
# Material's partial -> the files its scripts become (in the order they appear).
FILES = {
    "base": ("base.js",),
    "palette": ("palette.js",),
    "content": ("tabs.js", "target.js"),
    "announce": ("announce.js",),
    "outdated": ("outdated.js",),
    "consent": ("consent.js",),
}
BASE_EXPRESSIONS = ("{{ config.extra.scope | d(base_url) }}", "{{ base_url }}")


def material_scripts() -> dict[str, str]:
    """{file name: script} for every inline script of Material's partials/javascripts/."""
    out: dict[str, str] = {}
    found = sorted(path.stem for path in (MATERIAL / "partials" / "javascripts").glob("*.html"))
    if found != sorted(FILES):
        raise PATCH.error(f"Material's partials/javascripts/ now holds {found}, not {sorted(FILES)}")
    for partial, names in FILES.items():
        scripts = inline_scripts(
            (MATERIAL / "partials" / "javascripts" / f"{partial}.html").read_text("utf-8")
        )
        if len(scripts) != len(names):
            raise PATCH.error(
                f"partials/javascripts/{partial}.html has {len(scripts)} scripts, not {len(names)}"
            )
        for name, script in zip(names, scripts, strict=True):
            for expression in BASE_EXPRESSIONS:
                script = root_relative(script, expression, depth=3)
            if still_templated(script):
                raise PATCH.error(
                    f"partials/javascripts/{partial}.html: template code this patch does not know"
                )
            out[name] = script + "\n"
    return out


@event_priority(order.AFTER_I18N)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if not PATCH.enabled():
        return files
    for name, script in material_scripts().items():
        files.append(File.generated(config, SCRIPTS + name, content=script))
    sheets = [
        file
        for file in files
        if file.src_uri.startswith("assets/stylesheets/main.") and file.src_uri.endswith(".css")
    ]
    icons: dict[str, str] = {}
    for sheet in sheets:
        css = sheet.content_string
        icons.update(data_icons(css))
        sheet.content_string = without_data_icons(css, "../images/md-icons/")
    if not icons:
        raise PATCH.error("no data: icons found in Material's main stylesheet")
    for prop, svg in icons.items():
        files.append(File.generated(config, ICONS + icon_file_name(prop), content=svg))
    return files


def on_env(env: Environment, **_: object) -> Environment:
    if PATCH.enabled() and env.loader is not None:
        env.loader = ChoiceLoader([FileSystemLoader(str(TEMPLATES)), env.loader])
    return env
