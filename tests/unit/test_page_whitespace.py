"""Pages lose their templates' blank lines and indentation (kbsite.page_whitespace), and nothing
a reader could see: the article, preformatted text and scripts are left byte for byte, and the
rest reads the same once whitespace collapses as a browser collapses it."""

from __future__ import annotations

import re

from kbsite.page_whitespace import collapse_blank_runs, compact_page

ARTICLE = (
    '<article class="md-typeset">\n\n  <div class="kbw-summary">line one\n    line two</div>\n</article>'
)
TEMPLATE = """
<!doctype html>
<html lang="en">
  <head>
    <script>
      const kept = `a
          b`; // a comment
    </script>
    <style>
      .x { color: red; }
    </style>
  </head>
  <body>


    <nav>
      <ul>
        <li>
          <span class="md-ellipsis">
            Part   1
          </span>
        </li>
      </ul>
    </nav>
    <pre>  two
        spaces kept</pre>
    <textarea>
  typed
    </textarea>
    {article}
    <footer>  Help centre  </footer>
  </body>
</html>
"""


def _as_rendered(html: str) -> str:
    """What a browser shows of whitespace in normal flow: every run is one space."""
    return re.sub(r"\s+", " ", html).strip()


def _page() -> str:
    return TEMPLATE.replace("{article}", ARTICLE)


def test_the_article_and_preformatted_text_are_left_byte_for_byte():
    compacted = compact_page(_page(), ARTICLE)
    assert ARTICLE in compacted
    for kept in re.findall(
        r"<(?:pre|textarea|script|style)>.*?</(?:pre|textarea|script|style)>", _page(), re.S
    ):
        assert kept in compacted


def test_the_template_reads_the_same_with_a_line_break_where_each_blank_run_was():
    compacted = compact_page(_page(), ARTICLE)
    assert _as_rendered(compacted) == _as_rendered(_page())
    assert len(compacted) <= len(_page()) - 100  # this sample's indentation and blank lines
    outside = compacted.replace(ARTICLE, "<article></article>")
    assert "\n\n" not in re.sub(r"<(pre|textarea|script|style)>.*?</\1>", "<kept/>", outside, flags=re.S)
    assert '<span class="md-ellipsis">\nPart   1\n</span>' in compacted  # spaces within a line stay


def test_a_page_whose_article_is_not_found_is_left_alone():
    """A later change to the article before this step would otherwise expose it to collapsing."""
    assert compact_page(_page(), ARTICLE.replace("one", "ONE")) == _page()


def test_a_page_without_an_article_is_compacted_whole_but_for_kept_elements():
    html = "<p>\n   a\n\n   b</p>\n  <pre>\n\n x</pre>\n"
    assert collapse_blank_runs(html) == "<p>\na\nb</p>\n<pre>\n\n x</pre>\n"
    assert compact_page(html, "") == collapse_blank_runs(html)


SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18v2H3z"/></svg>'


def test_template_icons_lose_their_redundant_namespace_but_the_article_and_scripts_keep_theirs():
    """The browser test (test_site_shell) checks that the icons are still drawn."""
    article = f'<article class="md-typeset">{SVG}</article>'
    script = f"<script>const icon = '{SVG}';</script>"
    page = f"<header><label>{SVG}</label></header>\n{article}\n{script}\n<footer>{SVG}</footer>"
    compacted = compact_page(page, article)
    short = '<svg viewBox="0 0 24 24"><path d="M3 6h18v2H3z"/></svg>'
    expected = f"<header><label>{short}</label></header>\n{article}\n{script}\n<footer>{short}</footer>"
    assert compacted == expected
