"""KB references (`KB1131`) become links to our article, or to IBKR's article in the page's
language (kbsite.references, hooks.kb_links). Each language build reports which cited ids our
articles cover and which go out; an id that could not be linked at all is a warning."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from hooks import i18n, kb_links, order
from kbsite.references import coverage_report, link_references, unlinked_warning

log = get_plugin_logger("kb_references")


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, **_: object) -> str:
    html, _unresolved = link_references(html, kb_links.target_for(page, config))
    return html


@event_priority(order.BEFORE_OTHER_LANGUAGES)
def on_post_build(config: MkDocsConfig) -> None:
    lang = i18n.current_language(config)
    report = coverage_report(lang, kb_links.coverage)
    if report:
        log.info(report)
    warning = unlinked_warning(lang, kb_links.coverage)
    if warning:
        log.warning(warning)
    kb_links.coverage.clear()
