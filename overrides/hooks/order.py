"""When our hooks run: every event priority the hooks use, named, in one place.

mkdocs runs the handlers of an event from the highest priority down (the default is 0), and
handlers of equal priority in the order mkdocs.yml lists them. What we have to be placed around:

- mkdocs-static-i18n runs at -100. In `files` and `nav` it swaps in the current language's
  pages (new File objects); in `post_build` it builds every other language, nested inside the
  default language's build.
"""

from __future__ import annotations

I18N = -100
"""mkdocs-static-i18n's own handlers."""

BEFORE_ALL = 100
"""Before any plugin: the output folder has just been cleaned, nothing has read the pages."""

BEFORE_I18N = -90
"""`files`: after mkdocs has listed docs/, just before static-i18n sorts the files by language."""

AFTER_I18N = -110
"""`files`, `nav`: after static-i18n has chosen this language's pages, before anyone reads them."""

AFTER_THEME_FILES = -120
"""`files`: after every hook that adds or rewrites a theme file (our bundles, strict_csp's icons)."""

BEFORE_OTHER_LANGUAGES = -50
"""`post_build`: this language's pages are written; static-i18n has not started the others."""

LAST = -150
"""`post_build`: after the nested language builds: every page of every language is written."""

OFFLINE = -155
"""`post_build`: the service worker, which lists every finished file (search indexes included)."""

ABOUT_THE_SITE = -160
"""`post_build`: files about the finished site's files (precompressed copies, the headers file)."""
