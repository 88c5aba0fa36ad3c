"""Each icon file is the icon mkdocs.yml names (or Material's default), looked up as Material
looks it up, and a wrong name or file stops the build with a message naming the setting or file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbsite.icons import FOLDER, ICONS, icon_files, icon_text

ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18v2H3z"/></svg>\n'


def _theme(folder: Path, name: str, text: str) -> Path:
    icon = folder / ".icons" / f"{name}.svg"
    icon.parent.mkdir(parents=True)
    icon.write_text(text, encoding="utf-8")
    return folder


def test_the_first_theme_folder_with_the_icon_wins_as_in_material(tmp_path: Path):
    ours = _theme(tmp_path / "overrides", "material/lifebuoy", ICON)
    theirs = _theme(tmp_path / "material", "material/lifebuoy", ICON.replace("M3", "M4"))
    assert icon_text([tmp_path / "empty", ours, theirs], "logo", "material/lifebuoy") == ICON
    assert "M4" in icon_text([theirs, ours], "logo", "material/lifebuoy")


def test_an_unknown_icon_names_the_setting(tmp_path: Path):
    with pytest.raises(ValueError, match=r"theme\.icon\.logo is 'material/lifebouy'"):
        icon_text([_theme(tmp_path, "material/lifebuoy", ICON)], "logo", "material/lifebouy")


def test_a_file_that_is_not_an_svg_icon_is_named(tmp_path: Path):
    theme = _theme(tmp_path, "material/broken", "<html>not an icon</html>")
    with pytest.raises(
        ValueError, match=r"broken\.svg: not an SVG icon with a viewBox, so it cannot be theme\.icon\.menu"
    ):
        icon_text([theme], "menu", "material/broken")


def test_every_icon_is_written_the_configured_one_or_materials_default(tmp_path: Path):
    for name in {*ICONS.values(), "material/lifebuoy"}:
        icon = tmp_path / ".icons" / f"{name}.svg"
        icon.parent.mkdir(parents=True, exist_ok=True)
        icon.write_text(ICON.replace("M3", name), encoding="utf-8")
    files = icon_files([tmp_path], {"logo": "material/lifebuoy"})
    assert sorted(files) == sorted(f"{FOLDER}/{key}.svg" for key in ICONS)
    assert "material/lifebuoy" in files[f"{FOLDER}/logo.svg"]
    assert "material/magnify" in files[f"{FOLDER}/search.svg"]
