"""Translation status (`make translations`; `make test` prints it too): a report, not a test.

Lists
- English pages with no Chinese twin (readers of the Chinese site get the English page with a
  "not yet translated" notice);
- Chinese pages whose English source changed since they were translated. Each Chinese page
  records the hash of the English text it translates in its front matter (`source_hash`), so
  this works without git, in a tarball; `--stamp docs/x.zh.md` records the current hash once a
  translation is brought up to date.

Facts that differ between a page and its translation are not listed here: they fail the parity
test (tests/site/test_parity.py).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

from content_facts import pairs

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "overrides" / "hooks"))

import _frontmatter

DOCS = Path(__file__).resolve().parents[1] / "docs"
TRANSLATED_KEYS = ("title", "summary")


def english_hash(english: Path) -> str:
    """A short hash of what a translator translates: the body, the title and the summary."""
    doc = _frontmatter.read(english)
    text = "\n".join(str(doc.meta.get(key, "")) for key in TRANSLATED_KEYS) + "\n" + doc.body
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def status(docs: Path = DOCS) -> dict[str, list[str]]:
    report: dict[str, list[str]] = {"missing": [], "outdated": [], "unstamped": []}
    for pair in pairs(docs):
        english = pair.english.relative_to(docs.parent).as_posix()
        if not _frontmatter.is_public(_frontmatter.read(pair.english).meta):
            continue  # writers' pages are English only
        if pair.chinese is None:
            report["missing"].append(english)
            continue
        recorded = _frontmatter.read(pair.chinese).meta.get("source_hash")
        chinese = pair.chinese.relative_to(docs.parent).as_posix()
        if recorded is None:
            report["unstamped"].append(chinese)
        elif str(recorded) != english_hash(pair.english):
            report["outdated"].append(f"{chinese} (translated from an earlier {english})")
    return report


def stamp(chinese: Path) -> None:
    """Record the current English hash in a Chinese page's front matter."""
    english = chinese.with_name(chinese.name.replace(".zh.md", ".md"))
    text = chinese.read_text(encoding="utf-8")
    line = f"source_hash: {english_hash(english)}"
    if re.search(r"^source_hash:.*$", text, re.M):
        text = re.sub(r"^source_hash:.*$", line, text, count=1, flags=re.M)
    else:
        text = text.replace("\n---", f"\n{line}\n---", 1)
    chinese.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--stamp",
        nargs="+",
        type=Path,
        metavar="ZH_PAGE",
        help="record that these Chinese pages are up to date with their English source",
    )
    args = parser.parse_args()
    if args.stamp:
        for page in args.stamp:
            stamp(page)
            print(f"stamped {page}")
        return 0
    report = status()
    titles = {
        "missing": "English pages with no Chinese translation",
        "outdated": "Chinese pages older than their English source",
        "unstamped": "Chinese pages that do not record their English source (run with --stamp once checked)",
    }
    print("Translation status")
    for kind, items in report.items():
        print(f"  {titles[kind]}: {len(items)}")
        for item in items:
            print(f"    - {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
