"""Parity: an article carries exactly the same facts in English, Simplified and Traditional
Chinese (the Traditional page as readers get it: hand-written, or converted by the build)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbsite import frontmatter
from kbsite.converted import converted_markdown
from kbsite.facts import Facts, extract, facts_of, pairs

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAIRS = [pair for pair in pairs(DOCS) if pair.chinese is not None]
SEED_ARTICLES = [
    "reports/login-report",
    "secure-login/ib-key-without-notifications",
    "tws/settings-download-failed",
    "tws/connectivity",
    "tws/memory-allocation",
    "secure-login/online-security-code-card",
    "secure-login/system-access-help",
]


@pytest.mark.parametrize("slug", SEED_ARTICLES)
def test_every_seed_article_exists_in_both_languages(slug):
    assert (DOCS / f"{slug}.md").is_file()
    assert (DOCS / f"{slug}.zh.md").is_file()


@pytest.mark.parametrize("pair", PAIRS, ids=lambda pair: str(pair.english.relative_to(DOCS)))
def test_article_and_translation_state_the_same_facts(pair):
    differences = facts_of(pair.english).differences(facts_of(pair.chinese))
    report = "\n".join(
        f"  {kind}: only in English {sorted(en)}, only in Chinese {sorted(zh)}"
        for kind, (en, zh) in differences.items()
    )
    assert not differences, f"{pair.english.relative_to(DOCS)} and its Chinese twin disagree:\n{report}"


@pytest.mark.parametrize("pair", PAIRS, ids=lambda pair: str(pair.english.relative_to(DOCS)))
def test_article_and_its_traditional_page_state_the_same_facts(pair):
    if pair.traditional is not None:
        traditional = facts_of(pair.traditional)
    else:
        traditional = extract(frontmatter.parse(converted_markdown(pair.chinese)).body)
    differences = facts_of(pair.english).differences(traditional)
    report = "\n".join(
        f"  {kind}: only in English {sorted(en)}, only in Traditional {sorted(zh)}"
        for kind, (en, zh) in differences.items()
    )
    assert not differences, f"{pair.english.relative_to(DOCS)} and its Traditional page disagree:\n{report}"


def test_the_check_catches_a_drifted_number():
    # The real-world drift that motivated this test: 10 days in English, 8 in Chinese.
    english = extract("Account Management stays open for **10** more days.")
    chinese = extract("账户管理还可以再使用 8 天。")
    assert english.differences(chinese)["numbers"] == ({"10"}, {"8"})


def test_structure_is_not_mistaken_for_facts():
    facts = extract(
        "## Note 3 { #note-3 }\n\n1. Step one\n2. Step two\n\n[see](../tws/memory-allocation.md#note-3)\n"
        "<!-- reviewed 2026 -->\n[[widget memory-units]]\n"
    )
    assert facts.numbers == {"3"}  # from the heading text only
    assert facts.links == {"../tws/memory-allocation.md"}


def test_each_kind_of_fact_is_extracted():
    facts = extract(
        "Press ++ctrl+shift+esc++, open `C:\\Jts\\tws.vmoptions`, see KB2816 and **File > Save**.\n\n"
        "```text\n-Xmx1536m\n```\n[test](link:connectivity_test) on TCP port 4001."
    )
    assert facts == Facts(
        numbers=frozenset({"4001"}),
        kb=frozenset({"KB2816"}),
        code=frozenset({"C:\\Jts\\tws.vmoptions", "-Xmx1536m"}),
        keys=frozenset({"ctrl+shift+esc"}),
        bold=frozenset({"File > Save"}),
        links=frozenset({"link:connectivity_test"}),
    )
