"""Cut a Chinese search query into the whole words the index holds, including the last one.

The index holds Chinese as words (jieba at build time, see chinese_segmentation.py). A query
has no spaces either, so Material's search worker cuts it by looking up its pieces in the
index (`segment()` in `integrations/search/query/segment`). That lookup never tries a piece
that ends at the query's last character: its inner loop runs `j < query.length` where the
slice end must reach `query.length`. So the last word of every Chinese query is lost or cut
down to its first character, and then searched as a prefix:

- 内存 is searched as 内*, which also matches 内容 and 内用 (7 results instead of 2);
- 端口 as 端*, which matches 移动端; 安全设备 as 安全* 设*, which matches 设置;
- 临时密码 as 临时* 密*.

Exact matches still ranked first, so a reader saw the right article on top of noise. This hook
corrects the loop bound in the worker Material copied into the built site (and in its source
map), once per build. The fix is one character and is checked against the installed Material:
if a future Material changes that code, the build stops and says so rather than shipping an
unpatched or mangled worker. tests/patches/test_search_query_words.py and
tests/browser/test_search.py cover it. Switch: KB_PATCH_SEARCH_QUERY_WORDS=0.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from hooks import i18n
from hooks.patches.guard import Patch

PATCH = Patch(
    "search_query_words",
    package="mkdocs-material",
    versions=">=9.8,<9.9",
    changes="the query segmenter in Material's search worker (assets/javascripts/workers/search.*.min.js)",
)

WORKERS = "assets/javascripts/workers"
# The minified inner loop: for(let o=s+1;o<t.length;o++)t.slice(s,o)in e
_LOOP = r"for\(let (\w+)=(\w+)\+1;\1{op}(\w+)\.length;\1\+\+\)\3\.slice\(\2,\1\)in "
SHORT_LOOP = re.compile(_LOOP.format(op="<"))
FULL_LOOP = re.compile(_LOOP.format(op="<="))
SOURCE_SHORT = "for (let j = i + 1; j < query.length; j++)"
SOURCE_FULL = "for (let j = i + 1; j <= query.length; j++)"


class UnknownWorker(ValueError):
    """The worker does not contain the loop this hook knows how to correct."""


def include_last_word(worker_js: str) -> str:
    """The worker's code with the query segmenter also trying pieces that end the query.

    Code that is already corrected comes back unchanged; code with no such loop, or with more
    than one, raises UnknownWorker.
    """
    if len(FULL_LOOP.findall(worker_js)) == 1 and not SHORT_LOOP.search(worker_js):
        return worker_js
    fixed, count = SHORT_LOOP.subn(lambda m: m.group(0).replace("<", "<=", 1), worker_js)
    if count != 1:
        raise UnknownWorker(f"expected one query-segmentation loop, found {count}")
    return fixed


def on_post_build(config: MkDocsConfig) -> None:
    # Theme assets are copied once, by the default language's build, into the site root.
    if not i18n.is_default_build(config) or not PATCH.enabled():
        return
    workers = sorted(Path(config.site_dir, WORKERS).glob("search.*.min.js"))
    if len(workers) != 1:
        raise PATCH.error(
            f"expected one Material search worker in {WORKERS}/, found {[w.name for w in workers]}"
        )
    worker = workers[0]
    try:
        fixed = include_last_word(worker.read_text(encoding="utf-8"))
    except UnknownWorker as error:
        raise PATCH.error(f"{worker.name}: {error} (Material's Chinese query segmenter changed)") from None
    _write_if_changed(worker, fixed)
    source_map = worker.with_name(worker.name + ".map")
    if source_map.exists():
        source = source_map.read_text(encoding="utf-8")
        _write_if_changed(source_map, source.replace(SOURCE_SHORT, SOURCE_FULL))


def _write_if_changed(path: Path, text: str) -> None:
    if path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
