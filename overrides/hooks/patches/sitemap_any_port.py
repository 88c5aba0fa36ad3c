"""Keep instant navigation on wherever the site is served, not only at `site_url`'s port.

Material's instant navigation follows only links listed in the sitemap, which holds absolute
addresses under `site_url` (search engines need them). To let a copy served elsewhere work,
Material rebases each address onto the page's own origin, but copies only the protocol and the
host *name* (`e.protocol=t.protocol,e.hostname=t.hostname`), not the port. So a build for
http://127.0.0.1:8000/ served on any other port (`make preview` on 8001, a staging host on 443)
matched no link: every click was a full page load and the widgets' Python restarted (1.3 s
instead of 0.12 s for the next widget). This patch copies the whole `host` (name and port) in
the bundle Material copied into the built site, once per build; if Material changes that code,
the build stops and says so. tests/browser/test_any_origin.py serves one build on two ports.
Switch: KB_PATCH_SITEMAP_ANY_PORT=0.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from hooks import i18n
from hooks.patches.guard import Patch

PATCH = Patch(
    "sitemap_any_port",
    package="mkdocs-material",
    versions=">=9.8,<9.9",
    changes="how Material rebases sitemap addresses onto the page's origin (bundle.*.min.js)",
)

BUNDLES = "assets/javascripts"
HOSTNAME_ONLY = re.compile(r"(\w)\.protocol=(\w)\.protocol,\1\.hostname=\2\.hostname,\1\}")
WHOLE_HOST = re.compile(r"(\w)\.protocol=(\w)\.protocol,\1\.host=\2\.host,\1\}")
SOURCE_HOSTNAME_ONLY = "url.hostname = base.hostname"
SOURCE_WHOLE_HOST = "url.host = base.host"


class UnknownBundle(ValueError):
    """The bundle does not contain the rebasing code this patch knows."""


def rebase_whole_host(bundle_js: str) -> str:
    """The bundle with sitemap addresses rebased onto the page's host and port; idempotent."""
    if len(WHOLE_HOST.findall(bundle_js)) == 1 and not HOSTNAME_ONLY.search(bundle_js):
        return bundle_js
    fixed, count = HOSTNAME_ONLY.subn(
        lambda m: f"{m[1]}.protocol={m[2]}.protocol,{m[1]}.host={m[2]}.host,{m[1]}}}", bundle_js
    )
    if count != 1:
        raise UnknownBundle(f"expected one sitemap-rebasing function, found {count}")
    return fixed


def on_post_build(config: MkDocsConfig) -> None:
    if not i18n.is_default_build(config) or not PATCH.enabled():
        return
    bundles = sorted(Path(config.site_dir, BUNDLES).glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise PATCH.error(f"expected one Material bundle in {BUNDLES}/, found {[b.name for b in bundles]}")
    bundle = bundles[0]
    try:
        fixed = rebase_whole_host(bundle.read_text(encoding="utf-8"))
    except UnknownBundle as error:
        raise PATCH.error(f"{bundle.name}: {error}") from None
    if fixed != bundle.read_text(encoding="utf-8"):
        bundle.write_text(fixed, encoding="utf-8")
    source_map = bundle.with_name(bundle.name + ".map")
    if source_map.exists():
        source = source_map.read_text(encoding="utf-8")
        if SOURCE_HOSTNAME_ONLY in source:
            source_map.write_text(source.replace(SOURCE_HOSTNAME_ONLY, SOURCE_WHOLE_HOST), encoding="utf-8")
