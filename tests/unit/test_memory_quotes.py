"""The memory calculator quotes the reader's own value, never advises less than it without
saying why, reads versions as TWS writes them, and keeps its two methods apart."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kbwidgets.engine.errors import InputError
from kbwidgets.engine.view import text_of
from kbwidgets.entrypoints.browser import respond
from kbwidgets.rules.memory import parse_version, recommend

# TWS's own numbering: three digits up to 9.81 (written 981 or 9.81), then 10.xx; its About box
# adds the build's release and date.
TWS_VERSIONS = [
    ("938", 938),
    ("9.72", 972),
    ("972", 972),
    ("974", 974),
    ("981", 981),
    ("981.3c", 981),
    ("Build 981.3c", 981),
    ("10.10", 1010),
    ("10.12", 1012),
    ("10.19.2a", 1019),
    ("10.30", 1030),
    ("10.3", 1030),
    ("Build 10.30.1h, Jun 25, 2024", 1030),
    ("build 10.30.1h", 1030),
    ("TWS 10.30", 1030),
    ("Ｂｕｉｌｄ　１０．３０．１ｈ", 1030),  # typed with a full-width input method
    ("1030", 1030),
    (972, 972),
]


@pytest.mark.parametrize(("text", "version"), TWS_VERSIONS)
def test_versions_as_tws_writes_them(text, version):
    assert parse_version(text) == version


def test_9_8_is_not_guessed_because_it_straddles_972():
    with pytest.raises(InputError) as caught:
        parse_version("9.8")
    assert caught.value.code == "memory.ambiguous_version"
    assert "9.08" in caught.value.message("en") and "9.80" in caught.value.message("en")
    assert "9.72" in caught.value.message("zh")


@pytest.mark.parametrize(
    "text",
    ["abc", "TWS latest", "12", "I do not know which version of TWS I have installed on this computer"],
)
def test_an_unreadable_version_says_what_to_type_and_quotes_it_whole_or_marked_cut(text):
    try:
        parse_version(text)
    except InputError as error:
        message = error.message("en")
        assert "Build 10.30.1h" in message and "981" in message
        assert text in message or "…" in message
    else:
        raise AssertionError(f"{text!r} was read as a version")


def _live(lang: str = "en", **query: str) -> str:
    response = respond(
        {"widget": "tws-memory", "lang": lang, "op": "start", "query": query, "env": {"instance": "kbw1"}}
    )
    assert "error" not in response
    return text_of(response["view"])


def test_crashing_at_2048_keeps_2048_and_never_quotes_1792():
    text = _live(version="960", current="2048", symptoms="crashes")
    assert "Keep 2048 MB" in text and "1792" not in text
    zh = _live("zh", version="960", current="2048", symptoms="crashes")
    assert "保持 2048 MB" in zh and "1792" not in zh


def test_above_the_maximum_it_quotes_the_readers_value_and_says_why_lower():
    advice = recommend(960, 64, None, 3072, {"crashes"})
    assert advice.recommended_mb == 2048
    assert "3072 MB" in advice.reason_text("en") and "3072 MB" in advice.reason_text("zh")


@pytest.mark.parametrize(("current", "expected"), [(1600, 1792), (1900, 2048)])
def test_struggling_quotes_the_value_entered(current, expected):
    advice = recommend(1030, 64, None, current, {"slow"})
    assert advice.recommended_mb == expected and f"at {current} MB" in advice.reason_text("en")


def test_no_symptom_keeps_a_value_above_the_start():
    advice = recommend(1030, 64, None, 2048, set())
    assert advice.recommended_mb == 2048 and advice.title_text("en") == "Keep 2048 MB"


@given(
    current=st.integers(min_value=256, max_value=2048),
    symptoms=st.sets(st.sampled_from(["slow", "freezes", "crashes"])),
)
def test_never_less_than_entered_unless_it_fails_to_start_or_does_not_fit(current, symptoms):
    assert recommend(1030, 64, None, current, symptoms).recommended_mb >= current


def test_without_a_version_the_two_methods_are_headings_and_each_list_starts_at_1():
    response = respond({"widget": "tws-memory", "lang": "en", "op": "start", "query": {}, "env": {}})
    view = str(response["view"])
    assert "['h4', {'class': 'kbw-steps-heading'}, 'If your TWS is version 972 or later:']" in view
    assert view.count("'ol', {'class': 'kbw-steps'}") == 2

    def items(node):
        if isinstance(node, list) and node and isinstance(node[0], str):
            if node[0] == "li":
                yield text_of(node)
            for child in node[2:]:
                yield from items(child)

    assert not [item for item in items(response["view"]) if item.startswith("If your TWS")]
