"""The quarantined patches (overrides/hooks/patches/): the site is right without them, and each
changes exactly what it claims.

The site of the test session is built with every patch on; here it is built again for the same
address with every patch off (`KB_PATCHES=off`). The speed patches (markdown_reuse, nav_cache,
pygments_styles, parallel_languages) must change no byte; the repairs (material_language_base,
script_defer, traditional_ui_texts) must change only their own markup.
"""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from hooks.patches.guard import Patch
from kbsite.linkcheck import broken_links
from tools.dev.site_build import build_site

ROOT = Path(__file__).resolve().parents[2]
PATCHES = sorted(p.stem for p in (ROOT / "overrides" / "hooks" / "patches").glob("*.py") if p.stem[0] != "_")
PATCHES.remove("guard")

DEFER = re.compile(r'(<script src="[^"]*assets/javascripts/[^"]+\.js") defer>')
SCRIPT_FILE = re.compile(r'<script src="[^"]*assets/javascripts/md/[a-z]+\.js" defer></script>')
INLINE_SCRIPT = re.compile(r"<script>.*?</script>", re.S)
# traditional_ui_texts: Material's zh-Hant texts with Simplified characters, and what it makes them.
MATERIAL_ZH_HANT = {"頁腳": "頁脚", "找到 1 個符合條件的結果": "找到 1 个符合條件的結果"}
MATERIAL_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


@pytest.fixture(scope="module")
def unpatched(built_site, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("unpatched")
    proc = build_site(out, built_site.port, {"KB_PATCHES": "off"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


def _outputs(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): path.read_text("utf-8")
        for path in sorted(root.rglob("*"))
        if path.suffix in {".html", ".xml", ".json"} and "pyodide" not in path.parts
    }


def _without_base(match: re.Match[str]) -> str:
    material_config = json.loads(match.group(2))
    material_config.pop("base")
    texts = material_config.get("translations", {})
    for key, text in texts.items():  # the 404 page's configuration has them \u-escaped
        texts[key] = MATERIAL_ZH_HANT.get(text, text)
    return match.group(1) + json.dumps(material_config, sort_keys=True) + match.group(3)


def _without_repairs(html: str) -> str:
    """A page without what the repair patches change: `defer`, the base, Material's
    Traditional texts, Material's scripts inline (patch off) or in files (strict_csp on), and the
    stylesheet's name (strict_csp rewrites its icons, and the name follows the content)."""
    html = INLINE_SCRIPT.sub("", SCRIPT_FILE.sub("", html))
    html = re.sub(r"site\.[0-9a-f]{8}\.css", "site.css", html)
    html = DEFER.sub(r"\1>", html)
    for ours, materials in MATERIAL_ZH_HANT.items():
        html = html.replace(ours, materials)
    return MATERIAL_CONFIG.sub(_without_base, html)


def test_every_patch_is_guarded_and_switchable():
    for name in PATCHES:
        module = importlib.import_module(f"hooks.patches.{name}")
        patch = module.PATCH
        assert isinstance(patch, Patch) and patch.name == name
        patch.check_version()  # the installed version is the one it was written for


def test_a_patch_refuses_a_version_it_was_not_written_for(monkeypatch):
    patch = Patch("demo", package="mkdocs", versions=">=99", changes="nothing")
    with pytest.raises(
        PluginError, match=r"patches/demo\.py: it was written for mkdocs >=99.*KB_PATCH_DEMO=0"
    ):
        patch.enabled()
    monkeypatch.setenv("KB_PATCH_DEMO", "0")
    assert patch.enabled() is False  # switched off: no version check, nothing patched
    monkeypatch.delenv("KB_PATCH_DEMO")
    monkeypatch.setenv("KB_PATCHES", "off")
    assert patch.enabled() is False


def test_without_patches_the_site_has_the_same_pages(built_site, unpatched):
    ours, plain = _outputs(built_site.root), _outputs(unpatched)
    assert len(plain) > 30  # pages of both languages, sitemaps, search indexes
    assert sorted(ours) == sorted(plain)
    # The speed patches change no byte; the repairs only their own markup.
    assert [name for name in plain if _without_repairs(ours[name]) != _without_repairs(plain[name])] == []


def test_without_patches_every_link_and_anchor_still_works(built_site, unpatched):
    assert broken_links(unpatched, built_site.url) == []


def test_script_defer_defers_every_script_of_ours_and_materials(built_site, unpatched):
    for page in ("index.html", "zh/tws/memory-allocation/index.html"):
        ours = (built_site.root / page).read_text("utf-8")
        assert len(DEFER.findall(ours)) >= 3  # Material's start-up scripts and bundle, and ours
        assert re.findall(r'<script src="[^"]*assets/javascripts/[^"]+\.js"></script>', ours) == []
        assert DEFER.findall((unpatched / page).read_text("utf-8")) == []


def test_material_language_base_points_chinese_pages_at_the_chinese_root(built_site, unpatched):
    def base(root: Path, page: str) -> str:
        return re.search(r'"base": "([^"]*)"', _page(root, page))[1]

    assert base(built_site.root, "zh/tws/memory-allocation/index.html") == "../.."
    assert base(built_site.root, "zh/index.html") == "."
    assert base(built_site.root, "tws/memory-allocation/index.html") == "../.."  # English: as Material has it
    assert base(unpatched, "zh/tws/memory-allocation/index.html") == "../../.."  # the site root


def test_traditional_ui_texts_corrects_materials_simplified_characters_on_traditional_pages_only(
    built_site, unpatched
):
    page = "zh-hant/tws/connectivity/index.html"
    assert 'aria-label="頁脚"' in _page(unpatched, page)
    assert 'aria-label="頁腳"' in _page(built_site.root, page)
    assert '"找到 1 個符合條件的結果"' in _page(built_site.root, page)
    assert '"找到 1 个符合条件的结果"' in _page(built_site.root, "zh/tws/connectivity/index.html")


def _page(root: Path, page: str) -> str:
    return (root / page).read_text("utf-8")


def _closed_category_links(page: Path) -> list[str]:
    html = page.read_text("utf-8")
    return re.findall(r'md-nav__item--pruned md-nav__item--nested">\s*<a href="([^"]*)"', html)


def test_closed_categories_link_to_their_pages_from_every_depth(built_site):
    # A cached sidebar item is reused only where its relative link is the same.
    root = built_site.root
    assert _closed_category_links(root / "index.html") == ["secure-login/", "tws/", "reports/"]
    article = ["../../secure-login/", "../../reports/"]
    assert _closed_category_links(root / "tws" / "memory-allocation" / "index.html") == article
    assert _closed_category_links(root / "zh" / "tws" / "memory-allocation" / "index.html") == article


def test_our_sidebar_template_is_materials_plus_the_cache():
    # patches/templates/partials/nav.html shadows Material's while nav_cache is on: after an
    # upgrade of Material it must be brought in step, or the sidebar would keep the old markup.
    import material

    theirs = Path(material.__file__).parent / "templates" / "partials" / "nav.html"
    ours = ROOT / "overrides" / "hooks" / "patches" / "templates" / "nav_cache" / "partials" / "nav.html"

    def significant(text: str) -> list[str]:
        text = re.sub(r"\{#.*?#\}", "", text, flags=re.S)  # comments
        return [line.strip() for line in text.splitlines() if line.strip()]

    cached_branch = [
        "{% if nav_item.active or not kb_nav_cached -%}",
        "{{ item.render(nav_item, path, 1) }}",
        "{%- else -%}",
        "{% call kb_nav_cached(nav_item, path, page) %}{{ item.render(nav_item, path, 1) }}{% endcall %}",
        "{%- endif %}",
    ]
    mine = significant(ours.read_text("utf-8"))
    start = mine.index(cached_branch[0])
    assert mine[start : start + len(cached_branch)] == cached_branch
    mine[start : start + len(cached_branch)] = ["{{ item.render(nav_item, path, 1) }}"]
    assert mine == significant(theirs.read_text("utf-8"))


def test_the_sidebar_cache_is_used_only_with_pruned_categories():
    from mkdocs.config import load_config

    from hooks.patches.nav_cache import cache_applies

    ours = load_config(str(ROOT / "mkdocs.yml"))
    assert cache_applies(list(ours.theme["features"]))  # so the byte-identity test above tests it
    assert cache_applies(["navigation.instant", "navigation.prune", "navigation.indexes"])
    assert not cache_applies(["navigation.instant"])
    for unpruning in ("navigation.sections", "navigation.tabs", "navigation.expand"):
        assert not cache_applies(["navigation.prune", unpruning])


def test_strict_csp_leaves_no_inline_script_and_serves_materials_own(built_site, unpatched):
    from hooks.patches.strict_csp import material_scripts

    for page in ("index.html", "zh/tws/memory-allocation/index.html", "404.html", "zh/404.html"):
        assert INLINE_SCRIPT.findall(_page(built_site.root, page)) == [], page
        assert len(INLINE_SCRIPT.findall(_page(unpatched, page))) >= 3, page
    folder = built_site.root / "assets" / "javascripts" / "md"
    for name, script in material_scripts().items():
        assert (folder / name).read_text("utf-8") == script
    (stylesheet,) = (built_site.root / "assets" / "stylesheets").glob("site.*.css")
    assert "data:" not in stylesheet.read_text("utf-8")  # Material's main stylesheet is part of it
    (unpatched_stylesheet,) = (unpatched / "assets" / "stylesheets").glob("site.*.css")
    assert "data:" in unpatched_stylesheet.read_text("utf-8")
    assert (built_site.root / "assets" / "images" / "md-icons" / "admonition-icon--note.svg").is_file()
