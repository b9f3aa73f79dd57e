"""The Dask engine: per-article stages as Dask tasks over partitions on a ``distributed`` cluster.

``scheduler="tcp://host:port"`` uses an existing cluster (its workers need the same
Storyline and spaCy pipeline installed); without it a local cluster of ``workers``
single-threaded worker processes is started, bound to loopback. The client is kept
for the life of the process, so each worker process loads the spaCy pipeline once
(``load_pipeline`` is cached per process) however many chunks the pipeline sends.

The tasks are the same function the local engine runs (``analyze_partition``), over
the same batch-aligned partitions, so both engines give the same analyses in the
same order.
"""

from __future__ import annotations

import atexit
import logging
import threading
from collections.abc import Iterator
from typing import Any

from ..analyze import DEFAULT_BATCH_SIZE
from ..model import Article, ArticleAnalysis
from .local import analyze_partition, partitions

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

_clients: dict[tuple[str | None, int], Any] = {}
_lock = threading.Lock()
_registered = False


def analyze_dask(articles: list[Article], model: str | None = None, workers: int = 1,
                 scheduler: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[ArticleAnalysis]:
    """Per-article analysis on a Dask cluster, yielded in input order.

    The tasks are submitted before this returns (the cluster computes while the caller
    stores earlier results); results are streamed out as they are read.
    """
    articles = list(articles)
    if not articles:
        return iter(())
    client = get_client(workers, scheduler)
    n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
    parts = partitions(articles, n_workers, batch_size)
    # pure=False: partitions are cheap to resend, and hashing every article's text to build
    # content-addressed keys would cost more than it saves.
    # (model and batch size go positionally: client.map has a batch_size keyword of its own.)
    futures = client.map(analyze_partition, parts, [model] * len(parts), [batch_size] * len(parts), pure=False)
    return _collect(client, futures)


def _collect(client: Any, futures: list) -> Iterator[ArticleAnalysis]:
    try:
        for fut in futures:
            yield from fut.result()
            fut.release()  # results are streamed out: do not keep them on the cluster
    finally:
        client.cancel([f for f in futures if not f.done()])


def get_client(workers: int = 1, scheduler: str | None = None) -> Any:
    """The client for ``scheduler``, or for a local cluster of ``workers`` processes (cached)."""
    from distributed import Client, LocalCluster

    global _registered
    key = (scheduler, 0 if scheduler else workers)
    with _lock:
        if not _registered:
            # Registered after distributed's own exit hooks, so it runs before them (atexit is
            # last-in first-out): clients close while the clusters they talk to still exist.
            atexit.register(shutdown)
            _registered = True
        client = _clients.get(key)
        if client is not None and client.status == "running":
            return client
        if scheduler:
            log.info("connecting to Dask scheduler %s", scheduler)
            client = Client(scheduler, timeout="30s")
        else:
            log.info("starting a local Dask cluster of %d workers", workers)
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True,
                host="127.0.0.1",  # nothing outside this machine may submit work to it
                dashboard_address=None, silence_logs=logging.ERROR,
            )
            client = Client(cluster)
        _clients[key] = client
        return client


def shutdown() -> None:
    """Close the clients (and the local clusters this process started)."""
    with _lock:
        # Clients of remote schedulers first: once a local cluster is gone, a client still
        # pointed at it would spend the exit trying to reconnect.
        clients = sorted(_clients.values(), key=lambda c: getattr(c, "cluster", None) is not None)
        _clients.clear()
    for client in clients:
        cluster = getattr(client, "cluster", None)
        try:
            client.close()
            if cluster is not None:
                cluster.close()
        except Exception:  # shutting down: a cluster already gone is fine
            log.debug("closing Dask client failed", exc_info=True)

