"""Translation status (`make translations`; `make test` prints it too): a report, not a test.

Lists English pages with no Chinese twin (readers of the Chinese site get the English page with
a "not yet translated" notice), translations whose source changed since they were translated,
and which Traditional Chinese pages are converted and which are written by hand
(kbsite.translations); `--stamp docs/x.zh.md` (or x.zh-hant.md) records the current source hash
once a translation is brought up to date. Facts that differ between a page and its translation fail
the parity test (tests/content/test_parity.py) instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kbsite.translations import stamp, status

DOCS = Path(__file__).resolve().parents[2] / "docs"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--stamp",
        nargs="+",
        type=Path,
        metavar="PAGE",
        help="record that these translations (x.zh.md, x.zh-hant.md) are up to date with their source",
    )
    args = parser.parse_args()
    if args.stamp:
        for page in args.stamp:
            stamp(page)
            print(f"stamped {page}")
        return 0
    report = status(DOCS)
    titles = {
        "missing": "English pages with no Chinese translation",
        "outdated": "Translations older than their source (Simplified: English; Traditional: Simplified)",
        "unstamped": "Translations that do not record their source (run with --stamp once checked)",
        "traditional_converted": "Traditional Chinese pages converted from the Simplified at build time",
        "traditional_handwritten": "Traditional Chinese pages written by hand (x.zh-hant.md, used instead)",
    }
    print("Translation status")
    for kind, items in report.items():
        print(f"  {titles[kind]}: {len(items)}")
        for item in items:
            print(f"    - {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
