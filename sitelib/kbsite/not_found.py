"""What a language's 404 page offers: its own words, a search box, the categories, and the way
to the "cannot log in?" page; and a language switcher that leads to the other language's home.

The 404 page is served at whatever address was missing (/zh/tws/old-name/), so every link on
it is absolute from the site's path ("/", or "/help/" when the site is served below a folder),
never relative.
"""

from __future__ import annotations

import posixpath
from typing import Any

from kbsite.languages import language_tag
from kbsite.pages import LanguageIndex
from kbsite.texts import site_text

LOGIN_HELP = "secure-login/system-access-help/"  # "Can't log in? Find your situation"


def absolute(site_path: str, url: str) -> str:
    """`url` (relative to the site root) as a path from the host's root: "/zh/tws/"."""
    root = "/" + site_path.strip("/") + "/" if site_path.strip("/") else "/"
    return posixpath.join(root, url) if url else root


def categories(index: LanguageIndex) -> list[tuple[str, str, str]]:
    """(title, url, summary) of each public category page of the language, in file order."""
    found = []
    for info in index.pages.values():
        url = info.file.url[len(index.folder) :] if info.file.url.startswith(index.folder) else info.file.url
        if info.file.is_index and url.count("/") == 1 and info.public and not info.stand_in:
            found.append((info.title, info.file.url, info.summary))
    # The category of the "cannot log in?" page first: the reason most readers are here.
    return sorted(found, key=lambda item: (not LOGIN_HELP.startswith(item[1][len(index.folder) :]), item[1]))


def not_found_context(index: LanguageIndex, site_path: str) -> dict[str, Any]:
    """The template values of the 404 page of `index`'s language."""
    lang = index.lang
    home = absolute(site_path, index.folder)
    login = index.page(
        next((uri for uri in index.pages if index.pages[uri].file.url.endswith(LOGIN_HELP)), "")
    )
    return {
        "kb_not_found": {
            "title": site_text("not_found.title", lang),
            "body": site_text("not_found.body", lang),
            "search_label": site_text("not_found.search_label", lang),
            "search_button": site_text("not_found.search_button", lang),
            "search_action": home,
            "login_title": site_text("not_found.login_title", lang),
            "login_text": login.title if login else "",
            "login_url": absolute(site_path, login.file.url) if login else "",
            "categories_title": site_text("not_found.categories_title", lang),
            "separator": site_text("not_found.separator", lang),
            "categories": [
                {"title": title, "url": absolute(site_path, url), "summary": summary}
                for title, url, summary in categories(index)
            ],
        },
        "kb_alternates": [
            {
                "lang": language.code,
                "tag": language_tag(language.code),
                "name": language.name,
                "url": absolute(site_path, language.link),
                "current": language.code == lang,
                "translated": True,
            }
            for language in index.languages
        ],
    }
