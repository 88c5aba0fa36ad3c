"""`python -m kbwidgets ...`: see kbwidgets.cli."""

from kbwidgets.cli import main

raise SystemExit(main())
