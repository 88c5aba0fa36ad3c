"""Simplified queries on the Traditional site: the table its search box reads before it asks
Pagefind.

The Traditional pages say 記憶體 and 連接埠; a reader with a Simplified input method, or used to
the mainland words, types 内存 or 端口 and Pagefind, matching the text as written, finds
nothing. The table holds the glossary's terms (Simplified → the Traditional site's term) and,
for every Han character of the Traditional pages, its Simplified form (OpenCC t2s) where that
differs. The box replaces terms first, longest first, then characters; a query already in
Traditional characters is unchanged. Kept to the pages' own characters it stays a few KB.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from html import unescape
from pathlib import Path

from kbsite.glossary import Term
from kbsite.traditional import CJK, opencc_converter

ALIASES_FILE = "aliases.json"  # in the language's Pagefind folder, beside its bundle
TRADITIONAL = ("zh-hant",)  # the site languages written in Traditional characters
_MARKUP = re.compile(r"<(script|style|template)\b.*?</\1>|<!--.*?-->|<[^>]+>", re.S)


def search_aliases(terms: Iterable[Term], traditional_texts: Iterable[str]) -> dict[str, dict[str, str]]:
    """{"terms": {Simplified term: Traditional term}, "characters": {Simplified: Traditional}}.

    Where two Traditional characters share one Simplified form (发: 發 and 髮), the one the
    pages use more often wins."""
    used: Counter[str] = Counter()
    for text in traditional_texts:
        used.update(CJK.findall(text))
    # Each character converted once, not at each of its uses (1 s at 1,000 articles).
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for char, count in used.items():
        simplified: str = opencc_converter("t2s").convert(char)
        if simplified != char and len(simplified) == 1:
            seen[simplified][char] += count
    characters = {s: counts.most_common(1)[0][0] for s, counts in sorted(seen.items())}
    # A term the character table already gives (账户 → 帳戶) needs no entry of its own.
    term_table = {
        term.zh: term.zh_hant
        for term in terms
        if CJK.search(term.zh) and "".join(characters.get(c, c) for c in term.zh) != term.zh_hant
    }
    return {"terms": dict(sorted(term_table.items())), "characters": characters}


def page_texts(folder: Path) -> Iterable[str]:
    """The reader's text of every page under `folder` (markup and scripts left out)."""
    for page in sorted(folder.rglob("*.html")):
        yield unescape(_MARKUP.sub(" ", page.read_text("utf-8")))


def write_aliases(bundle_folder: Path, aliases: dict[str, dict[str, str]]) -> Path:
    path = bundle_folder / ALIASES_FILE
    path.write_text(json.dumps(aliases, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path
