"""Where a KB id leads from one page, shared by the KB references and the named links hooks:
our article that covers it, else IBKR's article in the page's language (kbsite.references).
Also what the language build cited, for the build's report."""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from hooks import i18n, site_index
from kbsite.references import Coverage, template_for, templated

coverage = Coverage()  # this language build's citations; reported and cleared in post_build


def target_for(page: Page, config: MkDocsConfig) -> Callable[[str], str | None]:
    """`href(kb_id)` for links on `page`: relative to ours, absolute to IBKR's, None if neither."""
    covered = site_index.current(config).kb_coverage
    template = template_for(config.extra.get("kb_url_templates") or {}, i18n.current_language(config))

    def href(kb_id: str) -> str | None:
        ours = covered.get(kb_id)
        target = get_relative_url(ours or ".", page.url) if kb_id in covered else templated(template, kb_id)
        coverage.note(kb_id, page.file.src_uri, covered=kb_id in covered, href=target)
        return target

    return href
