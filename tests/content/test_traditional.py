"""The Traditional Chinese site reads as Traditional: no Simplified-only character and no form
the glossary rules out, on any Traditional page or widget text, converted or hand-written.

Which characters are Simplified-only comes from CC-CEDICT's character lists (the `zhon`
package), not from OpenCC, the converter under test: a character that appears in CC-CEDICT's
Simplified headwords and never in its Traditional ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from zhon import cedict

from kbsite import frontmatter
from kbsite.converted import converted_markdown
from kbsite.facts import pairs
from kbsite.glossary import check_first_mentions, check_text, load
from kbsite.texts import site_texts
from kbwidgets.engine import tree
from kbwidgets.engine.texts import ui_texts

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
TERMS = load(ROOT / "glossary.toml")
SIMPLIFIED_ONLY = frozenset(cedict.simplified) - frozenset(cedict.traditional)
CODE = re.compile(r"```.*?```|`[^`\n]+`|\]\([^)]*\)", re.S)  # left as written, on purpose


def _traditional_pages() -> list[tuple[str, str]]:
    """(label, Markdown) of every Traditional page the site shows: hand-written or converted."""
    pages = []
    for pair in pairs(DOCS):
        if pair.traditional is not None:
            pages.append((pair.traditional.relative_to(ROOT).as_posix(), pair.traditional.read_text("utf-8")))
        elif pair.chinese is not None:
            label = pair.chinese.relative_to(ROOT).as_posix() + " (converted)"
            pages.append((label, converted_markdown(pair.chinese)))
    return pages


def _simplified_only(text: str) -> list[str]:
    return sorted({char for char in CODE.sub(" ", text) if char in SIMPLIFIED_ONLY})


def _widget_texts() -> list[tuple[str, str]]:
    found = [(key, texts["zh-hant"]) for key, texts in ui_texts().items()]
    found += [(f"site:{key}", texts["zh-hant"]) for key, texts in site_texts().items()]
    for name in tree.tree_names():
        loaded = tree.load(name)
        for node in loaded.nodes.values():
            found += [(f"tree {name}: {node.id}", text["zh-hant"]) for text in node.texts]
    return found


PAGES = _traditional_pages()


def test_the_oracle_knows_simplified_from_traditional():
    assert {"们", "内", "账", "录", "发"} <= SIMPLIFIED_ONLY
    assert not {"們", "內", "帳", "錄", "發", "的", "登", "台"} & SIMPLIFIED_ONLY


def test_every_public_article_has_a_traditional_page():
    public = [p for p in pairs(DOCS) if frontmatter.is_public(frontmatter.read(p.english).meta)]
    assert len(PAGES) == len(public) and len(PAGES) >= 11


@pytest.mark.parametrize(("label", "text"), PAGES, ids=[label for label, _ in PAGES])
def test_a_traditional_page_has_no_simplified_only_character(label: str, text: str):
    assert _simplified_only(text) == [], label


@pytest.mark.parametrize(("label", "text"), PAGES, ids=[label for label, _ in PAGES])
def test_a_traditional_page_keeps_to_the_glossary(label: str, text: str):
    doc = frontmatter.parse(text)
    problems = check_text(text, ("zh-hant",), TERMS, label)
    problems += check_first_mentions(doc.body, TERMS, label, doc.body_line, lang="zh-hant")
    assert problems == [], "\n".join(problems)


def test_every_widget_and_site_text_in_traditional_is_traditional_and_keeps_to_the_glossary():
    texts = _widget_texts()
    assert len(texts) > 400
    bad = [(key, text, _simplified_only(text)) for key, text in texts if _simplified_only(text)]
    assert bad == []
    problems = [p for key, text in texts for p in check_text(text, ("zh-hant",), TERMS, key)]
    assert problems == [], "\n".join(problems)
    assert not [key for key, text in texts if re.search("[“”‘’]", text)]  # 「」 in Traditional


def test_the_glossarys_own_traditional_column_is_traditional():
    for term in TERMS:
        assert _simplified_only(term.zh_hant + term.first_mention_zh_hant) == [], term.en
        assert term.zh_hant not in term.avoid.get("zh-hant", ()), term.en
