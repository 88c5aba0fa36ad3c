"""Material's Traditional Chinese interface texts without the Simplified characters some of them
hold: its zh-Hant file says 找到 1 个符合條件的結果 (one search result, with the Simplified 个)
and 頁脚 (the footer's name for screen readers, with the Simplified 脚), in pages that are
otherwise Traditional throughout.

Only characters change (OpenCC's s2t, which leaves Traditional text as it is), not phrasing:
Material's wording stays its translators'. Converting with the site's own s2twp would turn its
項目 (items) into 專案 (projects).
"""

from __future__ import annotations

import re

from kbsite.traditional import opencc_converter

# An entry of Material's language files: `  "search.result.one": "找到 1 個符合條件的結果",`
_ENTRY = re.compile(r'^(\s*"[^"\n]+":\s*")([^"\n]*)(")', re.M)


def traditional_characters(language_template: str) -> tuple[str, dict[str, str]]:
    """The language template with every text's Simplified characters made Traditional, and
    {old text: new text} of what changed (empty when nothing did)."""
    changed: dict[str, str] = {}

    def fix(match: re.Match[str]) -> str:
        text = match.group(2)
        fixed: str = opencc_converter("s2t").convert(text)
        if fixed != text:
            changed[text] = fixed
        return match.group(1) + fixed + match.group(3)

    return _ENTRY.sub(fix, language_template), changed
