"""The main job as plain functions: ingest, analyse, build, report.

The CLI and the web app only call these. Each step is idempotent: running it
again after an interruption finishes the work without doubling anything.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .analyze import Corpus, build_corpus
from .errors import file_error
from .ingest import outlet_group, prepare_article
from .ingest.clean import LineStats, line_key, split_lines
from .ingest.dedup import NearDuplicateIndex, minhash, minhash_from_bytes, signature_bytes
from .model import Article, ArticleAnalysis, FileError, RawDocument
from .util import gc_paused

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int | None], None]  # (what, done, total)
DEFAULT_MODEL_KEY = "default"


@dataclass(slots=True)
class IngestResult:
    read: int = 0
    added: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    skipped: int = 0  # sources already ingested with the same content
    errors: list[FileError] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)


def raw_hash(raw: RawDocument) -> str:
    return hashlib.blake2b(raw.text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def ingest(
    paths: Iterable[str | Path],
    store: Any,
    *,
    json_fields: dict[str, str] | None = None,
    batch_size: int = 200,
    progress: Progress | None = None,
    today: dt.date | None = None,
    max_bytes: int | None = None,
) -> IngestResult:
    """Read, clean, date and de-duplicate articles into ``store``.

    Files are committed batch by batch with the counts that decide what is
    boilerplate, so an ingest killed at any moment and run again processes the
    remaining files exactly as an uninterrupted run would have.
    """
    from .ingest.readers import read_paths

    limits = {} if max_bytes is None else {"max_bytes": max_bytes}
    return ingest_documents(read_paths(paths, json_fields=json_fields, **limits), store,
                            batch_size=batch_size, progress=progress, today=today)


def ingest_documents(
    items: Iterable[RawDocument | FileError],
    store: Any,
    *,
    batch_size: int = 200,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> IngestResult:
    """``ingest`` for documents already read (feed items, another reader's output).

    ``FileError`` items are recorded as the reader's per-file errors; documents are
    cleaned, dated, de-duplicated and committed batch by batch, as by ``ingest``.
    """
    result = IngestResult()
    near = NearDuplicateIndex()
    batch: list[RawDocument] = []

    def flush() -> None:
        _ingest_batch(batch, store, near, result, today)
        batch.clear()
        if progress:
            progress("ingest", result.read, None)

    for item in items:
        if isinstance(item, FileError):
            result.errors.append(item)
            store.add_errors([item])
            continue
        result.read += 1
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return result


def _ingest_batch(
    raws: list[RawDocument], store: Any, near: NearDuplicateIndex, result: IngestResult, today: dt.date | None
) -> None:
    # One write transaction per batch, taken before anything is decided: two ingests on the same
    # store then see each other's committed batches (sources, line counts, signatures), so
    # nothing is doubled and an interrupted batch leaves no trace.
    with store.transaction():
        _ingest_batch_locked(raws, store, near, result, today)


def _refresh_near(store: Any, near: NearDuplicateIndex) -> None:
    for seq, aid, sig in store.signatures(after_seq=near.last_seq):
        near.add(aid, minhash_from_bytes(sig))
        near.last_seq = seq


def _ingest_batch_locked(
    raws: list[RawDocument], store: Any, near: NearDuplicateIndex, result: IngestResult, today: dt.date | None
) -> None:
    _refresh_near(store, near)
    fresh = []
    for raw in raws:
        h = raw_hash(raw)
        if raw.source not in ("-", "stdin") and store.has_source(raw.source, h):
            result.skipped += 1
            continue
        lines = split_lines(raw.text)
        group = outlet_group(raw, lines)
        fresh.append((raw, h, lines, group))
    if not fresh:
        return
    store.clear_errors(r.source for r, *_ in fresh)

    # Boilerplate counts: what is stored plus this batch, decided before cleaning the batch.
    stats = LineStats()
    keys_by_group: dict[str, set[str]] = {}
    for _, _, lines, group in fresh:
        stats.add(group, lines)
        keys_by_group.setdefault(group, set()).update(line_key(x) for x in lines)
    for group, keys in keys_by_group.items():
        for k, n in store.line_counts(group, keys).items():
            stats.counts[group][k] += n
        stats.articles[group] += store.line_counts(group, ["__articles__"]).get("__articles__", 0)

    items: list[tuple[Article, bytes]] = []
    pending: list[str] = []
    source_rows = []
    seen_in_batch: set[str] = set()
    errors = []
    for raw, h, lines, _group in fresh:
        try:
            article = prepare_article(raw, stats=stats, today=today, lines=lines)
        except Exception as exc:  # one bad document never stops the batch
            log.exception("cleaning failed for %s", raw.source)
            errors.append(file_error("E201", raw.source, stage="clean", detail=f"{type(exc).__name__}: {exc}"))
            continue
        if article is None:
            errors.append(file_error("E202", raw.source, stage="clean"))
            source_rows.append((raw.source, h, None))
            continue
        source_rows.append((raw.source, h, article.id))
        if article.id in seen_in_batch or store.article(article.id) is not None:
            result.duplicates += 1
            continue
        seen_in_batch.add(article.id)
        m = minhash(article.text)
        hit = near.query(m)
        if hit:
            article.duplicate_of, article.duplicate_similarity = hit[0], round(hit[1], 3)
            result.near_duplicates += 1
        near.add(article.id, m)
        pending.append(article.id)
        items.append((article, signature_bytes(m)))

    added = store.add_articles(items)
    store.add_sources(source_rows)
    for group, lines in _groups(fresh):
        store.add_line_counts(group, {line_key(x) for x in lines} | {"__articles__"})
    if errors:
        store.add_errors(errors)
    result.errors.extend(errors)
    for (article, _), new in zip(items, added, strict=True):
        if new:
            result.added += 1
            result.new_ids.append(article.id)


def _groups(fresh: list[tuple]) -> Iterable[tuple[str, list[str]]]:
    for _, _, lines, group in fresh:
        yield group, lines


def analyse(
    store: Any,
    *,
    model: str | None = None,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    chunk: int = 256,
    progress: Progress | None = None,
) -> int:
    """Run the per-article stages over every article not analysed yet. Returns how many ran.

    Articles are paged from the store ``chunk`` at a time, so memory stays flat however
    many are waiting; each chunk's results are stored in one transaction.
    """
    from .engine import analyze_with

    key = model or DEFAULT_MODEL_KEY
    done = store.analysed_ids(key)
    total = max(0, store.count_articles() - len(done))
    n = 0
    part: list[Article] = []
    running: Iterator[ArticleAnalysis] | None = None

    def store_running() -> None:
        nonlocal n, running
        if running is None:
            return
        results = list(running)
        running = None
        store.add_analyses(results, key)
        n += len(results)
        if progress:
            progress("analyse", n, total)

    def submit() -> None:
        nonlocal running
        # The next chunk goes to the engine before the previous one is stored: with workers
        # (local or Dask) they keep computing through the store's write and the chunk's tail.
        nxt = analyze_with(engine, list(part), model=model, workers=workers, scheduler=scheduler)
        part.clear()
        store_running()
        running = nxt

    for article in store.iter_articles():
        if article.id in done:
            continue
        part.append(article)
        if len(part) >= chunk:
            submit()
    if part:
        submit()
    store_running()
    return n


ASSIGNMENTS_KEY = "story_assignments"
INDEX_KEY = "story_index"
SUMMARIES_KEY = "summary_cache"


def _load_index(store: Any) -> Any:
    from .stories import StoryIndex

    blob = store.get_state(INDEX_KEY)
    if blob:
        try:
            return StoryIndex.from_bytes(blob)
        except Exception as exc:  # an index from another version: rebuild it from the assignments
            log.warning("story index not readable (%s); it will be rebuilt", exc)
    return StoryIndex()


def build(store: Any, *, words: int = 100, model: str | None = None, recluster: bool = False,
          engine: str = "local", workers: int = 1, scheduler: str | None = None) -> Corpus:
    """Cross-article stages over the whole store; stories grow incrementally unless ``recluster``.

    The story index, the assignments, estimated dates and the results are saved in one
    transaction, so a kill leaves either the previous build or this one. Summaries,
    one task per story, run on the engine's workers (``engine``, ``workers``,
    ``scheduler`` as for ``analyse``); only stories that changed since the last build
    are summarised again.
    """
    with gc_paused():
        return _build(store, words=words, recluster=recluster, engine=engine, workers=workers,
                      scheduler=scheduler)


def _build(store: Any, *, words: int, recluster: bool, engine: str, workers: int,
           scheduler: str | None) -> Corpus:
    import json

    from .engine import map_with
    from .report.contract import corpus_to_json
    from .stories import StoryIndex

    articles = list(store.iter_articles())
    analyses = store.analyses()
    previous = None
    index = StoryIndex()
    if not recluster:
        raw = store.get_state(ASSIGNMENTS_KEY)
        if raw:
            previous = {k: tuple(v) for k, v in json.loads(raw).items()}
            index = _load_index(store)
    before = {a.id: (a.published, a.published_from) for a in articles}
    summaries = _load_json_state(store, SUMMARIES_KEY, {}) if not recluster else {}
    corpus = build_corpus(articles, analyses, errors=store.errors(), summary_words=words,
                          previous_assignments=previous, story_index=index, rebuild=recluster,
                          summary_cache=summaries, map_fn=map_with(engine, workers, scheduler))
    assignments = {aid: (s.id, c.id) for s in corpus.stories for c in s.chapters for aid in c.articles}
    with store.transaction():
        for a in articles:
            if (a.published, a.published_from) != before[a.id]:
                store.update_article(a)
        store.set_state(ASSIGNMENTS_KEY, json.dumps(assignments, sort_keys=True).encode())
        if corpus.stories:
            store.set_state(INDEX_KEY, index.to_bytes())
        store.set_state(SUMMARIES_KEY, json.dumps(summaries, sort_keys=True).encode())
        store.put_corpus(corpus_to_json(corpus))
    return corpus


def _load_json_state(store: Any, key: str, default: Any) -> Any:
    import json

    raw = store.get_state(key)
    if not raw:
        return default
    try:
        return json.loads(raw)
    except ValueError:  # unreadable: start afresh, it is only a cache
        log.warning("state %s is not readable; rebuilding it", key)
        return default


@dataclass(slots=True)
class RunResult:
    ingest: IngestResult
    analysed: int
    corpus: Corpus
    out: Path | None


def run(
    paths: Iterable[str | Path],
    *,
    out: str | Path | None,
    db: str | Path = "storyline.db",
    model: str | None = None,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    words: int = 100,
    json_fields: dict[str, str] | None = None,
    progress: Progress | None = None,
    max_bytes: int | None = None,
) -> RunResult:
    """The main job: ingest ``paths``, analyse, build stories, write the report to ``out``."""
    from .report import write_report
    from .store import open_store

    store = open_store(db)
    try:
        res = ingest(paths, store, json_fields=json_fields, progress=progress, max_bytes=max_bytes)
        n = analyse(store, model=model, engine=engine, workers=workers, scheduler=scheduler, progress=progress)
        corpus = build(store, words=words, model=model, engine=engine, workers=workers, scheduler=scheduler)
        corpus.errors = store.errors()
        if out is not None:
            write_report(store, Path(out))
        return RunResult(ingest=res, analysed=n, corpus=corpus, out=Path(out) if out else None)
    finally:
        store.close()
