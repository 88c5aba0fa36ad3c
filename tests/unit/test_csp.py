"""Theme files made to work under the strict policy (kbsite.csp)."""

from __future__ import annotations

from kbsite.csp import data_icons, without_data_icons

CSS = (
    ":root{--md-details-icon:url(\"data:image/svg+xml;charset=utf-8,<svg xmlns='http://www.w3.org/"
    "2000/svg'><path d='M8 6%2012'/></svg>\");--md-x:1px}.a{mask-image:var(--md-details-icon)}"
)


def test_icons_are_read_decoded_and_named_by_their_property():
    assert data_icons(CSS) == {
        "--md-details-icon": "<svg xmlns='http://www.w3.org/2000/svg'><path d='M8 6 12'/></svg>"
    }


def test_the_stylesheet_points_at_files_and_keeps_everything_else():
    assert without_data_icons(CSS, "../images/md-icons/") == (
        ':root{--md-details-icon:url("../images/md-icons/details-icon.svg");--md-x:1px}'
        ".a{mask-image:var(--md-details-icon)}"
    )
