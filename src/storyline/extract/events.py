"""Events: who did what to whom, where, when. PLACEHOLDER (issue 5)."""

from __future__ import annotations

from typing import Any

from ..model import Article, ArticleAnalysis, Entity, Event, EventMention


def extract_events(doc: Any, article: Article, analysis: ArticleAnalysis) -> list[EventMention]:
    return []


def merge_events(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    entity_map: dict[tuple[str, str], str],
    entities: list[Entity],
) -> list[Event]:
    return []
