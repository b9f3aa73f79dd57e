"""Numeric claims and denials. PLACEHOLDER (issue 5)."""

from __future__ import annotations

from typing import Any

from ..model import Article, ArticleAnalysis, ClaimMention


def extract_claims(doc: Any, article: Article, analysis: ArticleAnalysis) -> list[ClaimMention]:
    return []
