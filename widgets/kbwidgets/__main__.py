"""`python -m kbwidgets ...`: see kbwidgets.entrypoints.cli."""

from kbwidgets.entrypoints.cli import main

raise SystemExit(main())
