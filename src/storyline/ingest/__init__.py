"""Reading, cleaning, dating and de-duplicating articles."""

from __future__ import annotations

import datetime as dt

from ..model import Article, RawDocument
from .clean import LineStats, clean_lines, split_lines
from .dedup import article_id
from .metadata import infer, infer_outlet

__all__ = ["prepare_article", "outlet_group"]


def outlet_group(raw: RawDocument, lines: list[str]) -> str:
    """The group within which repeated lines count as boilerplate."""
    return (infer_outlet(lines, meta_outlet=raw.outlet, url=raw.url) or "").lower()


def prepare_article(
    raw: RawDocument,
    stats: LineStats | None = None,
    today: dt.date | None = None,
    lines: list[str] | None = None,
) -> Article | None:
    """Clean one raw document and infer its metadata. None when no body is left.

    ``lines``: ``split_lines(raw.text)`` when the caller already has it (it is not changed).
    """
    lines = split_lines(raw.text) if lines is None else list(lines)
    meta = infer(
        lines,
        meta_date=raw.published,
        meta_date_from=raw.published_from or (f"metadata:{raw.fmt}" if raw.published else None),
        meta_outlet=raw.outlet,
        url=raw.url,
        today=today,
        source=raw.source,
    )
    if meta.first_line_prefix and lines:
        lines[0] = lines[0][meta.first_line_prefix:].strip()
        if not lines[0]:
            lines.pop(0)
    group = (meta.outlet or "").lower()
    cleaned = clean_lines(lines, group=group, stats=stats, drop=meta.consumed)
    text = "\n\n".join(p for p in cleaned.paragraphs if p.strip())
    if not text.strip():
        return None
    return Article(
        id=article_id(text),
        source=raw.source if not raw.url or raw.source == raw.url else raw.source,
        text=text,
        title=raw.title or cleaned.title,
        outlet=meta.outlet,
        outlet_from=meta.outlet_from,
        byline=raw.byline or (cleaned.byline if cleaned.byline != meta.outlet else None),
        dateline=cleaned.dateline,
        published=meta.published,
        published_from=meta.published_from,
        published_confidence=meta.published_confidence,
        date_conflicts=meta.date_conflicts,
        language=raw.language or "en",
        removed_lines=cleaned.removed,
    )
