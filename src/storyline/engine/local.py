"""The local engine: per-article stages in this process, or in N worker processes."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Article, ArticleAnalysis


def analyze_local(articles: list[Article], model: str | None = None, workers: int = 1,
                  batch_size: int = 16) -> Iterator[ArticleAnalysis]:
    from ..analyze import analyze_articles

    if workers <= 1 or len(articles) < 2 * batch_size:
        yield from analyze_articles(articles, model=model, batch_size=batch_size)
        return
    import concurrent.futures as cf
    import multiprocessing as mp

    chunks = [articles[i : i + batch_size * 4] for i in range(0, len(articles), batch_size * 4)]
    ctx = mp.get_context("spawn")
    with cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        # map keeps input order, so output is the same as in-process.
        for result in pool.map(_analyze_chunk, chunks, [model] * len(chunks), [batch_size] * len(chunks)):
            yield from result


def _analyze_chunk(chunk: list[Article], model: str | None, batch_size: int) -> list[ArticleAnalysis]:
    from ..analyze import analyze_articles

    return list(analyze_articles(chunk, model=model, batch_size=batch_size))
