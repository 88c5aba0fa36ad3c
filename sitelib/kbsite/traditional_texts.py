"""Convert every Simplified widget text to Traditional once, for the wheel (`zh-hant.json`).

Widgets answer in Traditional Chinese on /zh-hant/ pages, in the CLI (`"lang": "zh-Hant"`) and
in the start-up snapshot, without OpenCC in the browser: the build writes the conversions of
every `zh` text under `widgets/kbwidgets/data/` (texts and decision trees alike) into
`data/generated/zh-hant.json`, which kbwidgets.engine.traditional looks up. `make setup` runs
this too, so the command line and the tests have it before any build.

    python -m kbsite.traditional_texts      # writes it when the texts or the glossary changed
"""

from __future__ import annotations

import json
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kbsite.traditional import PROFILE, converter
from kbwidgets.engine.traditional import CONVERTIBLE, GENERATED

ROOT = Path(__file__).resolve().parents[2]


def simplified_strings(value: Any) -> Iterator[str]:
    """Every string under a `zh` key, at any depth of a TOML document."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "zh" and isinstance(item, str):
                yield item
            else:
                yield from simplified_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from simplified_strings(item)


def collect(data_dir: Path) -> set[str]:
    """The Simplified texts of every TOML file under `data_dir` that conversion changes."""
    found: set[str] = set()
    for path in sorted(data_dir.rglob("*.toml")):
        document = tomllib.loads(path.read_text(encoding="utf-8"))
        found.update(text for text in simplified_strings(document) if CONVERTIBLE.search(text))
    return found


def generate(root: Path = ROOT) -> tuple[Path, bool]:
    """Write the Traditional texts for the package under `root`; (path, whether it changed)."""
    package = root / "widgets" / "kbwidgets"
    convert = converter(root / "glossary.toml")
    texts = {text: convert.text(text) for text in sorted(collect(package / "data"))}
    document = {
        "about": "Made by kbsite.traditional_texts from the zh texts (OpenCC, glossary.toml). Do not edit.",
        "profile": PROFILE,
        "texts": texts,
    }
    out = package.joinpath(*GENERATED)
    content = json.dumps(document, ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    if out.is_file() and out.read_text(encoding="utf-8") == content:
        return out, False
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(content, encoding="utf-8")
    return out, True


def main() -> int:
    path, changed = generate()
    print(f"{path.relative_to(ROOT)}: {'written' if changed else 'up to date'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
