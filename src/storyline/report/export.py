"""Exports of the store's articles in several formats."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .contract import article_json

FORMATS = ("json", "jsonl", "csv", "md")


def export(store: Any, fmt: str) -> str:
    """The store as text: ``json`` is the full storyline.json; the others list articles."""
    if fmt not in FORMATS:
        raise ValueError(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    if fmt == "json":
        data = store.get_corpus()
        if data is None:
            raise ValueError("the store has no results yet: run `storyline run` first")
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    rows = [article_json(a) for a in store.iter_articles()]
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "csv":
        buf = io.StringIO()
        cols = [c for c in rows[0].keys()] if rows else ["id"]
        w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: (json.dumps(v) if isinstance(v, list) else v) for k, v in r.items()})
        return buf.getvalue()
    parts = []
    for r in rows:
        parts.append(f"# {r['title'] or r['id']}\n\n"
                     f"*{r['outlet'] or 'outlet unknown'} · {r['published'] or 'undated'} · `{r['id']}`*\n\n"
                     f"{r['text']}\n")
    return "\n".join(parts)
