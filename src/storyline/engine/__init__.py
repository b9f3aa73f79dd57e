"""Engines run the same per-article stage functions locally or on Dask."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Article, ArticleAnalysis

ENGINES = ("local", "dask")


def analyze_with(engine: str, articles: list[Article], model: str | None = None, workers: int = 1,
                 scheduler: str | None = None) -> Iterator[ArticleAnalysis]:
    """Per-article analysis on the chosen engine, in input order."""
    if engine == "local":
        from .local import analyze_local

        return analyze_local(articles, model=model, workers=workers)
    if engine == "dask":
        from .dask import analyze_dask

        return analyze_dask(articles, model=model, workers=workers, scheduler=scheduler)
    raise ValueError(f"engine={engine!r} is not one of {ENGINES}")
