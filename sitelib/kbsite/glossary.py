"""The terminology check: one preferred term per language, from `glossary.toml`.

A line breaks the glossary when it holds a form to avoid outside the preferred term (居住国家 on
its own, not inside 居住国家或地区), or when a Chinese article first mentions an English name
without the gloss the glossary asks for (IBKR Mobile（移动IBKR）). Every finding names the file,
the line and the preferred term, so the writer knows what to type.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

LANG_KEYS = {"en": "en", "zh": "zh", "zh-hant": "zh_hant"}


@dataclass(frozen=True)
class Term:
    en: str
    zh: str
    zh_hant: str
    avoid: dict[str, tuple[str, ...]]  # language -> forms to avoid
    first_mention_zh: str = ""
    note: str = ""
    first_mention_zh_hant: str = ""

    def preferred(self, lang: str) -> str:
        return str(getattr(self, LANG_KEYS[lang]))

    def first_mention(self, lang: str) -> str:
        """What a Chinese article's first mention of this name must read ("" when free)."""
        return {"zh": self.first_mention_zh, "zh-hant": self.first_mention_zh_hant}.get(lang, "")


def load(path: Path) -> list[Term]:
    """The glossary's terms; a term without en, zh and zh_hant is an error."""
    raw = tomllib.loads(path.read_text("utf-8"))
    terms = []
    for index, entry in enumerate(raw.get("term") or [], start=1):
        missing = [key for key in ("en", "zh", "zh_hant", "note") if not str(entry.get(key, "")).strip()]
        if missing:
            raise ValueError(f"{path.name}: term {index} ({entry.get('en')}) has no {', '.join(missing)}")
        avoid = {lang: tuple(entry.get(f"avoid_{key}") or ()) for lang, key in LANG_KEYS.items()}
        terms.append(
            Term(
                entry["en"],
                entry["zh"],
                entry["zh_hant"],
                avoid,
                str(entry.get("first_mention_zh") or ""),
                str(entry["note"]),
                str(entry.get("first_mention_zh_hant") or ""),
            )
        )
    return terms


def _without(line: str, term: str, lang: str) -> str:
    flags = re.IGNORECASE if lang == "en" else 0
    return re.sub(re.escape(term), " ", line, flags=flags)


def line_violations(line: str, lang: str, terms: list[Term]) -> list[str]:
    """What is wrong with one line of text in `lang`, one sentence per finding."""
    found = []
    for term in terms:
        rest = _without(line, term.preferred(lang), lang)
        for form in term.avoid.get(lang, ()):
            hit = rest.lower().find(form.lower()) if lang == "en" else rest.find(form)
            if hit >= 0:
                found.append(f"“{form}”: write “{term.preferred(lang)}” ({term.en})")
    return found


def check_text(text: str, langs: tuple[str, ...], terms: list[Term], source: str) -> list[str]:
    """Every glossary finding of a file whose lines are in `langs`, as "source:line: ..."."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        for lang in langs:
            problems += [f"{source}:{number}: {finding}" for finding in line_violations(line, lang, terms)]
    return problems


def check_first_mentions(
    text: str, terms: list[Term], source: str, first_line: int = 1, lang: str = "zh"
) -> list[str]:
    """A Chinese article's first mention of each glossed English name must carry the gloss.

    Headings and the front matter do not count (a gloss there would lengthen every title):
    the first mention in running text does.
    """
    problems = []
    lines = text.split("\n")
    for term in terms:
        name, first = term.preferred(lang), term.first_mention(lang)
        if not first:
            continue
        for number, line in enumerate(lines, start=first_line):
            if line.lstrip().startswith("#") or name not in line:
                continue
            if first not in line or line.find(name) < line.find(first):
                problems.append(f"{source}:{number}: the first mention of “{name}” must read “{first}”")
            break
    return problems
