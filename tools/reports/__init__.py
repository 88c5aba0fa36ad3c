"""Figures, not tests: `make bench`, `make bench-build`, `make audit`."""
