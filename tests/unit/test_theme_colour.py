"""The address-bar colour is the header's: the primary colour's value in Material's palette
stylesheet, and a colour the stylesheet does not have stops the build naming the setting. (That
the tag matches the header as drawn, with Material's installed stylesheet, is checked in a
browser: tests/browser/test_site_shell.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from kbsite.theme_colour import header_colour, palette_stylesheet

# As Material's minified palette stylesheet writes them: the link colour's rule comes first.
CSS = (
    "[data-md-color-primary=indigo]{--md-typeset-a-color:#5488e8}"
    "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5;--md-primary-fg-color--light:#5d6cc0}"
    "[data-md-color-primary=deep-purple]{--md-primary-fg-color:#7E56C2;--md-primary-fg-color--dark:#673ab7}"
    "[data-md-color-primary=blue]{--md-primary-fg-color:#4287ff}"
)


def test_the_colour_comes_from_the_primary_rule_not_a_neighbour():
    assert header_colour(CSS, "indigo") == "#4051b5"
    assert header_colour(CSS, "blue") == "#4287ff"
    assert header_colour(CSS, "Deep Purple") == "#7e56c2"  # written as in mkdocs.yml, with a space


def test_custom_has_no_build_time_colour_and_an_unknown_name_names_the_setting():
    assert header_colour(CSS, "custom") is None
    with pytest.raises(ValueError, match=r"theme\.palette\.primary is 'indgo'"):
        header_colour(CSS, "indgo")


def test_the_first_theme_folder_with_a_palette_stylesheet_is_read(tmp_path: Path):
    ours, theirs = tmp_path / "overrides", tmp_path / "material"
    for folder, text in ((ours, "ours"), (theirs, "theirs")):
        (folder / "assets" / "stylesheets").mkdir(parents=True)
        (folder / "assets" / "stylesheets" / "palette.abc123.min.css").write_text(text, encoding="utf-8")
    assert palette_stylesheet([str(tmp_path / "empty"), str(ours), str(theirs)]) == "ours"


def test_a_theme_without_the_stylesheet_says_which_file(tmp_path: Path):
    with pytest.raises(ValueError, match=r"palette\.\*\.min\.css"):
        palette_stylesheet([str(tmp_path)])
