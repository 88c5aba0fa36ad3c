"""How the languages get built: at the same time for `mkdocs build`, only if changed for serve.

static-i18n builds the default language and then, inside that build, each other language, one
after the other in the same process.

- `mkdocs build`: a full build of a large knowledge base would take the sum of the languages'
  times while a core idles. Once the default language's build has its files (after the output
  folder was cleaned), each other language is built by a forked copy of the process into a
  folder of its own next to the site, and moved into the site when done; static-i18n's loop
  then only waits for it. Where `os.fork` does not exist the build stays sequential.
- `mkdocs serve --dirty` (what `make serve` runs): saving an English article does not change
  any Chinese page, unless that article has no Chinese twin (its English text stands in on the
  Chinese site). A rebuild skips every language none of whose inputs changed since the
  previous one (kbsite.changes). Forking is not used under serve: the server runs threads.

Both replace `mkdocs_static_i18n.plugin.build`, the function static-i18n's loop calls per
language. Switch: KB_PATCH_PARALLEL_LANGUAGES=0 (languages are then built one after the other,
every one on every save, as static-i18n does).
"""

from __future__ import annotations

import os
import shutil
import sys
import time
import traceback
from pathlib import Path

import mkdocs_static_i18n.plugin as static_i18n
from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from hooks import order
from hooks.i18n import is_default_build, is_nested_build, languages, plugin
from hooks.patches.guard import Patch
from kbsite.changes import changed_since, languages_to_rebuild
from kbsite.languages import folders

PATCH = Patch(
    "parallel_languages",
    package="mkdocs-static-i18n",
    versions=">=1.3,<1.4",
    changes="mkdocs_static_i18n.plugin.build, which static-i18n's post-build loop calls once per language",
)

_serving = False
_dirty = False
_last_started: float | None = None  # when the previous build under serve started
_children: dict[str, tuple[int, Path]] = {}  # language -> (process id, its own output folder)
SHARED_INPUTS = ("mkdocs.yml", "overrides", "widgets", "sitelib")  # a change here rebuilds every language


def on_startup(command: str, dirty: bool) -> None:
    global _serving, _dirty
    _serving, _dirty = command == "serve", dirty


def _skip_unchanged_languages(config: MkDocsConfig) -> None:
    global _last_started
    started, previous = time.time(), _last_started
    _last_started = started
    static_i18n.build = build
    if not _dirty or previous is None:
        return
    base = Path(config.config_file_path).parent
    if any(changed_since(base / name, previous) for name in SHARED_INPUTS if (base / name).exists()):
        return
    codes = [language.code for language in languages(config)]
    needed = languages_to_rebuild(changed_since(Path(config.docs_dir), previous), codes, codes[0])

    def build_if_needed(config: MkDocsConfig, dirty: bool = False) -> None:
        if plugin(config).current_language in needed:
            build(config, dirty=dirty)

    static_i18n.build = build_if_needed


def _build_language_in_child(config: MkDocsConfig, lang: str, out: Path) -> None:
    """Runs in the forked process: build `lang` into `out`, then exit without returning."""
    status = 1
    try:
        i18n = plugin(config)
        i18n.current_language = lang
        i18n.building = True  # tells static-i18n this is a nested build: it does not loop again
        config.site_dir = str(out)
        build(config)
        status = 0
    except SystemExit as error:  # mkdocs reports warnings under --strict with Abort
        print(f"ERROR   -  the '{lang}' build failed: {error}", file=sys.stderr)
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def _wait_for(lang: str, link: str, site_dir: Path) -> None:
    """Wait for the process building `lang`, then move its pages into the site."""
    pid, out = _children.pop(lang)
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        shutil.rmtree(out, ignore_errors=True)
        raise PluginError(f"building the '{lang}' pages failed (see the messages above)")
    target = site_dir / link
    if target.exists():
        shutil.rmtree(target)
    os.replace(out / link, target)
    shutil.rmtree(out, ignore_errors=True)


def on_build_error(**_: object) -> None:
    static_i18n.build = build
    for pid, out in _children.values():
        try:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        except OSError:
            pass
        shutil.rmtree(out, ignore_errors=True)
    _children.clear()


# First in the default language's `files` step: the output folder has just been cleaned.
@event_priority(order.BEFORE_ALL)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if is_nested_build(config) or not is_default_build(config):
        return files
    if not hasattr(static_i18n, "build") or not hasattr(plugin(config), "building"):
        raise PATCH.error("static-i18n no longer builds each language through plugin.build")
    static_i18n.build = build  # a failed previous build may have left ours in place
    if not PATCH.enabled():
        return files
    if _serving:
        _skip_unchanged_languages(config)
        return files
    if not hasattr(os, "fork"):
        return files
    site_dir = Path(config.site_dir)
    links = folders(languages(config))
    for language in languages(config):
        if language.default:
            continue
        out = site_dir.with_name(f"{site_dir.name}.{language.code}-build")
        shutil.rmtree(out, ignore_errors=True)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _build_language_in_child(config, language.code, out)
        _children[language.code] = (pid, out)

    def wait_instead_of_building(config: MkDocsConfig, dirty: bool = False) -> None:
        lang = plugin(config).current_language
        if lang in _children:
            _wait_for(lang, links[lang], site_dir)
        else:
            build(config, dirty=dirty)

    static_i18n.build = wait_instead_of_building
    return files


# After static-i18n's loop: later builds in this process start from the usual behaviour.
@event_priority(order.LAST - 50)
def on_post_build(config: MkDocsConfig) -> None:
    if not is_nested_build(config):
        static_i18n.build = build
