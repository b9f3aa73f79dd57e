"""Engines run the same per-article stage functions locally or on Dask."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

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


def map_with(engine: str, workers: int = 1, scheduler: str | None = None) -> Callable[[Callable, list], list]:
    """``map_fn(fn, tasks) -> results`` (in task order) over the engine's workers, for the
    cross-article tasks that split by story (summaries). ``fn`` must be importable by name
    (a module-level function) and the tasks picklable. One worker: run here."""
    if engine == "local":
        if workers <= 1:
            return _here
        from .local import _pool

        return lambda fn, tasks: list(_pool(workers).map(fn, tasks)) if tasks else []
    if engine == "dask":
        from .dask import get_client

        def on_dask(fn: Callable, tasks: list) -> list[Any]:
            if not tasks:
                return []
            client = get_client(workers, scheduler)
            return client.gather(client.map(fn, tasks, pure=False))

        return on_dask
    raise ValueError(f"engine={engine!r} is not one of {ENGINES}")


def _here(fn: Callable, tasks: list) -> list:
    return [fn(t) for t in tasks]
