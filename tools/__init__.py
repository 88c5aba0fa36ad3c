"""Commands for the people who work on the site, by who runs them (importable as `tools`).

- `dev/`: infrastructure the tests, the reports and `make` share: building the site for an
  address, the preview server, Chromium, a synthetic site for scale tests;
- `writers/`: what writers run: `make new`, `make translations`;
- `reports/`: figures, not tests: `make bench`, `make bench-build`, `make audit`.
"""
