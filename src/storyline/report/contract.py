"""``storyline.json``: the public contract other tools read (see docs/schema.md).

Change its shape only with a ``SCHEMA_VERSION`` bump and a note in docs/schema.md.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from ..model import SCHEMA_VERSION, Article, to_dict

ARTICLE_FIELDS = (
    "id", "source", "outlet", "title", "published", "published_from", "published_estimated",
    "published_confidence", "date_conflicts", "dateline", "byline", "language", "duplicate_of",
    "duplicate_similarity", "text",
)


def article_json(a: Article) -> dict[str, Any]:
    return {k: getattr(a, k) for k in ARTICLE_FIELDS}


def corpus_to_json(corpus: Any, generated_at: str | None = None) -> dict[str, Any]:
    """The whole result as plain JSON-ready data, in a deterministic order."""
    return {
        "schema_version": SCHEMA_VERSION,
        "generated_at": generated_at or dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "articles": [article_json(a) for a in corpus.articles],
        "entities": to_dict(sorted(corpus.entities, key=lambda e: e.id)),
        "quotes": to_dict(corpus.quotes),
        "events": to_dict(corpus.events),
        "stories": to_dict(corpus.stories),
        "errors": to_dict(corpus.errors),
    }


def schema() -> dict[str, Any]:
    return json.loads((Path(__file__).parent / "schema.json").read_text())


def validate(data: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when ``data`` breaks the contract."""
    import jsonschema

    jsonschema.validate(data, schema())


def write_json_atomic(path: Path, data: Any) -> None:
    """Write then rename, so a reader never sees half a file (even after a kill)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            # No indent: json's C encoder only runs without one (5x faster on a big corpus).
            f.write(json.dumps(data, ensure_ascii=False))
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
