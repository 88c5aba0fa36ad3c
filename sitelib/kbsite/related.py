"""Related articles, by tag: up to five others in the same language that share the most tags
with an article (ties broken by title).

The ranking depends only on an article's tags, so articles with the same tags share one
ranking (`RelatedIndex.best_for` remembers it). A tag on more articles than COMMON_TAG says
little about any one of them; it still counts in the score, but does not make every article a
candidate for every other (that would be N x N).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

MAX_RELATED = 5
COMMON_TAG = 100


@dataclass(frozen=True)
class Article:
    url: str  # relative to the site root
    title: str
    tags: frozenset[str]


@dataclass
class RelatedIndex:
    articles: list[Article]
    by_tag: dict[str, list[int]] = field(default_factory=dict)
    by_url: dict[str, Article] = field(default_factory=dict)
    _ranked: dict[frozenset[str], list[tuple[int, str, str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for position, article in enumerate(self.articles):
            self.by_url[article.url] = article
            for tag in article.tags:
                self.by_tag.setdefault(tag, []).append(position)

    def best_for(self, url: str, tags: frozenset[str]) -> list[Article]:
        """The articles to show under the article at `url` with `tags` (never itself)."""
        if tags not in self._ranked:
            self._ranked[tags] = self._rank(tags)
        # One more than shown was ranked, in case the article itself is among them.
        shown = [self.by_url[other] for _, _, other in self._ranked[tags] if other != url]
        return shown[:MAX_RELATED]

    def _rank(self, tags: frozenset[str]) -> list[tuple[int, str, str]]:
        telling = [tag for tag in tags if len(self.by_tag.get(tag, ())) <= COMMON_TAG] or list(tags)
        candidates = {i for tag in telling for i in self.by_tag.get(tag, ())[: COMMON_TAG * 10]}
        return heapq.nsmallest(
            MAX_RELATED + 1,
            (
                (-len(tags & self.articles[i].tags), self.articles[i].title, self.articles[i].url)
                for i in candidates
            ),
        )
