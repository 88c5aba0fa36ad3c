"""Quarantine: every change this site makes to mkdocs', Material's, static-i18n's or Pygments'
internals, and nothing else.

Each patch module here
1. declares the package and versions it was written for (`guard.Patch`) and stops the build
   with a clear message on any other version, or when the code it changes is not there;
2. can be switched off: `KB_PATCH_<NAME>=0` for one, `KB_PATCHES=off` for all;
3. has tests in tests/patches/: the site is still correct with it off, and it does what it
   claims with it on.

They buy speed (markdown_reuse, nav_cache, pygments_styles, parallel_languages, fast search
segmentation) or repair a third-party behaviour (the others). A later generator that runs no
mkdocs hooks can delete this folder and lose speed and those repairs, not content.
"""
