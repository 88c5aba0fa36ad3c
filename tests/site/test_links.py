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


def test_make_links_lists_every_outgoing_address_page_by_page(built_site):
    from tools.writers.links_report import outgoing_by_page

    pages = outgoing_by_page(built_site.root)
    assert "https://www.interactivebrokers.com/cgi-bin/conn_test.pl" in pages["/tws/connectivity/"]
    assert "https://ibkr.info/zh-hans/article/2816" in pages["/zh/tws/connectivity/"]
    # the access assistant's static version: every Customer Service outcome links the numbers
    help_page = pages["/zh/secure-login/system-access-help/"]
    assert "https://www.interactivebrokers.com/en/support/customer-service.php" in help_page
