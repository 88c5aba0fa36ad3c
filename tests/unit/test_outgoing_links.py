"""Links that leave the help centre: per-language KB addresses, marks for eye and ear, the
same tab, and the widgets' copy of the addresses equal to mkdocs.yml's."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from kbsite.outgoing import mark_outgoing, outgoing_addresses
from kbsite.references import Coverage, coverage_report, template_for, templated, unlinked_warning
from kbwidgets import LANGUAGES
from kbwidgets.engine import links
from kbwidgets.engine.view import text_of, to_html

ROOT = Path(__file__).resolve().parents[2]


class _Loader(yaml.SafeLoader):
    """mkdocs.yml has !ENV and python tags; their values do not matter here."""


_Loader.add_multi_constructor("", lambda _loader, _suffix, _node: None)


def _extra() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)["extra"]


def test_kb_references_lead_to_ibkrs_article_in_the_pages_language():
    templates = _extra()["kb_url_templates"]
    assert templated(template_for(templates, "en"), "KB1131") == "https://ibkr.info/article/1131"
    assert templated(template_for(templates, "zh"), "KB1131") == "https://ibkr.info/zh-hans/article/1131"
    # ready for the Traditional Chinese site
    assert templated(template_for(templates, "zh-hant"), "KB69") == "https://ibkr.info/zh-hant/article/69"
    assert template_for(templates, "fr") == ""


def test_the_widgets_copy_of_the_addresses_matches_mkdocs_yml():
    extra = _extra()
    assert links.addresses()["kb"] == {lang: extra["kb_url_templates"][lang] for lang in LANGUAGES}
    for name, address in links.addresses()["named"].items():
        assert extra["links"][name] == address, name


def test_an_outgoing_link_is_marked_for_eye_and_screen_reader_in_the_readers_language():
    link = '<p><a href="https://ibkr.info/article/69" target="_blank">KB69</a></p>'
    html, found = mark_outgoing(link, "zh")
    assert found == ["https://ibkr.info/article/69"]
    assert 'target="' not in html  # the same tab
    assert 'class="kb-out"' in html
    assert '<span class="kb-out-icon" aria-hidden="true">\u2060↗</span>' in html
    assert '<span class="kb-visually-hidden">（离开本帮助中心）</span>' in html
    english, _ = mark_outgoing('<a class="kb-ref" href="https://ibkr.info/article/69">KB69</a>', "en")
    assert 'class="kb-ref kb-out"' in english and "(leaves this help centre)" in english


def test_our_own_links_and_already_marked_links_are_left_alone():
    ours = '<a href="../tws/">TWS</a><a href="#note-1">Note 1</a>'
    assert mark_outgoing(ours, "en") == (ours, [])
    widget = to_html(links.outgoing_link("https://example.com/", "x", "en"))
    marked, found = mark_outgoing(widget, "en")
    assert marked == widget and found == ["https://example.com/"]
    assert outgoing_addresses(ours + widget + widget) == ["https://example.com/"]


def test_kb_ids_in_widget_text_become_marked_links_in_the_readers_language():
    view = ["p", {}, *links.with_kb_links("See KB2278 (iPhone) or KB2277.", "zh")]
    html = to_html(view)
    assert html.count('class="kb-out"') == 2
    assert 'href="https://ibkr.info/zh-hans/article/2278"' in html
    assert text_of(view).startswith("See KB2278")


def test_the_contact_note_says_what_to_have_ready_and_links_the_telephone_numbers():
    for lang in ("en", "zh"):
        html = to_html(links.contact_note(lang))
        assert links.named_address("customer_service_contacts") in html
        assert re.search("telephone|电话", html)


def test_the_build_report_names_covered_and_outgoing_ids_and_warns_about_unlinked_ones():
    coverage = Coverage()
    coverage.note("KB2816", "tws/a.md", covered=True, href="../a/")
    coverage.note("KB69", "b.md", covered=False, href="https://ibkr.info/article/69")
    report = coverage_report("zh", coverage)
    assert report and "covered by our articles (1: KB2816)" in report
    assert "linked to IBKR's knowledge base (1: KB69)" in report
    assert unlinked_warning("zh", coverage) is None
    coverage.note("KB70", "c.md", covered=False, href=None)
    warning = unlinked_warning("zh", coverage)
    assert warning and "KB70" in warning and "c.md" in warning and "kb_url_templates" in warning
