"""The pages this build converts (kbsite.converted), kept between the two `files` steps.

Before static-i18n sorts the files by language, languages/converted_pages.py adds a File for
every Traditional page that has no hand-written twin. static-i18n then makes new File objects
that read from docs/, where a converted page does not exist; right after it,
`restore_content` gives them their converted text again (called by languages/page_index.py,
which reads the pages next).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from kbsite.converted import Conversion, conversions, converted_markdown

_made: dict[str, Conversion] = {}  # target src_uri -> how it is made


def add_converted_pages(files: Files, config: MkDocsConfig) -> Files:
    _made.clear()
    for conversion in conversions(file.src_uri for file in files.documentation_pages()):
        # A path under docs_dir, as static-i18n expects of a writer's page; it is never read.
        files.append(File(conversion.target, config.docs_dir, config.site_dir, config.use_directory_urls))
        _made[conversion.target] = conversion
    return files


def restore_content(files: Files, config: MkDocsConfig) -> None:
    docs = Path(config.docs_dir)
    for file in files.documentation_pages():
        conversion = _made.get(file.src_uri)
        if conversion is not None:
            file.content_string = converted_markdown(docs / conversion.source)


def conversion_of(src_uri: str) -> Conversion | None:
    """How the page `src_uri` is made, if this build converts it."""
    return _made.get(src_uri)
