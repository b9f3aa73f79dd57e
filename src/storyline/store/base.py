"""What every store offers, and the pieces of it that do not depend on the database.

``SQLiteStore`` and ``PostgresStore`` expose exactly the methods named in
:data:`STORE_API`; the shared store tests (``tests/test_store_*.py``) run the same
assertions on both, and one of them checks that neither grows a public method the
other lacks. The SQL itself lives with each backend: the two dialects differ in
the places that matter (upserts, full-text search, locking), and keeping each
backend's statements together makes them easier to read than one templated set.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from ..model import Article, ArticleAnalysis, analysis_from_dict, article_from_dict, to_dict

# The public API of a store, shared by every backend.
STORE_API: tuple[str, ...] = (
    "add_analyses", "add_articles", "add_errors", "add_line_counts", "add_sources", "analysed_ids",
    "analyses", "article", "articles", "clear_errors", "close", "count_articles", "errors",
    "corpus_version", "get_corpus", "get_state", "has_source", "iter_articles", "line_counts", "migrate",
    "put_corpus", "schema_version", "search", "set_state", "signatures", "transaction",
    "update_article",
)

MAX_QUERY_TERMS = 16
CORPUS_VERSION_KEY = "corpus_version"


class Store(Protocol):
    """The store interface the pipeline, the web app and the report code rely on."""

    dialect: str

    def transaction(self) -> Any: ...
    def close(self) -> None: ...


def query_terms(query: str) -> list[str]:
    """User input as plain words: anything not alphanumeric separates terms.

    Search syntax typed by a user (quotes, operators, parentheses) is never passed
    to the database's query language, so it cannot break or widen a query.
    """
    words = "".join(c if c.isalnum() else " " for c in query).split()
    return words[:MAX_QUERY_TERMS]


def article_json(article: Article) -> str:
    return json.dumps(to_dict(article))


def corpus_search_rows(data: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(kind, ref, title, body) rows indexed for search from a corpus result."""
    rows = []
    for q in data.get("quotes", []):
        rows.append(("quote", q["id"], q.get("speaker_text") or "", q["text"]))
    for e in data.get("entities", []):
        rows.append(("entity", e["id"], e["name"], " ".join(e.get("aliases", []))))
    for s in data.get("stories", []):
        summary = " ".join(x["text"] for x in s.get("summary", []))
        rows.append(("story", s["id"], s.get("headline") or s.get("title") or "", summary))
    return rows


class SQLStoreBase:
    """The queries that are the same on every SQL backend, written once.

    Statements use ``?`` placeholders; ``_q`` turns them into the backend's style and
    ``_t`` makes a text value storable (PostgreSQL refuses NUL characters in text).
    """

    conn: Any

    @staticmethod
    def _q(sql: str) -> str:
        return sql

    @staticmethod
    def _t(value: Any) -> Any:
        return value

    def transaction(self) -> Any:  # each backend supplies its own
        raise NotImplementedError

    def close(self) -> None:
        self.conn.close()

    def has_source(self, source: str, raw_hash: str) -> bool:
        """Whether this exact content from this source was ingested before."""
        q = self._q("SELECT 1 FROM sources WHERE source=? AND raw_hash=?")
        return self.conn.execute(q, (self._t(source), raw_hash)).fetchone() is not None

    def update_article(self, article: Article) -> None:
        """Rewrite an article's record (e.g. an estimated publication date)."""
        t = self._t
        with self.transaction():
            self.conn.execute(
                self._q("UPDATE articles SET outlet=?, title=?, published=?, duplicate_of=?, data=? WHERE id=?"),
                (t(article.outlet), t(article.title), t(article.published), t(article.duplicate_of),
                 json.dumps(to_dict(article)), article.id),
            )

    def articles(self, limit: int | None = None, offset: int = 0) -> list[Article]:
        sql = "SELECT data FROM articles ORDER BY seq"
        args: tuple = ()
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args = (limit, offset)
        return [article_from_dict(json.loads(r[0])) for r in self.conn.execute(self._q(sql), args)]

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        last = 0
        q = self._q("SELECT seq, data FROM articles WHERE seq > ? ORDER BY seq LIMIT ?")
        while True:
            rows = self.conn.execute(q, (last, batch)).fetchall()
            if not rows:
                return
            for r in rows:
                yield article_from_dict(json.loads(r[1]))
            last = rows[-1][0]

    def analysed_ids(self, model: str) -> set[str]:
        q = self._q("SELECT article_id FROM analyses WHERE model=?")
        return {r[0] for r in self.conn.execute(q, (self._t(model),))}

    def analyses(self, ids: Iterable[str] | None = None) -> dict[str, ArticleAnalysis]:
        if ids is None:
            rows = self.conn.execute("SELECT data FROM analyses")
            return {a.article_id: a for a in (analysis_from_dict(json.loads(r[0])) for r in rows)}
        out = {}
        q = self._q("SELECT data FROM analyses WHERE article_id=?")
        for i in ids:
            row = self.conn.execute(q, (self._t(i),)).fetchone()
            if row:
                out[i] = analysis_from_dict(json.loads(row[0]))
        return out

    def get_corpus(self) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT data FROM corpus WHERE key='latest'").fetchone()
        return json.loads(row[0]) if row else None

    def corpus_version(self) -> int:
        """A counter that every ``put_corpus`` raises: readers compare it to know the results changed."""
        raw = self.get_state(CORPUS_VERSION_KEY)
        return int(raw) if raw else 0

    def _bump_corpus_version(self) -> None:
        # Called inside put_corpus's transaction, so the counter and the results change together.
        self.set_state(CORPUS_VERSION_KEY, str(self.corpus_version() + 1).encode())

    def get_state(self, key: str) -> bytes | None:
        row = self.conn.execute(self._q("SELECT value FROM state WHERE key=?"), (self._t(key),)).fetchone()
        return bytes(row[0]) if row else None
