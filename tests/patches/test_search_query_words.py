"""The correction of Material's Chinese query segmenter, applied to the installed Material.

What a reader notices (内存 no longer finds 内容) is tested in tests/browser/test_search.py;
here: the correction is one character at the one place it belongs, is safe to apply twice,
and refuses code it does not recognise instead of shipping a mangled worker.
"""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from hooks.patches.search_query_words import UnknownWorker, include_last_word

WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"


def _installed_worker() -> str:
    (worker,) = WORKERS.glob("search.*.min.js")
    return worker.read_text(encoding="utf-8")


def test_the_installed_worker_gains_exactly_one_character_in_the_segmenter_loop():
    original = _installed_worker()
    fixed = include_last_word(original)
    at = next(i for i, (a, b) in enumerate(zip(original, fixed, strict=False)) if a != b)
    assert fixed == original[:at] + "=" + original[at:]  # one "=" inserted, nothing else
    # ...in the loop that slices the query: `j<=query.length;j++)query.slice(i,j)`
    assert fixed[at - 1 : at + 1] == "<=" and ".length;" in fixed[at : at + 20]
    assert ".slice(" in fixed[at : at + 40]


def test_applying_it_twice_changes_nothing_more():
    once = include_last_word(_installed_worker())
    assert include_last_word(once) == once


@pytest.mark.parametrize(
    "code",
    [
        "",
        "console.log('not the search worker')",
        # two loops of that shape: which one to change is no longer certain
        "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e;for(let b=a+1;b<q.length;b++)q.slice(a,b)in e",
    ],
)
def test_unrecognised_code_is_refused(code: str):
    with pytest.raises(UnknownWorker):
        include_last_word(code)
