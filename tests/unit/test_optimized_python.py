"""The reader's browser runs our widgets with docstrings and asserts compiled away (python -OO,
kbsite/runtime/node.py: PYTHON_ENV), pytest and the CLI without: every widget must answer the
same either way, in every language, errors included."""

from __future__ import annotations

import json
import subprocess
import sys

from kbsite.runtime.node import PYTHON_ENV

# Every interactive widget started in every language, then the build's warm-up (which runs
# each widget's slow paths, the sample login report's included), then a bad answer.
SCRIPT = """
import json
from kbwidgets import LANGUAGES
from kbwidgets.engine.widget import registry
from kbwidgets.entrypoints import browser
env = {"now": "2026-01-01T00:00:00Z"}
out = {}
for name, widget in registry().items():
    if widget.interactive:
        for lang in LANGUAGES:
            request = {"widget": name, "lang": lang, "op": "start", "env": env}
            out[name + "/" + lang] = browser.respond(request)
out["warmed"] = browser.warm_up()
bad = {"widget": "memory-units", "lang": "zh-Hant", "state": {"amount": "many"}}
out["bad amount"] = browser.respond(bad)
out["no such widget"] = browser.respond({"widget": "<b>nope</b>", "lang": "zh-Hant", "op": "start"})
print(json.dumps(out, sort_keys=True, ensure_ascii=False))
"""


def _answers(*flags: str) -> dict[str, object]:
    proc = subprocess.run([sys.executable, *flags, "-c", SCRIPT], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def test_widgets_answer_the_same_with_docstrings_and_asserts_compiled_away():
    assert PYTHON_ENV == {"PYTHONOPTIMIZE": "2"}  # what -OO below stands for
    plain, optimized = _answers(), _answers("-OO")
    assert len(plain) > 6 and plain["warmed"]
    assert "error" in plain["no such widget"] and "kbw-error" in json.dumps(plain["bad amount"])
    assert optimized == plain
