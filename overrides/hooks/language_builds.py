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
  previous one. Forking is not used under serve: the server runs threads.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
import traceback
from pathlib import Path

import mkdocs_static_i18n.plugin as static_i18n
from _changes import changed_since
from _i18n import current_language, default_language, languages, plugin
from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

_serving = False
_dirty = False
_last_started: float | None = None  # when the previous build under serve started
_children: dict[str, tuple[int, Path]] = {}  # language -> (process id, its own output folder)
SHARED_INPUTS = ("mkdocs.yml", "overrides", "widgets")  # a change here rebuilds every language


def on_startup(command: str, dirty: bool) -> None:
    global _serving, _dirty
    _serving, _dirty = command == "serve", dirty


def languages_to_rebuild(changed_docs: list[Path], codes: list[str], default: str) -> set[str]:
    """The non-default languages whose pages a change to `changed_docs` can affect."""
    needed: set[str] = set()
    for path in changed_docs:
        if path.suffix != ".md":
            return set(codes) - {default}  # an image or other asset: every language may show it
        marker = path.name.split(".")[1:-1]  # "page.zh.md" -> ["zh"]
        if marker and marker[-1] in codes:
            needed.add(marker[-1])
        else:  # a default-language page stands in wherever it has no twin
            needed |= {code for code in codes if not path.with_name(f"{path.stem}.{code}.md").exists()}
    return needed - {default}


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
    needed = languages_to_rebuild(
        changed_since(Path(config.docs_dir), previous), codes, default_language(config)
    )

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


def on_build_error(error: Exception) -> None:
    for pid, out in _children.values():
        try:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        except OSError:
            pass
        shutil.rmtree(out, ignore_errors=True)
    _children.clear()


# First in the default language's `files` step: the output folder has just been cleaned.
@event_priority(100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    i18n = plugin(config)
    if i18n.building or current_language(config) != default_language(config):
        return files
    if _serving:
        _skip_unchanged_languages(config)
        return files
    if not hasattr(os, "fork"):
        return files
    site_dir = Path(config.site_dir)
    links = {language.code: language.link for language in languages(config)}
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
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    if not plugin(config).building:
        static_i18n.build = build
