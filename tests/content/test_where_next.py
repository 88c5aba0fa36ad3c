"""No dead ends: every article ends with where to go next, and that section leads somewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kbsite import frontmatter

DOCS = Path(__file__).resolve().parents[2] / "docs"
ARTICLES = [
    path
    for path in sorted(DOCS.rglob("*.md"))
    if frontmatter.read(path).meta.get("id") and frontmatter.is_public(frontmatter.read(path).meta)
]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.relative_to(DOCS).as_posix())
def test_every_article_ends_with_where_to_go_next(path):
    body = frontmatter.read(path).body
    sections = re.split(r"(?m)^## ", body)
    last = sections[-1]
    assert last.split("\n", 1)[0].rstrip().endswith("{ #next }"), f"{path}: the last section must be #next"
    assert re.search(r"\]\([^)]+\)", last), f"{path}: the #next section links nowhere"
