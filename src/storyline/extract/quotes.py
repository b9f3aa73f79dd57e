"""Quotes and their speakers. PLACEHOLDER (issue 4)."""

from __future__ import annotations

from typing import Any

from ..model import Article, ArticleAnalysis, Entity, Quote, QuoteMention


def extract_quotes(doc: Any, article: Article, analysis: ArticleAnalysis) -> list[QuoteMention]:
    return []


def merge_quotes(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    entity_map: dict[tuple[str, str], str],
    entities: list[Entity],
) -> list[Quote]:
    return []
