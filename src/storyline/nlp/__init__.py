"""Language core: sentences, mentions, in-article entities and dates.

PLACEHOLDER (issue 3 replaces it): sentences only.
"""

from __future__ import annotations

from typing import Any

from ..model import Article, ArticleAnalysis, Sentence


def annotate(doc: Any, article: Article) -> ArticleAnalysis:
    """Sentences, mentions, local entities and resolved dates of one parsed article."""
    analysis = ArticleAnalysis(article_id=article.id)
    for s in doc.sents:
        text = s.text.strip()
        if text:
            analysis.sentences.append(Sentence(start=s.start_char, end=s.end_char, text=s.text))
    return analysis
