"""The mkdocs glue: thin hooks that connect mkdocs' events to the kbsite library.

mkdocs loads each hook file named in mkdocs.yml by its path; the shared pieces below are
imported as the package `hooks` (installed by `make setup`).

- `order`: when our hooks run, relative to each other and to the plugins, in one place;
- `i18n`: what mkdocs-static-i18n says about languages and the build that is running;
- `site_index`: the page index of each language build (kbsite.pages), for every hook to read;
- `content/`, `languages/`, `widgets/`, `setup/`: our features, by concern;
- `patches/`: every change to mkdocs', Material's or static-i18n's internals, and only those.
  Each is version-guarded and can be switched off; the site is correct without them.
"""
