"""Where articles, analyses and results live: SQLite by default, PostgreSQL for a team."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .sqlite import SQLiteStore

__all__ = ["SQLiteStore", "open_store"]


def open_store(db: str | Path = "storyline.db", *, readonly: bool = False) -> Any:
    """Open the store named by ``db``: a file path (SQLite) or a ``postgresql://`` URL."""
    if str(db).startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(str(db), readonly=readonly)
    return SQLiteStore(db, readonly=readonly)
