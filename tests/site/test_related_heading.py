"""No page shows the same section heading twice (an article's own "Related articles" and ours)."""

from __future__ import annotations

import re
from collections import Counter


def test_no_article_repeats_a_level_2_heading(built_site):
    for page in sorted(built_site.root.rglob("index.html")):
        headings = [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", page.read_text("utf-8"), re.S)]
        repeated = [text for text, count in Counter(headings).items() if count > 1]
        assert not repeated, f"{page.relative_to(built_site.root)}: {repeated}"
