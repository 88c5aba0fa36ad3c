"""The build's shortcuts (markdown_reuse, nav_cache, chinese_segmentation, highlight_styles)
change no byte.

The site of the test session is built with them; here it is built again without, for the same
address, and every page, sitemap and search index must be identical.
"""

from __future__ import annotations

import re
from pathlib import Path

from site_build import build_site

WITHOUT_SHORTCUTS = {
    "KB_MARKDOWN_REUSE": "0",
    "KB_NAV_CACHE": "0",
    "KB_FAST_SEGMENTATION": "0",
    "KB_HIGHLIGHT_CACHE": "0",
}


def _outputs(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.suffix in {".html", ".xml", ".json"}
    }


def test_pages_are_the_same_without_the_build_shortcuts(built_site, tmp_path):
    plain = tmp_path / "site"
    proc = build_site(plain, built_site.port, WITHOUT_SHORTCUTS)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    ours, reference = _outputs(built_site.root), _outputs(plain)
    assert len(reference) > 30  # pages of both languages, sitemaps, search indexes
    assert sorted(ours) == sorted(reference)
    different = [name for name in reference if ours[name] != reference[name]]
    assert different == []


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
    # overrides/partials/nav.html shadows Material's: after an upgrade of Material it must be
    # brought in step, or the sidebar would silently keep the old markup.
    import material

    theirs = Path(material.__file__).parent / "templates" / "partials" / "nav.html"
    ours = Path(__file__).resolve().parents[2] / "overrides" / "partials" / "nav.html"

    def significant(text: str) -> list[str]:
        text = re.sub(r"\{#.*?#\}", "", text, flags=re.S)  # comments
        return [line.strip() for line in text.splitlines() if line.strip()]

    cached_branch = [
        "{% if nav_item.active or not kb_nav_cached %}",
        "{{ item.render(nav_item, path, 1) }}",
        "{% else %}",
        "{% call kb_nav_cached(nav_item, path, page) %}{{ item.render(nav_item, path, 1) }}{% endcall %}",
        "{% endif %}",
    ]
    mine = significant(ours.read_text("utf-8"))
    start = mine.index(cached_branch[0])
    assert mine[start : start + len(cached_branch)] == cached_branch
    mine[start : start + len(cached_branch)] = ["{{ item.render(nav_item, path, 1) }}"]
    assert mine == significant(theirs.read_text("utf-8"))


def test_the_sidebar_cache_is_used_only_with_pruned_categories():
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "overrides" / "hooks"))
    from mkdocs.config import load_config
    from nav_cache import cache_applies

    ours = load_config(str(Path(__file__).resolve().parents[2] / "mkdocs.yml"))
    assert cache_applies(list(ours.theme["features"]))  # so the byte-identity test above tests it
    assert cache_applies(["navigation.instant", "navigation.prune", "navigation.indexes"])
    assert not cache_applies(["navigation.instant"])
    for unpruning in ("navigation.sections", "navigation.tabs", "navigation.expand"):
        assert not cache_applies(["navigation.prune", unpruning])
