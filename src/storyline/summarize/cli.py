"""``storyline summarize``: any set of documents summarised as one cluster, no store needed."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Article, FileError, SummarySentence


def load_articles(inputs: Iterable[str]) -> tuple[list[Article], list[FileError]]:
    """Read and clean inputs in memory, dropping exact duplicates."""
    from ..ingest import prepare_article
    from ..ingest.readers import read_paths

    articles: dict[str, Article] = {}
    errors: list[FileError] = []
    for item in read_paths(inputs):
        if isinstance(item, FileError):
            errors.append(item)
            continue
        a = prepare_article(item)
        if a is not None and a.id not in articles:
            articles[a.id] = a
    return list(articles.values()), errors


def summarize_inputs(inputs: Iterable[str], words: int = 100, model: str | None = None
                     ) -> tuple[list[SummarySentence], list[FileError]]:
    from ..analyze import analyze_articles
    from .summary import summarize_articles

    articles, errors = load_articles(inputs)
    analyses = {a.article_id: a for a in analyze_articles(articles, model=model)}
    return summarize_articles(articles, analyses, words=words), errors
