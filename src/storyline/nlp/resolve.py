"""Entities merged across articles. PLACEHOLDER (issue 3)."""

from __future__ import annotations

from ..model import Article, ArticleAnalysis, Entity


def resolve_corpus(
    articles: list[Article], analyses: dict[str, ArticleAnalysis]
) -> tuple[list[Entity], dict[tuple[str, str], str]]:
    """Merge article-local entities into corpus entities.

    Returns the entities and a map (article id, local key) -> entity id.
    """
    return [], {}
