"""The local engine: per-article stages in this process, or in N worker processes.

Workers are spawned once and kept for the life of the process (the pipeline calls
the engine once per chunk of articles), so each worker loads the spaCy pipeline
once. Partitions are whole multiples of the parse batch and aligned to it, so every
article is parsed in the same batch, with the same neighbours, whatever the number
of workers: the output does not depend on the engine or the worker count.
"""

from __future__ import annotations

import atexit
import logging
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from ..analyze import DEFAULT_BATCH_SIZE
from ..model import Article, ArticleAnalysis

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

_pools: dict[int, ProcessPoolExecutor] = {}
_lock = threading.Lock()


def partitions(articles: list[Article], workers: int, batch_size: int = DEFAULT_BATCH_SIZE,
               per_worker: int = 4, max_batches: int = 4) -> list[list[Article]]:
    """Split ``articles`` into consecutive partitions of whole parse batches.

    About ``per_worker`` partitions per worker, so a slow partition does not leave
    the others idle, and at most ``max_batches`` batches each, so memory per task
    stays small.
    """
    if not articles:
        return []
    n_batches = -(-len(articles) // batch_size)
    per_part = max(1, min(max_batches, -(-n_batches // max(1, workers * per_worker))))
    size = per_part * batch_size
    return [articles[i : i + size] for i in range(0, len(articles), size)]


def analyze_local(articles: list[Article], model: str | None = None, workers: int = 1,
                  batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[ArticleAnalysis]:
    """Per-article analysis in input order, in-process or on ``workers`` processes.

    With workers, every partition is submitted before this returns, so the workers
    compute while the caller is still busy with earlier results (the pipeline stores
    one chunk while the next is analysed); the iterator then yields in input order.
    """
    from ..analyze import analyze_articles

    parts = partitions(list(articles), workers, batch_size)
    if workers <= 1 or len(parts) < 2:
        # One partition cannot be shared out: starting workers would only add their cost.
        return analyze_articles(articles, model=model, batch_size=batch_size)
    pool = _pool(workers)
    futures = [pool.submit(analyze_partition, part, model, batch_size) for part in parts]
    return _collect(futures, pool, workers)


def _collect(futures: list, pool: ProcessPoolExecutor, workers: int) -> Iterator[ArticleAnalysis]:
    from concurrent.futures.process import BrokenProcessPool

    try:
        for fut in futures:
            yield from fut.result()
    except BrokenProcessPool:
        # A worker died (killed, out of memory): forget the pool so the next call starts afresh.
        with _lock:
            if _pools.get(workers) is pool:
                del _pools[workers]
        raise
    finally:
        for fut in futures:
            fut.cancel()


def analyze_partition(part: list[Article], model: str | None, batch_size: int) -> list[ArticleAnalysis]:
    """The task every engine runs: one partition through the per-article stages."""
    from ..analyze import analyze_articles

    return list(analyze_articles(part, model=model, batch_size=batch_size))


def _pool(workers: int) -> ProcessPoolExecutor:
    import multiprocessing as mp

    with _lock:
        pool = _pools.get(workers)
        if pool is None:
            # spawn, not fork: the parent may hold threads (web server, ONNX runtime) and
            # forking those can deadlock the child.
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"))
            _pools[workers] = pool
            log.info("started %d local analysis workers", workers)
        return pool


def shutdown() -> None:
    """Stop the worker processes (they are otherwise kept until the process exits)."""
    with _lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.shutdown(wait=True, cancel_futures=True)


def _at_exit(*_: Any) -> None:
    shutdown()


atexit.register(_at_exit)
