"""A synthetic knowledge base of N articles in both languages, for build benchmarks.

It copies the real site (mkdocs.yml, overrides/, docs/) into a folder and adds N articles
spread over 10 categories, each in English and Chinese, with valid front matter, headings, a
table, code, KB references and links between articles, so every hook does its real work.
Also writes a stock configuration (Material + mkdocs-static-i18n, the same 10 categories with
`navigation.prune`, none of our hooks) for comparison.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from tools.dev.site_build import ROOT, TOP_FILES

CATEGORIES = 10
EN_WORDS = (
    "account login password device security code card portal platform workstation memory "
    "network firewall proxy server setting layout chart window order market data report user "
    "access temporary passcode mobile notification browser connection test update version"
).split()
ZH_WORDS = (
    "账户 登录 密码 设备 安全 验证码 卡片 门户 平台 工作站 内存 网络 防火墙 代理 服务器 设置 布局 "
    "图表 窗口 订单 行情 数据 报告 用户 访问 临时 移动 通知 浏览器 连接 测试 更新 版本"
).split()
STOCK_CONFIG = """site_name: Synthetic help centre
site_url: http://127.0.0.1:8000/
theme:
  name: material
  font: false
  features: [navigation.instant, navigation.indexes, navigation.prune]
markdown_extensions: [admonition, attr_list, md_in_html, tables, toc, pymdownx.superfences, pymdownx.keys]
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - {locale: en, name: English, default: true, build: true}
        - {locale: zh, name: 简体中文, build: true}
"""


def _sentence(rng: random.Random, words: list[str], lang: str) -> str:
    picked = [rng.choice(words) for _ in range(rng.randint(8, 16))]
    if lang == "zh":
        return "".join(picked) + "。"
    return " ".join(picked).capitalize() + "."


def _body(rng: random.Random, number: int, lang: str, total: int) -> str:
    words = ZH_WORDS if lang == "zh" else EN_WORDS
    other = (number * 7 + 3) % total
    link_text = "另见" if lang == "zh" else "See also"
    parts = [f"# {'文章' if lang == 'zh' else 'Article'} {number}\n"]
    for section in range(4):
        heading = f"第{section + 1}部分" if lang == "zh" else f"Part {section + 1}"
        parts.append(f"## {heading} {{ #part-{section + 1} }}\n")
        parts.append(" ".join(_sentence(rng, words, lang) for _ in range(6)) + f" KB{1000 + number % 50}.\n")
    parts.append("| A | B |\n| --- | --- |\n| 1536 | 2048 |\n")
    parts.append("```text\n-Xmx1536m\n```\n")
    parts.append(f"{link_text}: [{other}](../cat{other % CATEGORIES:02d}/article-{other:04d}.md#part-2)\n")
    return "\n".join(parts)


def _front_matter(number: int, lang: str) -> str:
    title = f"文章 {number}" if lang == "zh" else f"Article {number}"
    summary = f"第 {number} 篇合成文章。" if lang == "zh" else f"Synthetic article number {number}."
    tags = f"[tag{number % 13}, tag{number % 7}, synthetic]"
    return (
        f"---\nid: article-{number:04d}\ntitle: {title}\nsummary: {summary}\ntags: {tags}\n"
        f"platforms: [tws]\nlast_reviewed: 2026-11-01\n---\n"
    )


def generate(dest: Path, articles: int, seed: int = 1, root: Path = ROOT) -> Path:
    """The real site (of the tree at `root`) plus `articles` synthetic articles (x2 languages)
    under `dest`."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    # Copied: what the benchmark edits (an article, for edit-to-reload). An older tree (`root`,
    # for before/after figures) may lack a file that came later, such as glossary.toml.
    for name in ("overrides", "docs", *TOP_FILES):
        source = root / name
        if source.exists():
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, dest / name)
    # The widget runtime hook builds from the repository it sits in: point it at ours.
    for name in ("widgets", "sitelib", "node_modules", "tools", ".cache"):
        if (root / name).exists():
            (dest / name).symlink_to((root / name).resolve())
    rng = random.Random(seed)
    for category in range(CATEGORIES):
        folder = dest / "docs" / f"cat{category:02d}"
        folder.mkdir()
        for lang, suffix in (("en", ".md"), ("zh", ".zh.md")):
            title = f"类别 {category}" if lang == "zh" else f"Category {category}"
            (folder / f"index{suffix}").write_text(
                f"---\ntitle: {title}\nsummary: {title}.\n---\n# {title}\n", encoding="utf-8"
            )
    for number in range(articles):
        folder = dest / "docs" / f"cat{number % CATEGORIES:02d}"
        for lang, suffix in (("en", ".md"), ("zh", ".zh.md")):
            text = _front_matter(number, lang) + _body(rng, number, lang, articles)
            (folder / f"article-{number:04d}{suffix}").write_text(text, encoding="utf-8")
    return dest


def write_stock_config(site: Path) -> Path:
    """A stock Material + static-i18n configuration next to our own, over the same docs."""
    config = site / "mkdocs-stock.yml"
    config.write_text(STOCK_CONFIG, encoding="utf-8")
    return config
