"""Decision trees as data: every tree shipped is sound, and the validator catches each flaw."""

from __future__ import annotations

import pytest

from kbwidgets import LANGUAGES
from kbwidgets.engine.tree import TreeError, load, parse, paths, tree_names, walk

GOOD = """
start = "q"
title = { en = "T", zh = "题" }
[nodes.q]
question = { en = "Q?", zh = "问？" }
options = [
  { id = "a", label = { en = "A", zh = "甲" }, next = "end_a" },
  { id = "b", label = { en = "B", zh = "乙" }, next = "end_b" },
]
[nodes.end_a]
outcome = { en = "A done", zh = "甲完成" }
steps = [{ en = "Do A", zh = "做甲" }]
[nodes.end_b]
outcome = { en = "B done", zh = "乙完成" }
steps = [{ en = "Do B", zh = "做乙" }]
"""


@pytest.mark.parametrize("name", tree_names())
def test_every_shipped_tree_is_valid_and_every_path_ends_in_an_outcome(name):
    tree = load(name)
    all_paths = paths(tree)
    assert all_paths
    for path in all_paths:
        assert path[-1][0].is_outcome
    reached = {node.id for path in all_paths for node, _ in path}
    assert reached == set(tree.nodes)


@pytest.mark.parametrize("name", tree_names())
def test_every_text_of_every_tree_is_in_every_language(name):
    tree = load(name)
    for node in tree.nodes.values():
        for text in node.texts:
            assert set(text) <= set(LANGUAGES) and all(text[lang].strip() for lang in LANGUAGES), node.id


def test_a_good_tree_parses():
    tree = parse(GOOD, "t")
    assert walk(tree, {"q": "b"}).current.id == "end_b"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('next = "end_b"', 'next = "end_c"'),
            r"t\.toml:8: option 'b' leads to 'end_c', which does not exist",
        ),
        (('next = "end_b"', 'next = "q"'), r"the tree loops: q -> q"),
        (('next = "end_b"', 'next = "end_a"'), r"t\.toml:13: no path leads to 'end_b'"),
        (('zh = "做乙"', 'zh = ""'), r"node 'end_b' step 1: missing the zh text"),
        (('start = "q"', 'start = "x"'), r"start node 'x' does not exist"),
        (('steps = [{ en = "Do B", zh = "做乙" }]', ""), r"outcome 'end_b' has no steps"),
        (('{ id = "b"', '{ id = "a"'), r"two options with the same id"),
        (('question = { en = "Q?", zh = "问？" }', 'question = "Q?"'), r"expected a table with en, zh texts"),
        (("[nodes.end_b]", "[nodes.end_b\n"), r"t\.toml: "),
    ],
)
def test_flaws_are_reported_with_file_and_line(change, message):
    with pytest.raises(TreeError, match=message):
        parse(GOOD.replace(*change), "t", "t.toml")


def test_changing_an_earlier_answer_keeps_later_answers_that_still_apply():
    tree = load("access")
    answers = {"access_level": "none", "no_access_reason": "no_notifications", "phone_internet": "no"}
    assert walk(tree, answers).current.id == "no_notifications_offline"
    answers["access_level"] = "full"  # off the path: phone_internet is kept but unused
    assert walk(tree, answers).current.id == "full_access_goal"
    answers["access_level"] = "none"  # back again: the later answers apply again
    assert walk(tree, answers).current.id == "no_notifications_offline"


def test_walk_can_stop_at_a_question_being_changed():
    tree = load("access")
    answers = {"access_level": "none", "no_access_reason": "card_expired"}
    stopped = walk(tree, answers, stop_at="no_access_reason")
    assert stopped.current.id == "no_access_reason" and stopped.answers == {"access_level": "none"}
