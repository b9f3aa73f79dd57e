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
from typing import Any, Protocol

from ..model import Article, to_dict

# The public API of a store, shared by every backend.
STORE_API: tuple[str, ...] = (
    "add_analyses", "add_articles", "add_errors", "add_line_counts", "add_sources", "analysed_ids",
    "analyses", "article", "articles", "clear_errors", "close", "count_articles", "errors",
    "get_corpus", "get_state", "has_source", "iter_articles", "line_counts", "migrate",
    "put_corpus", "schema_version", "search", "set_state", "signatures", "transaction",
    "update_article",
)

MAX_QUERY_TERMS = 16


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
