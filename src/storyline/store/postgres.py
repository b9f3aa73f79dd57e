"""The shared store: PostgreSQL, for a team working on one set of stories.

Same tables, same migrations (one version counter), same behaviour as
:class:`storyline.store.sqlite.SQLiteStore`, so the pipeline, the web app and the
report cannot tell them apart and the same run gives the same ``storyline.json``:

* writes are idempotent upserts (``ON CONFLICT``), keyed as in SQLite;
* ``transaction()`` nests (only the outermost commits) and, like SQLite's
  ``BEGIN IMMEDIATE``, takes a database-wide write lock (an advisory lock), so two
  ingests into one store run their batches one after the other and double nothing;
* JSON documents are kept as TEXT, not JSONB, so that they come back byte for byte
  (JSONB reorders keys, and ``storyline.json`` must not change with the backend);
* text is ordered with the "C" collation, which is SQLite's byte order;
* full-text search uses PostgreSQL's own tsvector with a GIN index, with an English
  Snowball stemmer and no stop-word list (SQLite's FTS5 porter tokenizer drops no
  words either).

Needs psycopg 3 and a UTF8 database.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import StoreError
from ..model import (
    Article,
    ArticleAnalysis,
    FileError,
    article_from_dict,
    to_dict,
)
from .base import SQLStoreBase, article_json, corpus_search_rows, query_terms

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

# One database-wide lock for writers (pg_advisory_xact_lock key; "Styl" in ASCII).
WRITE_LOCK = 0x5374796C
# Only this much of each text is indexed: a tsvector is limited to 1 MB, and a news
# article is far below this; a pathological "article" must not make ingest fail.
INDEX_CHARS = 400_000

# Each migration moves the schema one version up, in step with sqlite.MIGRATIONS. Never edit a
# released one: add another.
MIGRATIONS: list[str] = [
    # 1: articles, errors, near-duplicate signatures, analyses, corpus results, key-value state, search
    f"""
    CREATE TABLE IF NOT EXISTS articles (
        seq BIGSERIAL PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        outlet TEXT,
        title TEXT,
        published TEXT,
        duplicate_of TEXT,
        data TEXT NOT NULL,
        ingested_at DOUBLE PRECISION NOT NULL
    );
    CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
    CREATE INDEX IF NOT EXISTS articles_id_prefix ON articles(id text_pattern_ops);
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
        at DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (source, stage, code, line)
    );
    CREATE TABLE IF NOT EXISTS minhash (
        article_id TEXT PRIMARY KEY,
        sig BYTEA NOT NULL
    );
    CREATE TABLE IF NOT EXISTS analyses (
        article_id TEXT PRIMARY KEY,
        model TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS analyses_model ON analyses(model);
    CREATE TABLE IF NOT EXISTS corpus (
        key TEXT PRIMARY KEY,
        data TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS state (
        key TEXT PRIMARY KEY,
        value BYTEA NOT NULL
    );
    CREATE TABLE IF NOT EXISTS line_stats (
        grp TEXT NOT NULL,
        line_key TEXT NOT NULL,
        n BIGINT NOT NULL,
        PRIMARY KEY (grp, line_key)
    );
    CREATE TEXT SEARCH DICTIONARY storyline_stem (TEMPLATE = snowball, Language = english);
    CREATE TEXT SEARCH CONFIGURATION storyline (COPY = english);
    ALTER TEXT SEARCH CONFIGURATION storyline
        ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH storyline_stem;
    CREATE TABLE IF NOT EXISTS search (
        rid BIGSERIAL PRIMARY KEY,
        kind TEXT NOT NULL,
        ref TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        tsv tsvector GENERATED ALWAYS AS
            (to_tsvector('storyline'::regconfig, left(title || ' ' || body, {INDEX_CHARS}))) STORED
    );
    CREATE INDEX IF NOT EXISTS search_tsv ON search USING GIN (tsv);
    CREATE INDEX IF NOT EXISTS search_kind ON search(kind);
    """,
]

_SNIPPET_OPTS = 'StartSel="\x02", StopSel="\x03", MaxWords=12, MinWords=4, MaxFragments=1, FragmentDelimiter=" … "'


def _t(value: Any) -> Any:
    # PostgreSQL TEXT cannot hold NUL; SQLite can. Replace it so hostile input is stored, not refused.
    # JSON documents never contain a raw NUL (json.dumps escapes it), so they round-trip exactly.
    return value.replace("\x00", "\ufffd") if isinstance(value, str) else value


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


class PostgresStore(SQLStoreBase):
    """Storyline's store on PostgreSQL. ``url`` is ``postgresql://user@host:port/db``."""

    dialect = "postgresql"
    _t = staticmethod(_t)

    @staticmethod
    def _q(sql: str) -> str:
        return sql.replace("?", "%s")

    def __init__(self, url: str, *, readonly: bool = False, timeout: float = 60.0):
        import psycopg

        self.url = url
        self.path = redact(url)  # what messages show, like SQLiteStore.path
        self.readonly = readonly
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=max(1, int(timeout)))
        except psycopg.Error as exc:
            raise StoreError("E301", path=self.path, detail=str(exc).strip()) from exc
        encoding = self.conn.execute("SHOW server_encoding").fetchone()[0]
        if encoding.upper() not in ("UTF8", "UTF-8"):
            self.conn.close()
            raise StoreError("E301", path=self.path,
                             detail=f"the database encoding is {encoding}; create it with ENCODING 'UTF8'")
        # Waiting for the write lock is bounded like SQLite's busy_timeout.
        self.conn.execute(f"SET lock_timeout = {int(timeout * 1000)}")
        if readonly:
            self.conn.execute("SET default_transaction_read_only = on")
        else:
            self.migrate()

    # ------------------------------------------------------------------ schema
    def schema_version(self) -> int:
        if self.conn.execute("SELECT to_regclass('storyline_schema')").fetchone()[0] is None:
            return 0
        row = self.conn.execute("SELECT version FROM storyline_schema").fetchone()
        return int(row[0]) if row else 0

    def migrate(self) -> None:
        with self.transaction():
            self.conn.execute("CREATE TABLE IF NOT EXISTS storyline_schema (version INTEGER NOT NULL)")
            version = self.schema_version()
            if version > len(MIGRATIONS):
                raise StoreError("E303", path=self.path, found=version, known=len(MIGRATIONS))
            for i, sql in enumerate(MIGRATIONS[version:], start=version + 1):
                log.info("migrating store %s to schema %d", self.path, i)
                for stmt in _statements(sql):
                    self.conn.execute(stmt)
                self.conn.execute("DELETE FROM storyline_schema")
                self.conn.execute("INSERT INTO storyline_schema(version) VALUES (%s)", (i,))

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def transaction(self) -> _PgTx:
        return _PgTx(self.conn)

    # ------------------------------------------------------------------ articles
    def add_sources(self, rows: Iterable[tuple[str, str, str | None]]) -> None:
        """Remember (source, raw content hash, article id or None) as ingested."""
        rows = [(_t(s), h, a) for s, h, a in rows]
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO sources(source, raw_hash, article_id) VALUES (%s,%s,%s) ON CONFLICT DO NOTHING", rows
                )

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
                    "INSERT INTO articles(id, source, outlet, title, published, duplicate_of, data, ingested_at)"
                    " VALUES (%s,%s,%s,%s,%s,%s,%s,%s) ON CONFLICT (id) DO NOTHING",
                    (
                        article.id, _t(article.source), _t(article.outlet), _t(article.title),
                        _t(article.published), _t(article.duplicate_of), article_json(article), now,
                    ),
                )
                new = cur.rowcount == 1
                added.append(new)
                if new:
                    if sig is not None:
                        self.conn.execute(
                            "INSERT INTO minhash(article_id, sig) VALUES (%s,%s) ON CONFLICT DO NOTHING",
                            (article.id, sig),
                        )
                    self.conn.execute(
                        "INSERT INTO search(kind, ref, title, body) VALUES ('article', %s, %s, %s)",
                        (article.id, _t(article.title or ""), _t(article.text)),
                    )
        return added

    def article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT data FROM articles WHERE id=%s", (_t(article_id),)).fetchone()
        if row is None:
            row = self.conn.execute(
                "SELECT data FROM articles WHERE id ILIKE %s ORDER BY seq LIMIT 2", (_t(article_id) + "%",)
            ).fetchone()
        return article_from_dict(json.loads(row[0])) if row else None

    def count_articles(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def signatures(self, after_seq: int = 0) -> Iterator[tuple[int, str, bytes]]:
        """(seq, article id, MinHash signature) of articles stored after ``after_seq``, in order."""
        for seq, aid, sig in self.conn.execute(
            "SELECT a.seq, m.article_id, m.sig FROM minhash m JOIN articles a ON a.id = m.article_id"
            " WHERE a.seq > %s ORDER BY a.seq",
            (after_seq,),
        ):
            yield int(seq), aid, bytes(sig)

    # ------------------------------------------------------------------ boilerplate line counts
    def line_counts(self, group: str, keys: Iterable[str]) -> dict[str, int]:
        keys = [_t(k) for k in keys]
        out: dict[str, int] = {}
        for i in range(0, len(keys), 5000):
            for k, n in self.conn.execute(
                "SELECT line_key, n FROM line_stats WHERE grp=%s AND line_key = ANY(%s)",
                (_t(group), keys[i : i + 5000]),
            ):
                out[k] = int(n)
        return out

    def add_line_counts(self, group: str, keys: Iterable[str]) -> None:
        # Sorted: concurrent writers then lock rows in the same order and cannot deadlock.
        rows = [(_t(group), k) for k in sorted({_t(k) for k in keys})]
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO line_stats(grp, line_key, n) VALUES (%s,%s,1)"
                    " ON CONFLICT (grp, line_key) DO UPDATE SET n = line_stats.n + 1",
                    rows,
                )

    # ------------------------------------------------------------------ errors
    def add_errors(self, errors: Iterable[FileError]) -> None:
        now = time.time()
        with self.transaction():
            for e in errors:
                self.conn.execute(
                    "INSERT INTO errors(source, stage, code, line, reason, at) VALUES (%s,%s,%s,%s,%s,%s)"
                    " ON CONFLICT (source, stage, code, line) DO UPDATE SET reason=excluded.reason, at=excluded.at",
                    (_t(e.source), _t(e.stage), _t(e.code), -1 if e.line is None else e.line, _t(e.reason), now),
                )

    def clear_errors(self, sources: Iterable[str]) -> None:
        """Forget old errors of files that are read again (they may have been fixed)."""
        rows = [(_t(s),) for s in sources]
        with self.transaction():
            if rows:
                with self.conn.cursor() as cur:
                    cur.executemany("DELETE FROM errors WHERE source=%s AND stage='read'", rows)

    def errors(self) -> list[FileError]:
        return [
            FileError(source=src, stage=stage, reason=reason, line=None if line < 0 else line, code=code)
            for src, stage, code, line, reason in self.conn.execute(
                'SELECT source, stage, code, line, reason FROM errors'
                ' ORDER BY source COLLATE "C", line, code COLLATE "C"'
            )
        ]

    # ------------------------------------------------------------------ analyses
    def add_analyses(self, analyses: Iterable[ArticleAnalysis], model: str) -> None:
        with self.transaction():
            for a in analyses:
                self.conn.execute(
                    "INSERT INTO analyses(article_id, model, data) VALUES (%s,%s,%s)"
                    " ON CONFLICT (article_id) DO UPDATE SET model=excluded.model, data=excluded.data",
                    (a.article_id, _t(model), json.dumps(to_dict(a))),
                )

    # ------------------------------------------------------------------ corpus results and state
    def put_corpus(self, data: dict[str, Any]) -> None:
        """Store the cross-article results (entities, quotes, events, stories) and index them."""
        with self.transaction():
            self._bump_corpus_version()
            self.conn.execute(
                "INSERT INTO corpus(key, data) VALUES ('latest', %s) ON CONFLICT (key) DO UPDATE SET data=excluded.data",
                (json.dumps(data),),
            )
            self.conn.execute("DELETE FROM search WHERE kind IN ('quote', 'entity', 'story')")
            rows = [(k, _t(r), _t(t), _t(b)) for k, r, t, b in corpus_search_rows(data)]
            if rows:
                with self.conn.cursor() as cur:
                    cur.executemany("INSERT INTO search(kind, ref, title, body) VALUES (%s,%s,%s,%s)", rows)

    def set_state(self, key: str, value: bytes) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO state(key, value) VALUES (%s,%s) ON CONFLICT (key) DO UPDATE SET value=excluded.value",
                (_t(key), bytes(value)),
            )

    # ------------------------------------------------------------------ search
    def search(self, query: str, kinds: Iterable[str] | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """Full-text search over articles, quotes, entities and stories (tsvector, cover-density ranking).

        Every word must match (as in the SQLite store); results carry kind, ref,
        title and a snippet with matches between ``\\x02`` and ``\\x03``.
        """
        terms = query_terms(query)
        if not terms:
            return []
        sql = (
            "SELECT s.kind, s.ref, s.title,"
            f" ts_headline('storyline'::regconfig, left(s.body, {INDEX_CHARS}), q, %s) AS snip"
            " FROM search s, plainto_tsquery('storyline'::regconfig, %s) q"
            " WHERE s.tsv @@ q"
        )
        args: list[Any] = [_SNIPPET_OPTS, _t(" ".join(terms))]
        if kinds:
            sql += " AND s.kind = ANY(%s)"
            args.append(list(kinds))
        sql += " ORDER BY ts_rank_cd(s.tsv, q) DESC, s.rid LIMIT %s"
        args.append(limit)
        return [dict(kind=r[0], ref=r[1], title=r[2], snippet=r[3]) for r in self.conn.execute(sql, args)]


def _WRITE_FAILURES() -> tuple[type, ...]:
    # What SQLite reports as OperationalError (disk full, read-only store, lock timeout, lost
    # connection) becomes the same clear E302; data and programming errors propagate as they are.
    import psycopg

    return (psycopg.OperationalError, psycopg.InternalError)


def _statements(sql: str) -> list[str]:
    return [s.strip() for s in sql.split(";") if s.strip()]


class _PgTx:
    """A transaction that nests: only the outermost one commits (as SQLiteStore's does).

    The outermost one also takes the store's write lock, the counterpart of SQLite's
    ``BEGIN IMMEDIATE``: writers queue, readers never wait.
    """

    def __init__(self, conn: Any):
        self.conn = conn

    def __enter__(self) -> Any:
        from psycopg import pq

        self.outer = self.conn.info.transaction_status == pq.TransactionStatus.IDLE
        if self.outer:
            import psycopg

            try:
                self.conn.execute("BEGIN")
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            except psycopg.Error as exc:
                self._rollback()
                raise StoreError("E302", detail=str(exc).strip()) from exc
        return self.conn

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if not self.outer:
            return
        import psycopg
        from psycopg import pq

        if exc_type is None:
            if self.conn.info.transaction_status == pq.TransactionStatus.INERROR:
                # A statement failed and someone caught it: PostgreSQL would turn COMMIT into
                # ROLLBACK silently; say so instead.
                self._rollback()
                raise StoreError("E302", detail="a statement in the transaction failed; nothing was written")
            try:
                self.conn.execute("COMMIT")
                return
            except psycopg.Error as e:
                self._rollback()
                if isinstance(e, _WRITE_FAILURES()):
                    raise StoreError("E302", detail=str(e).strip()) from e
                raise
        self._rollback()
        if isinstance(exc, _WRITE_FAILURES()):
            raise StoreError("E302", detail=str(exc).strip()) from exc

    def _rollback(self) -> None:
        from psycopg import pq

        try:
            if self.conn.info.transaction_status in (pq.TransactionStatus.INTRANS, pq.TransactionStatus.INERROR):
                self.conn.execute("ROLLBACK")
        except Exception:  # a broken connection has nothing left to roll back
            log.debug("rollback failed", exc_info=True)
