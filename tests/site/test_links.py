"""Every internal link and anchor of the built site resolves, in both languages."""

from __future__ import annotations

from kbsite.linkcheck import broken_links


def test_every_internal_link_and_anchor_resolves(built_site):
    assert broken_links(built_site.root, built_site.url) == []


def test_the_checker_finds_a_broken_page_and_a_broken_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/#there">ok</a><a href="b/">gone</a><a href="a/#nope">x</a>')
    (tmp_path / "a" / "index.html").write_text('<h2 id="there">T</h2><a href="https://example.com/">out</a>')
    assert broken_links(tmp_path, "http://127.0.0.1:1/") == [
        "index.html: b/ -> no such page",
        "index.html: a/#nope -> no anchor #nope",
    ]
