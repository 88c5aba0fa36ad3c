"""Chinese search: the index and the query cut into words by the same dictionary.

Pagefind cuts a Chinese page into words at build time with jieba (pagefind_extended), whose
dictionary is mainland Simplified, and cuts a query in the browser with Intl.Segmenter (ICU).
Where the two disagree, a query finds the wrong pages (Pagefind issue #1237): jieba knows no
Traditional word, so 記憶體 is indexed as 記, 憶, 體 and the query 記憶體 (one word to ICU)
falls back to every page with a word starting with 記 (忘記, 記錄); 連接埠 finds every page with
連 (連線), 使用者名稱 every page with 使用. On the Simplified site 用户名 falls back to 用户.

So the build cuts Chinese into words itself, with ICU at both ends. It writes a copy of the
language's searchable pages with a space between the words of each run of Han characters
(Node's Intl.Segmenter: ICU, as in the reader's browser), and Pagefind indexes the copy under a
language tag it does not segment (`und-Hans`, `und-Hant`), so it takes those words as they are.
The search box cuts a query the same way and takes the spaces out of the excerpts it shows
(kb-search.js). The pages readers get are not changed; only what Pagefind reads is.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path

from kbsite.traditional import CJK

SCRIPT = Path(__file__).with_name("search_words.mjs")
_HAN = re.compile(CJK.pattern + "+")
"""A run of Han characters (kbsite.traditional's class); one alone is one word already."""
_PUNCTUATION = re.compile(r"[\u3001-\u303f\uff01-\uff65\u2018-\u201f\u2026]")
"""Chinese punctuation: ，。、；：？！「」『』（）【】《》 and the curly quotes and ellipsis. Never
written with a space next to it, so the search box can take out the spaces the build puts there."""
_TAG = re.compile(r"(<[^>]*>)")


class WordBreakError(RuntimeError):
    """Node is missing or cut a run into something else; the message says what to do."""


def index_language(html_lang: str) -> str | None:
    """The language Pagefind is told a page of `html_lang` is in, when the build cuts its words
    ("zh-Hant" -> "und-Hant"), or None for a language Pagefind indexes as it is."""
    primary, _, rest = html_lang.partition("-")
    if primary.lower() != "zh":
        return None
    return "und-Hant" if rest.lower() in ("hant", "tw", "hk", "mo") else "und-Hans"


def han_runs(html: str) -> set[str]:
    """The runs of Han characters in the text of `html` (not in its tags' attributes)."""
    texts = _TAG.split(html)[::2]
    return {run for text in texts for run in _HAN.findall(text) if len(run) > 1}


def break_words(runs: Iterable[str], locale: str) -> dict[str, str]:
    """{run: its words with a space between them}, cut by ICU (Node) for `locale`."""
    ordered = sorted(set(runs))
    if not ordered:
        return {}
    node = shutil.which("node")
    if node is None:
        raise WordBreakError(
            "Chinese search needs Node at build time (see the README's setup): node not found"
        )
    done = subprocess.run(
        [node, str(SCRIPT)],
        input=json.dumps({"locale": locale, "runs": ordered}),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise WordBreakError(f"{SCRIPT.name} failed ({done.returncode}):\n{done.stderr}")
    cut: list[list[str]] = json.loads(done.stdout)
    broken = {}
    for run, words in zip(ordered, cut, strict=True):
        if "".join(words) != run:  # a segmenter returns the text it was given, only cut
            raise WordBreakError(f"{SCRIPT.name} cut {run!r} into {words!r}")
        broken[run] = " ".join(words)
    return broken


def _cut(text: str, words: Mapping[str, str], before: str, after: str) -> str:
    """`text` with its Han runs cut into words and set apart from Chinese punctuation; `before`
    and `after` are the characters next to it across tags (<a>之前</a>）: Pagefind reads the
    text of inline elements as one)."""
    out: list[str] = []
    last = 0
    for run in _HAN.finditer(text):
        start, end = run.span()
        piece = words.get(run[0], run[0])
        if _PUNCTUATION.match(text[start - 1] if start else before) or (not start and _HAN.match(before)):
            piece = " " + piece  # after punctuation, or after Han text in the element before
        if _PUNCTUATION.match(text[end] if end < len(text) else after):
            piece += " "
        out += [text[last:start], piece]
        last = end
    out.append(text[last:])
    return "".join(out)


def with_word_breaks(html: str, words: Mapping[str, str]) -> str:
    """`html` with each run of Han characters in its text replaced by its words (`words`), and
    set apart from Chinese punctuation next to it (Pagefind would index 1536。幾乎 as one word)."""
    parts = _TAG.split(html)
    texts = parts[::2]
    before, last = [], ""  # the last character of the text before each text, across tags
    for text in texts:
        before.append(last)
        last = text[-1] if text else last
    after, first = [""] * len(texts), ""  # the first character of the text after each
    for index in range(len(texts) - 1, -1, -1):
        after[index] = first
        first = texts[index][0] if texts[index] else first
    for index, text in enumerate(texts):
        parts[2 * index] = _cut(text, words, before[index], after[index])
    return "".join(parts)


def write_broken_copy(pages: Mapping[str, str], folder: Path, locale: str) -> None:
    """Write each page ({path relative to the site: its HTML}) under `folder`, its Chinese
    cut into words for `locale`."""
    words = break_words({run for html in pages.values() for run in han_runs(html)}, locale)
    for relative, html in pages.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(with_word_breaks(html, words), encoding="utf-8")
