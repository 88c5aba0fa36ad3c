"""Which translations are missing or older than their source (`make translations`).

Each translated page records the hash of the source text it translates in its front matter
(`source_hash`), so this works without git, in a tarball. A fact that differs between a page
and its translation is not listed here: it fails the parity test.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from kbsite import frontmatter
from kbsite.facts import pairs

TRANSLATED_KEYS = ("title", "summary")
SOURCE_HASH = re.compile(r"^source_hash:.*$", re.M)


def source_hash(english: Path) -> str:
    """A short hash of what a translator translates: the body, the title and the summary."""
    doc = frontmatter.read(english)
    text = "\n".join(str(doc.meta.get(key, "")) for key in TRANSLATED_KEYS) + "\n" + doc.body
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def status(docs: Path) -> dict[str, list[str]]:
    """{"missing": [...], "outdated": [...], "unstamped": [...]}, as paths from the repository root."""
    report: dict[str, list[str]] = {"missing": [], "outdated": [], "unstamped": []}
    for pair in pairs(docs):
        english = pair.english.relative_to(docs.parent).as_posix()
        if not frontmatter.is_public(frontmatter.read(pair.english).meta):
            continue  # writers' pages are English only
        if pair.chinese is None:
            report["missing"].append(english)
            continue
        recorded = frontmatter.read(pair.chinese).meta.get("source_hash")
        chinese = pair.chinese.relative_to(docs.parent).as_posix()
        if recorded is None:
            report["unstamped"].append(chinese)
        elif str(recorded) != source_hash(pair.english):
            report["outdated"].append(f"{chinese} (translated from an earlier {english})")
    return report


def stamp(chinese: Path) -> None:
    """Record the current source hash in a translated page's front matter."""
    english = chinese.with_name(chinese.name.replace(".zh.md", ".md"))
    text = chinese.read_text(encoding="utf-8")
    line = f"source_hash: {source_hash(english)}"
    if SOURCE_HASH.search(text):
        text = SOURCE_HASH.sub(line, text, count=1)
    else:
        text = text.replace("\n---", f"\n{line}\n---", 1)
    chinese.write_text(text, encoding="utf-8")
