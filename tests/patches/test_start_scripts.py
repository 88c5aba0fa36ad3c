"""start_scripts: Material's four start-up scripts arrive as one file, in the order the page ran
them, and a page that changes shape stops the build instead of running them out of order."""

from __future__ import annotations

import re

import pytest
from mkdocs.exceptions import PluginError

from hooks.patches.start_scripts import PARTS, merge_tags

MD_TAG = re.compile(r'<script src="[^"]*assets/javascripts/md/([a-z]+)\.js" defer></script>')


def test_every_page_loads_one_start_file_holding_its_start_scripts_in_order(built_site):
    folder = built_site.root / "assets" / "javascripts" / "md"
    merged = (folder / "start.js").read_text("utf-8")
    # The site has one palette (no toggle), so pages have no palette script: a colour choice
    # saved by an earlier version of the site is not re-applied at every start.
    parts = [name for name in PARTS if name != "palette"]
    assert merged == "".join(f";{(folder / f'{name}.js').read_text('utf-8').rstrip()}\n" for name in parts)
    assert "__palette" not in merged
    for page in ("index.html", "zh/tws/memory-allocation/index.html", "404.html", "zh/404.html"):
        html = (built_site.root / page).read_text("utf-8")
        assert MD_TAG.findall(html) == ["start"], page
        # Still before Material's bundle: the bundle reads what base.js defines.
        assert html.index("md/start.js") < html.index("javascripts/bundle."), page


def test_the_merged_tag_takes_the_place_of_the_first_one():
    html = (
        '<head><script src="../assets/javascripts/md/base.js" defer></script></head><body>\n'
        '  <script src="../assets/javascripts/md/palette.js" defer></script>\n<p>x</p>\n'
        '  <script src="../assets/javascripts/md/announce.js" defer></script>\n'
        '  <script src="../assets/javascripts/md/target.js" defer></script>\n</body>'
    )
    assert merge_tags(html) == (
        '<head><script src="../assets/javascripts/md/start.js" defer></script></head><body>\n'
        "  \n<p>x</p>\n"
        '  <script src="../assets/javascripts/md/announce.js" defer></script>\n'
        "  \n</body>"
    )


def test_scripts_in_another_order_stop_the_build():
    html = (
        '<script src="assets/javascripts/md/base.js" defer></script>'
        '<script src="assets/javascripts/md/target.js" defer></script>'
        '<script src="assets/javascripts/md/tabs.js" defer></script>'
    )
    with pytest.raises(PluginError, match=r"start_scripts\.py.*KB_PATCH_START_SCRIPTS=0"):
        merge_tags(html)
