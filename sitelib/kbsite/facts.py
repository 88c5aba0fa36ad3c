"""The language-neutral facts of an article, to check that a page and its translation agree.

IBKR's own knowledge base drifted: its Simplified Chinese page says 8 days where the English
page says 10. Here, every article and its twin must carry the same set of:

- numbers (every digit sequence of the text: durations, ports, sizes, versions, dates);
- KB references (KB1131);
- code: inline code and code blocks (paths, file names, commands, -Xmx lines);
- keyboard keys (++ctrl+shift+esc++);
- bold English: on-screen labels, menu paths and error messages, which stay in English in both
  languages because the platform's interface is in English;
- named link targets (link:connectivity_test) and links to our own articles.

Ordered-list markers, heading anchors ({ #note-3 }), link addresses and HTML comments are
structure, not facts, and are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kbsite import frontmatter

FENCED = re.compile(r"^(\s*)(```|~~~)[^\n]*\n(.*?)^\1\2\s*$", re.M | re.S)
INLINE_CODE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
KEYS = re.compile(r"\+\+([a-z0-9+-]+)\+\+", re.I)
BOLD = re.compile(r"\*\*(.+?)\*\*")
LINK_TARGET = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
ATTR_LIST = re.compile(r"\{\s*[#.:][^}]*\}")
COMMENT = re.compile(r"<!--.*?-->", re.S)
LIST_MARKER = re.compile(r"^\s*\d+[.)]\s", re.M)
KB = re.compile(r"\bKB\d+\b")
NUMBER = re.compile(r"\d+")
WIDGET = re.compile(r"^\[\[widget [^\]]+\]\]\s*$", re.M)


@dataclass(frozen=True)
class Facts:
    numbers: frozenset[str]
    kb: frozenset[str]
    code: frozenset[str]
    keys: frozenset[str]
    bold: frozenset[str]
    links: frozenset[str]

    def differences(self, other: Facts) -> dict[str, tuple[set[str], set[str]]]:
        """{kind: (only in self, only in other)} for every kind that differs."""
        out = {}
        for kind in self.__dataclass_fields__:
            mine, theirs = getattr(self, kind), getattr(other, kind)
            if mine != theirs:
                out[kind] = (set(mine - theirs), set(theirs - mine))
        return out


def extract(markdown_body: str) -> Facts:
    text = COMMENT.sub(" ", markdown_body)
    code = [m.group(3).strip() for m in FENCED.finditer(text)]
    text = FENCED.sub(" ", text)
    code += INLINE_CODE.findall(text)
    text = INLINE_CODE.sub(" ", text)
    keys = [k.lower() for k in KEYS.findall(text)]
    text = KEYS.sub(" ", text)
    links = [
        target.split("#")[0] for target in LINK_TARGET.findall(text) if not target.startswith(("#", "http"))
    ]
    text = LINK_TARGET.sub("] ", text)
    bold = [b.strip() for b in BOLD.findall(text) if b.isascii()]
    text = WIDGET.sub(" ", ATTR_LIST.sub(" ", LIST_MARKER.sub(" ", text)))
    kb = KB.findall(text)
    numbers = NUMBER.findall(KB.sub(" ", text))
    return Facts(*(frozenset(x) for x in (numbers, kb, code, keys, bold, [link for link in links if link])))


@dataclass(frozen=True)
class Pair:
    english: Path
    chinese: Path | None  # the Simplified twin
    traditional: Path | None = None  # a hand-written Traditional twin (else the build converts)


def _twin(english: Path, lang: str) -> Path | None:
    twin = english.with_name(f"{english.name[:-3]}.{lang}.md")
    return twin if twin.is_file() else None


def pairs(docs: Path) -> list[Pair]:
    """Every English page with its Chinese twins (None where there is none)."""
    out = []
    for english in sorted(docs.rglob("*.md")):
        if english.name.endswith((".zh.md", ".zh-hant.md")):
            continue
        out.append(Pair(english, _twin(english, "zh"), _twin(english, "zh-hant")))
    return out


def facts_of(path: Path) -> Facts:
    return extract(frontmatter.read(path).body)
