"""KB references (`KB1131`) become links to our article, or to the KB site, in the page's
language (kbsite.references). The ids that stay plain text are listed once per language
build: a report, not a warning, because the source articles cite KB articles we do not have."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from hooks import i18n, order, site_index
from kbsite.references import link_references, templated, unresolved_report

log = get_plugin_logger("kb_references")
_unresolved: dict[str, set[str]] = {}  # "KB69" -> pages of this language build citing it


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, **_: object) -> str:
    covered = site_index.current(config).kb_coverage
    template = str(config.extra.get("kb_url_template") or "")

    def target_for(kb_id: str) -> str | None:
        if kb_id in covered:
            return get_relative_url(covered[kb_id] or ".", page.url)
        return templated(template, kb_id)

    html, unresolved = link_references(html, target_for)
    for kb_id in unresolved:
        _unresolved.setdefault(kb_id, set()).add(page.file.src_uri)
    return html


@event_priority(order.BEFORE_OTHER_LANGUAGES)
def on_post_build(config: MkDocsConfig) -> None:
    line = unresolved_report(i18n.current_language(config), _unresolved)
    if line:
        log.info(line)
    _unresolved.clear()
