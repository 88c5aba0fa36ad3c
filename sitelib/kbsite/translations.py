"""Which translations are missing or older than their source (`make translations`).

Each translated page records the hash of the source text it translates in its front matter
(`source_hash`), so this works without git, in a tarball. A Chinese (Simplified) page is
translated from the English one; a hand-written Traditional page (`page.zh-hant.md`) from the
Simplified one, by the same rule: it is outdated once the Simplified page changes. A Traditional
page nobody wrote is converted by the build (kbsite.converted), so it is never outdated; the
report lists which Traditional pages are converted and which are written by hand. A fact that
differs between a page and its translation is not listed here: it fails the parity test.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from kbsite import frontmatter
from kbsite.facts import pairs

TRANSLATED_KEYS = ("title", "summary")
SOURCE_HASH = re.compile(r"^source_hash:.*$", re.M)
SOURCES = {".zh.md": ".md", ".zh-hant.md": ".zh.md"}  # a translation's suffix -> its source's
KINDS = ("missing", "outdated", "unstamped", "traditional_converted", "traditional_handwritten")


def source_hash(source: Path) -> str:
    """A short hash of what a translator translates: the body, the title and the summary."""
    doc = frontmatter.read(source)
    text = "\n".join(str(doc.meta.get(key, "")) for key in TRANSLATED_KEYS) + "\n" + doc.body
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def source_of(translation: Path) -> Path:
    """The page `translation` is translated from: x.zh.md -> x.md, x.zh-hant.md -> x.zh.md."""
    for suffix, source in SOURCES.items():
        if translation.name.endswith(suffix):
            return translation.with_name(translation.name[: -len(suffix)] + source)
    raise ValueError(f"{translation}: not a translation (expected a name ending in .zh.md or .zh-hant.md)")


def _check(translation: Path, root: Path, report: dict[str, list[str]]) -> None:
    source = source_of(translation)
    recorded = frontmatter.read(translation).meta.get("source_hash")
    name = translation.relative_to(root).as_posix()
    if recorded is None:
        report["unstamped"].append(name)
    elif str(recorded) != source_hash(source):
        earlier = source.relative_to(root).as_posix()
        report["outdated"].append(f"{name} (translated from an earlier {earlier})")


def status(docs: Path) -> dict[str, list[str]]:
    """{kind: [...]} for every kind of KINDS, as paths from the repository root."""
    report: dict[str, list[str]] = {kind: [] for kind in KINDS}
    root = docs.parent
    for pair in pairs(docs):
        english = pair.english.relative_to(root).as_posix()
        if not frontmatter.is_public(frontmatter.read(pair.english).meta):
            continue  # writers' pages are English only
        if pair.chinese is None:
            report["missing"].append(english)
            continue
        _check(pair.chinese, root, report)
        if pair.traditional is None:
            report["traditional_converted"].append(english.removesuffix(".md") + ".zh-hant.md (converted)")
        else:
            report["traditional_handwritten"].append(pair.traditional.relative_to(root).as_posix())
            _check(pair.traditional, root, report)
    return report


def stamp(translation: Path) -> None:
    """Record the current source hash in a translated page's front matter."""
    text = translation.read_text(encoding="utf-8")
    line = f"source_hash: {source_hash(source_of(translation))}"
    if SOURCE_HASH.search(text):
        text = SOURCE_HASH.sub(line, text, count=1)
    else:
        text = text.replace("\n---", f"\n{line}\n---", 1)
    translation.write_text(text, encoding="utf-8")
