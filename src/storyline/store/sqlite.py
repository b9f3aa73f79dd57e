"""The embedded store: one SQLite file, WAL, versioned schema, FTS5 search.

Writes are idempotent (keyed by content hash or source), and each batch is one
transaction, so an ingest killed at any moment and run again ends with the
same rows: nothing lost, nothing doubled.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..model import (
    Article,
    ArticleAnalysis,
    FileError,
    article_from_dict,
    to_dict,
)
from .base import SQLStoreBase, corpus_search_rows, query_terms

log = logging.getLogger(__name__)

# Each migration moves the schema one version up. Never edit a released one: add another.
MIGRATIONS: list[str] = [
    # 1: articles, errors, near-duplicate signatures, analyses, corpus results, key-value state
    """
    CREATE TABLE IF NOT EXISTS articles (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        outlet TEXT,
        title TEXT,
        published TEXT,
        duplicate_of TEXT,
        data TEXT NOT NULL,
        ingested_at REAL NOT NULL
    );
    CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
    CREATE TABLE IF NOT EXISTS sources (
        source TEXT NOT NULL,
        raw_hash TEXT NOT NULL,
        article_id TEXT,
        PRIMARY KEY (source, raw_hash)
    );
    CREATE TABLE IF NOT EXISTS errors (
        source TEXT NOT NULL,
        stage TEXT NOT NULL,
        code TEXT NOT NULL,
        line INTEGER NOT NULL DEFAULT -1,
        reason TEXT NOT NULL,
        at REAL NOT NULL,
        PRIMARY KEY (source, stage, code, line)
    );
    CREATE TABLE IF NOT EXISTS minhash (
        article_id TEXT PRIMARY KEY,
        sig BLOB NOT NULL
    );
    CREATE TABLE IF NOT EXISTS analyses (
        article_id TEXT PRIMARY KEY,
        model TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS corpus (
        key TEXT PRIMARY KEY,
        data TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS state (
        key TEXT PRIMARY KEY,
        value BLOB NOT NULL
    );
    CREATE TABLE IF NOT EXISTS line_stats (
        grp TEXT NOT NULL,
        line_key TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (grp, line_key)
    );
    CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
        kind UNINDEXED, ref UNINDEXED, title, body, tokenize='porter unicode61'
    );
    """,
]


class SQLiteStore(SQLStoreBase):
    """Storyline's default store. ``path`` is a file, or ":memory:" for tests."""

    dialect = "sqlite"

    def __init__(self, path: str | Path = "storyline.db", *, readonly: bool = False, timeout: float = 60.0):
        self.path = str(path)
        if self.path != ":memory:" and not readonly:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            if readonly:
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
            else:
                self.conn = sqlite3.connect(self.path, timeout=timeout, check_same_thread=False, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError("E301", path=self.path, detail=str(exc)) from exc
        self.conn.row_factory = sqlite3.Row
        if not readonly:
            try:
                self.conn.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
                self._enable_wal(timeout)
                self.conn.execute("PRAGMA synchronous=NORMAL")
            except sqlite3.OperationalError as exc:
                raise StoreError("E301", path=self.path, detail=str(exc)) from exc
            self.migrate()

    def _enable_wal(self, timeout: float) -> None:
        # Switching a new file to WAL needs an exclusive lock, and SQLite answers "locked" at once
        # instead of waiting on the busy handler when another process is creating the same store.
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    # ------------------------------------------------------------------ schema
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        with self.transaction():
            version = self.schema_version()
            if version > len(MIGRATIONS):
                raise StoreError("E303", path=self.path, found=version, known=len(MIGRATIONS))
            for i, sql in enumerate(MIGRATIONS[version:], start=version + 1):
                log.info("migrating store %s to schema %d", self.path, i)
                for stmt in _statements(sql):
                    self.conn.execute(stmt)
                self.conn.execute(f"PRAGMA user_version={i}")

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def transaction(self) -> _Tx:
        return _Tx(self.conn)

    # ------------------------------------------------------------------ articles
    def add_sources(self, rows: Iterable[tuple[str, str, str | None]]) -> None:
        """Remember (source, raw content hash, article id or None) as ingested."""
        self.conn.executemany("INSERT OR IGNORE INTO sources(source, raw_hash, article_id) VALUES (?,?,?)", list(rows))

    def add_articles(self, items: Iterable[tuple[Article, bytes | None]]) -> list[bool]:
        """Insert articles (with their MinHash signature) in one transaction.

        Returns, per article, whether it was new. An id already stored is kept
        as it was (first ingest wins), and its extra source is remembered.
        """
        added = []
        now = time.time()
        with self.transaction():
            for article, sig in items:
                cur = self.conn.execute(
                    "INSERT OR IGNORE INTO articles(id, source, outlet, title, published, duplicate_of, data, ingested_at)"
                    " VALUES (?,?,?,?,?,?,?,?)",
                    (
                        article.id, article.source, article.outlet, article.title, article.published,
                        article.duplicate_of, json.dumps(to_dict(article)), now,
                    ),
                )
                new = cur.rowcount == 1
                added.append(new)
                if new:
                    if sig is not None:
                        self.conn.execute("INSERT OR IGNORE INTO minhash(article_id, sig) VALUES (?,?)", (article.id, sig))
                    self.conn.execute(
                        "INSERT INTO search(kind, ref, title, body) VALUES ('article', ?, ?, ?)",
                        (article.id, article.title or "", article.text),
                    )
        return added

    def article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT data FROM articles WHERE id=?", (article_id,)).fetchone()
        if row is None:
            row = self.conn.execute(
                "SELECT data FROM articles WHERE id LIKE ? ORDER BY seq LIMIT 2", (article_id + "%",)
            ).fetchone()
        return article_from_dict(json.loads(row[0])) if row else None

    def count_articles(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def signatures(self, after_seq: int = 0) -> Iterator[tuple[int, str, bytes]]:
        """(seq, article id, MinHash signature) of articles stored after ``after_seq``, in order."""
        yield from self.conn.execute(
            "SELECT a.seq, m.article_id, m.sig FROM minhash m JOIN articles a ON a.id = m.article_id"
            " WHERE a.seq > ? ORDER BY a.seq",
            (after_seq,),
        )

    # ------------------------------------------------------------------ boilerplate line counts
    def line_counts(self, group: str, keys: Iterable[str]) -> dict[str, int]:
        keys = list(keys)
        out: dict[str, int] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            q = ",".join("?" * len(chunk))
            for k, n in self.conn.execute(
                f"SELECT line_key, n FROM line_stats WHERE grp=? AND line_key IN ({q})", (group, *chunk)
            ):
                out[k] = n
        return out

    def add_line_counts(self, group: str, keys: Iterable[str]) -> None:
        self.conn.executemany(
            "INSERT INTO line_stats(grp, line_key, n) VALUES (?,?,1)"
            " ON CONFLICT(grp, line_key) DO UPDATE SET n = n + 1",
            [(group, k) for k in keys],
        )

    # ------------------------------------------------------------------ errors
    def add_errors(self, errors: Iterable[FileError]) -> None:
        now = time.time()
        with self.transaction():
            for e in errors:
                self.conn.execute(
                    "INSERT OR REPLACE INTO errors(source, stage, code, line, reason, at) VALUES (?,?,?,?,?,?)",
                    (e.source, e.stage, e.code, -1 if e.line is None else e.line, e.reason, now),
                )

    def clear_errors(self, sources: Iterable[str]) -> None:
        """Forget old errors of files that are read again (they may have been fixed)."""
        with self.transaction():
            self.conn.executemany("DELETE FROM errors WHERE source=? AND stage='read'", [(s,) for s in sources])

    def errors(self) -> list[FileError]:
        return [
            FileError(source=r["source"], stage=r["stage"], reason=r["reason"],
                      line=None if r["line"] < 0 else r["line"], code=r["code"])
            for r in self.conn.execute("SELECT * FROM errors ORDER BY source, line, code")
        ]

    # ------------------------------------------------------------------ analyses
    def add_analyses(self, analyses: Iterable[ArticleAnalysis], model: str) -> None:
        with self.transaction():
            for a in analyses:
                self.conn.execute(
                    "INSERT OR REPLACE INTO analyses(article_id, model, data) VALUES (?,?,?)",
                    (a.article_id, model, json.dumps(to_dict(a))),
                )

    # ------------------------------------------------------------------ corpus results and state
    def put_corpus(self, data: dict[str, Any]) -> None:
        """Store the cross-article results (entities, quotes, events, stories) and index them."""
        with self.transaction():
            self._bump_corpus_version()
            self.conn.execute(
                "INSERT OR REPLACE INTO corpus(key, data) VALUES ('latest', ?)", (json.dumps(data),)
            )
            self.conn.execute("DELETE FROM search WHERE kind IN ('quote', 'entity', 'story')")
            self.conn.executemany(
                "INSERT INTO search(kind, ref, title, body) VALUES (?,?,?,?)", corpus_search_rows(data)
            )

    def set_state(self, key: str, value: bytes) -> None:
        with self.transaction():
            self.conn.execute("INSERT OR REPLACE INTO state(key, value) VALUES (?,?)", (key, value))

    # ------------------------------------------------------------------ search
    def search(self, query: str, kinds: Iterable[str] | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """Full-text search over articles, quotes, entities and stories (FTS5, BM25 ranking)."""
        match = _fts_query(query)
        if not match:
            return []
        sql = (
            "SELECT kind, ref, title, snippet(search, 3, '\x02', '\x03', ' … ', 12) AS snip"
            " FROM search WHERE search MATCH ?"
        )
        args: list[Any] = [match]
        if kinds:
            kinds = list(kinds)
            sql += f" AND kind IN ({','.join('?' * len(kinds))})"
            args += kinds
        sql += " ORDER BY bm25(search) LIMIT ?"
        args.append(limit)
        return [dict(kind=r[0], ref=r[1], title=r[2], snippet=r[3]) for r in self.conn.execute(sql, args)]


def _fts_query(query: str) -> str:
    # Each plain word quoted, so FTS syntax typed by a user cannot break the query.
    return " ".join(f'"{t}"' for t in query_terms(query))


def _statements(sql: str) -> list[str]:
    return [s.strip() for s in sql.split(";") if s.strip()]


class _Tx:
    """A transaction that nests: only the outermost one commits."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.outer = not self.conn.in_transaction
        if self.outer:
            self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if not self.outer:
            return
        if exc_type is None:
            try:
                self.conn.execute("COMMIT")
                return
            except sqlite3.OperationalError as e:
                exc_type, exc = type(e), e
        # SQLite may already have rolled back (e.g. on SQLITE_FULL).
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.OperationalError):
            raise StoreError("E302", detail=str(exc)) from exc
