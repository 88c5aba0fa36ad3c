"""The page's one stylesheet (kbsite.stylesheet): which files it joins, in which order, and
under which name."""

from __future__ import annotations

import re

import pytest

from kbsite.hosting import CACHE_FOREVER, cache_control
from kbsite.stylesheet import StylesheetError, file_name, join, joined_name, parts, source_maps

SITE = [
    "index.html",
    "assets/stylesheets/kb.css",
    "assets/stylesheets/palette.fb2fffe2.min.css",
    "assets/stylesheets/palette.fb2fffe2.min.css.map",
    "assets/stylesheets/main.57a0d79d.min.css",
    "assets/stylesheets/main.57a0d79d.min.css.map",
    "assets/javascripts/bundle.a5f9d56c.min.js",
]


def test_materials_two_stylesheets_come_first_and_ours_last_so_our_rules_win():
    assert parts(SITE) == [
        "assets/stylesheets/main.57a0d79d.min.css",
        "assets/stylesheets/palette.fb2fffe2.min.css",
        "assets/stylesheets/kb.css",
    ]


def test_the_source_maps_of_the_parts_are_not_served():
    joined = parts(SITE)
    assert source_maps(SITE, joined) == [
        "assets/stylesheets/main.57a0d79d.min.css.map",
        "assets/stylesheets/palette.fb2fffe2.min.css.map",
    ]


@pytest.mark.parametrize("missing", ["main.", "palette.", "kb.css"])
def test_a_missing_part_stops_the_build_naming_it(missing: str):
    with pytest.raises(StylesheetError) as error:
        parts([path for path in SITE if missing not in path])
    assert ("assets/stylesheets/" + missing) in str(error.value)


def test_two_main_stylesheets_are_not_guessed_between():
    with pytest.raises(StylesheetError, match="main"):
        parts([*SITE, "assets/stylesheets/main.0badc0de.min.css"])


def test_the_joined_text_keeps_every_rule_in_order_under_one_leading_charset():
    text = join(['@charset "UTF-8";a{color:red}', "b{color:blue}", '@charset "utf-8";\nc{color:green}\n'])
    assert text.startswith('@charset "UTF-8";\n')
    assert text.count("@charset") == 1
    assert text.index("a{color:red}") < text.index("b{color:blue}") < text.index("c{color:green}")
    assert text.endswith("c{color:green}\n")


def test_the_name_follows_the_content_and_hosts_cache_it_for_good():
    first, second = file_name("a{color:red}\n"), file_name("a{color:blue}\n")
    assert first != second
    assert first.startswith("assets/stylesheets/site.") and first.endswith(".css")
    assert cache_control(first) == CACHE_FOREVER
    assert joined_name([*SITE, second]) == second


def test_no_joined_stylesheet_is_an_error_not_an_empty_link():
    with pytest.raises(StylesheetError, match=re.escape("site.<hash>.css")):
        joined_name(SITE)
