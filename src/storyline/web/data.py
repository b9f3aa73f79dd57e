"""Read-only access to a store for the web app: the corpus parsed once, with per-id indexes.

The cross-article results live in the store as one JSON blob (``storyline.json``). Parsing it
on every request would cost seconds at 10,000 articles, so it is parsed once and kept in memory
with indexes; a cheap version check (SQLite's ``PRAGMA data_version``, then the blob's length and
header only when that moved) decides when to parse it again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

EMPTY_CORPUS: dict[str, Any] = {
    "schema_version": 1, "generated_at": None, "articles": [], "entities": [], "quotes": [],
    "events": [], "stories": [], "errors": [],
}


def _date_key(d: str | None) -> str:
    return d or ""


@dataclass
class CorpusIndex:
    """The parsed corpus with lookups by id and by relation. Immutable once built."""

    data: dict[str, Any]
    version: Any = None
    articles: dict[str, dict] = field(default_factory=dict)
    stories: dict[str, dict] = field(default_factory=dict)
    entities: dict[str, dict] = field(default_factory=dict)
    quotes: dict[str, dict] = field(default_factory=dict)
    events: dict[str, dict] = field(default_factory=dict)
    stories_sorted: list[dict] = field(default_factory=list)
    article_stories: dict[str, list[str]] = field(default_factory=dict)
    article_entities: dict[str, list[str]] = field(default_factory=dict)
    article_quotes: dict[str, list[str]] = field(default_factory=dict)
    article_events: dict[str, list[str]] = field(default_factory=dict)
    speaker_quotes: dict[str, list[str]] = field(default_factory=dict)
    duplicates_of: dict[str, list[str]] = field(default_factory=dict)
    # Per-story derived views are computed on first use and kept with this version of the corpus.
    cache: dict[Any, Any] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def build(cls, data: dict[str, Any] | None, version: Any = None) -> CorpusIndex:
        data = dict(EMPTY_CORPUS, **(data or {}))
        ix = cls(data=data, version=version)
        ix.articles = {a["id"]: a for a in data["articles"]}
        ix.stories = {s["id"]: s for s in data["stories"]}
        ix.entities = {e["id"]: e for e in data["entities"]}
        ix.quotes = {q["id"]: q for q in data["quotes"]}
        ix.events = {e["id"]: e for e in data["events"]}
        # Newest first: by the last date, then by size, then id for a stable order.
        ix.stories_sorted = sorted(
            data["stories"],
            key=lambda s: (_date_key(s.get("last_date")), len(s.get("articles", [])), s["id"]),
            reverse=True,
        )
        a_st: dict[str, list[str]] = defaultdict(list)
        for s in data["stories"]:
            for aid in s.get("articles", []):
                a_st[aid].append(s["id"])
        a_ent: dict[str, list[str]] = defaultdict(list)
        for e in data["entities"]:
            for aid in e.get("articles", []):
                a_ent[aid].append(e["id"])
        a_q: dict[str, list[str]] = defaultdict(list)
        sp_q: dict[str, list[str]] = defaultdict(list)
        for q in data["quotes"]:
            for aid in dict.fromkeys(src["article"] for src in q.get("sources", [])):
                a_q[aid].append(q["id"])
            if q.get("speaker"):
                sp_q[q["speaker"]].append(q["id"])
        a_ev: dict[str, list[str]] = defaultdict(list)
        for ev in data["events"]:
            for aid in dict.fromkeys(src["article"] for src in ev.get("sources", [])):
                a_ev[aid].append(ev["id"])
        dups: dict[str, list[str]] = defaultdict(list)
        for a in data["articles"]:
            if a.get("duplicate_of"):
                dups[a["duplicate_of"]].append(a["id"])
        ix.article_stories, ix.article_entities = dict(a_st), dict(a_ent)
        ix.article_quotes, ix.article_events = dict(a_q), dict(a_ev)
        ix.speaker_quotes, ix.duplicates_of = dict(sp_q), dict(dups)
        return ix

    def memo(self, key: Any, fn):
        """Compute ``fn()`` once per corpus version (two threads may race; both get a right answer)."""
        try:
            return self.cache[key]
        except KeyError:
            value = fn()
            with self.lock:
                if len(self.cache) > 4096:  # bounded: a crawler walking every page cannot grow it forever
                    self.cache.clear()
                self.cache[key] = value
            return value

    def story_of_id(self, sid: str) -> dict | None:
        s = self.stories.get(sid)
        if s is None and len(sid) >= 4:
            hits = [k for k in self.stories if k.startswith(sid)]
            if len(hits) == 1:
                s = self.stories[hits[0]]
        return s


class StoreReader:
    """A read-only view of a store with the corpus cached in memory.

    Thread-safe: FastAPI runs plain endpoints in a thread pool, and SQLite connections are
    shared under a lock (reads are short; the corpus itself is served from memory).
    """

    CHECK_EVERY = 0.5  # seconds between version checks: one PRAGMA, cheap even under load
    BLOB_CHECK_EVERY = 5.0  # reading the blob's length costs ~0.1 s at 10,000 articles: not more often

    def __init__(self, db: str | Path):
        from ..store import open_store

        self.db = str(db)
        is_sqlite = not self.db.startswith(("postgresql://", "postgres://"))
        if is_sqlite and not Path(self.db).exists():
            raise FileNotFoundError(f"no store at {self.db}: run `storyline run ... --db {self.db}` first")
        self.store = open_store(self.db, readonly=True)
        # Version checks and reloads use their own read-only connection, so page reads never wait
        # behind them (SQLite releases the GIL while it reads).
        self._vstore = open_store(self.db, readonly=True) if is_sqlite else None
        self._lock = threading.RLock()
        self._reload_lock = threading.Lock()
        self._index: CorpusIndex | None = None
        self._checked = 0.0
        self._blob_checked = 0.0
        self._data_version: Any = None

    def close(self) -> None:
        with self._lock:
            self.store.close()
        if self._vstore is not None:
            with self._reload_lock:
                self._vstore.close()

    # ------------------------------------------------------------------ corpus
    def _cheap_version(self) -> Any:
        """A token that changes when the corpus row changes.

        The store's corpus counter is raised by every write of the results (two builds in one
        second with results of equal length look alike by length and header alone); length and
        header stay in the token for stores written before the counter existed.
        """
        if self._vstore is not None:
            row = self._vstore.conn.execute(
                "SELECT length(data), substr(data, 1, 160) FROM corpus WHERE key='latest'"
            ).fetchone()
            return (self._vstore.corpus_version(), *row) if row else None
        with self._lock:  # other stores: the counter and the header
            data = self.store.get_corpus()
            counter = self.store.corpus_version()
        if data is None:
            return None
        return (counter, data.get("generated_at"), len(data.get("articles", [])))

    def _data_version_now(self) -> Any:
        if self._vstore is not None:
            return self._vstore.conn.execute("PRAGMA data_version").fetchone()[0]
        return time.monotonic() // 30  # re-check other stores twice a minute

    def fresh(self) -> CorpusIndex | None:
        """The cached corpus when it was checked recently (no I/O at all), else None."""
        ix = self._index
        if ix is not None and time.monotonic() - self._checked < self.CHECK_EVERY:
            return ix
        return None

    def corpus(self) -> CorpusIndex:
        """The latest corpus, parsed once per version of the stored blob.

        While one thread checks or reloads, the others keep serving the version they have.
        """
        ix = self.fresh()
        if ix is not None:
            return ix
        if not self._reload_lock.acquire(blocking=self._index is None):
            return self._index  # type: ignore[return-value]
        try:
            ix = self._index
            now = time.monotonic()
            if ix is not None and now - self._checked < self.CHECK_EVERY:
                return ix
            self._checked = now
            dv = self._data_version_now()
            if ix is not None and dv == self._data_version:
                return ix
            if ix is not None and now - self._blob_checked < self.BLOB_CHECK_EVERY:
                return ix  # something was written; look at the corpus row a little later
            self._data_version = dv
            self._blob_checked = now
            version = self._cheap_version()
            if ix is not None and version == ix.version:
                return ix
            t0 = time.perf_counter()
            if self._vstore is not None:
                data = self._vstore.get_corpus()
            else:
                with self._lock:
                    data = self.store.get_corpus()
            self._index = CorpusIndex.build(data, version)
            log.info("corpus loaded: %d articles, %d stories in %.2fs",
                     len(self._index.articles), len(self._index.stories), time.perf_counter() - t0)
            return self._index
        finally:
            self._reload_lock.release()

    # ------------------------------------------------------------------ direct store reads
    def article(self, aid: str) -> dict | None:
        """An article in storyline.json's shape: from the corpus, else from the store (not built yet)."""
        ix = self.corpus()
        a = ix.articles.get(aid)
        if a is not None:
            return a
        from ..report.contract import article_json

        with self._lock:
            art = self.store.article(aid)
        return article_json(art) if art is not None else None

    def analysis(self, aid: str) -> dict | None:
        from ..model import to_dict

        with self._lock:
            got = self.store.analyses([aid])
        a = got.get(aid)
        return to_dict(a) if a is not None else None

    def errors(self) -> list[dict]:
        with self._lock:
            errs = self.store.errors()
        return [dict(source=e.source, stage=e.stage, reason=e.reason, line=e.line, code=e.code) for e in errs]

    def count_errors(self) -> int:
        with self._lock:
            conn = getattr(self.store, "conn", None)
            if getattr(self.store, "dialect", "") == "sqlite" and conn is not None:
                return conn.execute("SELECT COUNT(*) FROM errors").fetchone()[0]
            return len(self.store.errors())

    def search(self, q: str, kinds: list[str] | None = None, limit: int = 50) -> list[dict]:
        with self._lock:
            return self.store.search(q, kinds=kinds, limit=limit)

    def count_articles(self) -> int:
        with self._lock:
            return self.store.count_articles()

    def list_articles(self, limit: int, offset: int) -> tuple[int, list[dict]]:
        """Articles in ingest order, in storyline.json's shape, from the store (includes unbuilt ones)."""
        from ..report.contract import article_json

        with self._lock:
            total = self.store.count_articles()
            items = self.store.articles(limit=limit, offset=offset)
        return total, [article_json(a) for a in items]
