"""One terminology: the glossary (glossary.toml) holds for every article and every widget text.

A finding names the file, the line and the term to write instead."""

from __future__ import annotations

from pathlib import Path

from kbsite import frontmatter
from kbsite.glossary import check_first_mentions, check_text, line_violations, load

ROOT = Path(__file__).resolve().parents[2]
TERMS = load(ROOT / "glossary.toml")
WIDGET_DATA = ROOT / "widgets" / "kbwidgets" / "data"


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_every_article_uses_the_glossarys_terms():
    problems = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        suffix = path.name.split(".")[-2] if path.name.count(".") > 1 else "en"
        lang = suffix if suffix in ("zh", "zh-hant") else "en"
        problems += check_text(path.read_text("utf-8"), (lang,), TERMS, _relative(path))
    assert problems == [], "\n".join(problems)


def test_every_widget_text_and_decision_tree_uses_the_glossarys_terms():
    problems = []
    for path in sorted(WIDGET_DATA.rglob("*.toml")):
        # one line holds a text's English or Chinese, or both (trees): each rule finds its own
        problems += check_text(path.read_text("utf-8"), ("en", "zh"), TERMS, _relative(path))
    assert problems == [], "\n".join(problems)


def test_a_chinese_article_glosses_ibkr_mobile_at_its_first_mention():
    problems = []
    for path in sorted((ROOT / "docs").rglob("*.zh.md")):
        doc = frontmatter.read(path)
        problems += check_first_mentions(doc.body, TERMS, _relative(path), doc.body_line)
    assert problems == [], "\n".join(problems)


def test_every_term_has_a_traditional_chinese_form_for_the_next_language():
    assert all(term.zh_hant.strip() for term in TERMS)
    assert {term.en for term in TERMS} >= {"full access", "replacement device", "KB article"}


def test_the_check_names_the_form_to_avoid_and_the_preferred_term():
    assert line_violations("视您的居住国家或地区而定", "zh", TERMS) == []
    assert line_violations("视您的居住国家而定", "zh", TERMS) == [
        "“居住国家”: write “居住国家或地区” (country of residence)"
    ]
    assert line_violations("click the Gear icon", "en", TERMS) == [
        "“gear icon”: write “wheel (Configure) icon” (wheel (Configure) icon)"
    ]
    problems = check_text("a\n可完整访问", ("zh",), TERMS, "docs/x.zh.md")
    assert problems == ["docs/x.zh.md:2: “完整访问”: write “完全访问” (full access)"]
    first = check_first_mentions("# IBKR Mobile\n\n安装 IBKR Mobile。\n", TERMS, "docs/y.zh.md", 10)
    assert first == [
        "docs/y.zh.md:12: the first mention of “IBKR Mobile” must read “IBKR Mobile（移动IBKR）”"
    ]
