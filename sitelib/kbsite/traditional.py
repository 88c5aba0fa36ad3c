"""Traditional Chinese from Simplified, by phrase, with the glossary deciding (zh → zh-hant).

OpenCC's `s2twp` profile converts phrase by phrase into Taiwan usage: 内存 → 記憶體, 登录 →
登入, 默认 → 預設 (a character table would give 內存, 登錄, 默認, which Traditional readers
notice). The glossary (glossary.toml) wins over OpenCC wherever a term's Traditional column says
otherwise (账户 → 帳戶, 端口 → 連接埠, 终端 → 終端機); quotation marks become 「」 and 『』.

In Markdown, what is not prose is left exactly as written: code spans and blocks, link and
image addresses (their #fragment is converted, so it still matches a converted heading's
anchor), HTML tags, widget embeds ([[widget ...]]), attribute lists ({ #id }) and keys
(++ctrl++). OpenCC leaves Latin text alone, so English labels, product names, KB ids and
commands outside code stay as they are too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import opencc

from kbsite.glossary import Term, load
from kbwidgets.engine.traditional import CONVERTIBLE

PROFILE = "s2twp"
QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Glossary terms are swapped for private-use characters while OpenCC runs: OpenCC leaves them
# alone, and a term is never re-segmented with its neighbours.
PRIVATE_USE = 0xE000

# What Markdown must keep byte for byte. The link group keeps "](path" and converts "#fragment".
PROTECTED = re.compile(
    r"""
      (?P<fence>^[ \t]*(?P<mark>```|~~~)[^\n]*\n.*?^[ \t]*(?P=mark)[ \t]*$)
    | (?P<code>(?P<ticks>`+)[^\n]+?(?P=ticks))
    | (?P<link>\]\((?P<path>[^)#\s]*)(?P<frag>\#[^)\s]*)?(?P<title>\s+"[^"]*")?\))
    | (?P<refdef>^[ \t]*\[(?!\^)[^\]\n]+\]:[ \t]*\S+)
    | (?P<widget>\[\[widget\b[^\]]*\]\])
    | (?P<attrs>\{[ \t]*[#.:][^}\n]*\})
    | (?P<keys>\+\+[^+\s]+(?:\+[^+\s]+)*\+\+)
    | (?P<comment><!--.*?-->)
    | (?P<tag></?[A-Za-z][^>\n]*>)
    | (?P<url>https?://[^\s)>\]]+)
    """,
    re.M | re.S | re.X,
)


@cache
def opencc_converter(profile: str) -> opencc.OpenCC:
    """OpenCC's converter for `profile` ("s2twp", "t2s", ...), loaded once per process."""
    return opencc.OpenCC(profile)


class Converter:
    """Simplified → Traditional (Taiwan phrasing) with the glossary's terms forced."""

    def __init__(self, terms: Iterable[Term]) -> None:
        forced: dict[str, str] = {}
        for term in terms:
            if CJK.search(term.zh):
                forced[term.zh] = term.zh_hant
        self._forced = forced
        self._slots = {term: chr(PRIVATE_USE + i) for i, term in enumerate(sorted(forced))}
        self._back = {slot: forced[term] for term, slot in self._slots.items()}
        longest_first = sorted(forced, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(self._term_pattern, longest_first))) if forced else None
        self._cache: dict[str, str] = {}

    def _term_pattern(self, term: str) -> str:
        """The term, unless the text already goes on with what the Traditional form adds
        (终端 → 終端機 must leave 终端机 as one 終端機, not 終端機機)."""
        converted = opencc_converter(PROFILE).convert(term)
        wanted = self._forced[term]
        if wanted.startswith(converted) and len(wanted) > len(converted):
            added = wanted[len(converted) :]
            simplified = opencc_converter("t2s").convert(added)
            return f"{re.escape(term)}(?!{re.escape(added)}|{re.escape(simplified)})"
        return re.escape(term)

    def text(self, simplified: str) -> str:
        """Plain text (a widget text, a title, a sentence) in Traditional Chinese."""
        if not CONVERTIBLE.search(simplified):
            return simplified
        found = self._cache.get(simplified)
        if found is None:
            marked = simplified
            if self._pattern is not None:
                marked = self._pattern.sub(lambda match: self._slots[match.group(0)], simplified)
            converted = opencc_converter(PROFILE).convert(marked)
            found = "".join(self._back.get(char, char) for char in converted).translate(QUOTES)
            self._cache[simplified] = found
        return found

    def markdown(self, simplified: str) -> str:
        """A Markdown page (front matter included) in Traditional Chinese, structure untouched."""
        out: list[str] = []
        position = 0
        for match in PROTECTED.finditer(simplified):
            out.append(self.text(simplified[position : match.start()]))
            if match.group("link") is not None:
                fragment = match.group("frag") or ""
                title = self.text(match.group("title") or "")
                out.append(f"]({match.group('path')}{self.text(fragment)}{title})")
            else:
                out.append(match.group(0))
            position = match.end()
        out.append(self.text(simplified[position:]))
        return "".join(out)


GLOSSARY = Path(__file__).resolve().parents[2] / "glossary.toml"


@cache
def converter(glossary: Path = GLOSSARY) -> Converter:
    """The site's converter, with the terms of `glossary.toml` (read once per process)."""
    return Converter(load(glossary))
