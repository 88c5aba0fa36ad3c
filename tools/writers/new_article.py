"""Scaffold an article in both languages: `make new ARTICLE=tws/order-presets`.

Writes docs/<category>/<slug>.md and .zh.md with the full front matter the build requires (id,
title, summary, tags, platforms, last_reviewed) and a first heading, ready to fill in. The
Chinese file records which English text it translates (`source_hash`), so `make translations`
can tell when the English moves on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from kbsite.frontmatter_rules import SLUG
from kbsite.translations import source_hash

DOCS = Path(__file__).resolve().parents[2] / "docs"

TEMPLATE = """---
id: {id}
title: {title}
summary: {summary}
tags: [{category}]
platforms: [tws]
last_reviewed: {today}
{extra}---
# {title}

{body}
"""


def scaffold(article: str, docs: Path = DOCS, today: dt.date | None = None) -> tuple[Path, Path]:
    category, _, slug = article.strip("/").partition("/")
    if not (SLUG.match(category or "") and SLUG.match(slug or "")):
        raise SystemExit(f"ARTICLE must look like category/slug in lowercase-with-hyphens, got {article!r}")
    folder = docs / category
    english, chinese = folder / f"{slug}.md", folder / f"{slug}.zh.md"
    for path in (english, chinese):
        if path.exists():
            raise SystemExit(f"{path.relative_to(docs.parent)} already exists; not overwriting it")
    folder.mkdir(parents=True, exist_ok=True)
    day = (today or dt.date.today()).isoformat()
    article_id = f"{category}-{slug}" if not slug.startswith(category) else slug
    english.write_text(
        TEMPLATE.format(
            id=article_id,
            title="TODO English title",
            summary="TODO One sentence that answers the reader's question.",
            category=category,
            today=day,
            extra="",
            body="TODO: write the answer first, then the details.\n\n## Where to go next { #next }\n\n"
            "- TODO: the next page for the likely follow-up problem, e.g. [Help centre](../index.md).",
        ),
        encoding="utf-8",
    )
    chinese.write_text(
        TEMPLATE.format(
            id=article_id,
            title="TODO 中文标题",
            summary="TODO 用一句话回答读者的问题。",
            category=category,
            today=day,
            extra=f"source_hash: {source_hash(english)}\n",
            body="TODO：先写答案，再写细节。\n\n## 下一步 { #next }\n\n"
            "- TODO：读者接下来最可能需要的页面，例如[帮助中心](../index.md)。",
        ),
        encoding="utf-8",
    )
    if not (folder / "index.md").exists():
        print(f"note: docs/{category}/ has no index.md (the category page); add one in both languages")
    return english, chinese


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", help="category/slug, e.g. tws/order-presets")
    args = parser.parse_args()
    for path in scaffold(args.article):
        print(f"created {path.relative_to(DOCS.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
