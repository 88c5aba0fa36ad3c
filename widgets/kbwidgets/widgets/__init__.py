"""Importing this package registers every widget (see kbwidgets.widget.register)."""

from kbwidgets.widgets import memory_units  # noqa: F401
