"""Small lookups over an ``ArticleAnalysis`` that several stages share."""

from __future__ import annotations

from ..model import ArticleAnalysis, LocalEntity, Mention


def mention_at(analysis: ArticleAnalysis, start: int, end: int) -> Mention | None:
    """The mention that best overlaps [start, end), preferring the longest overlap."""
    best, best_overlap = None, 0
    for m in analysis.mentions:
        overlap = min(end, m.end) - max(start, m.start)
        if overlap > best_overlap:
            best, best_overlap = m, overlap
    return best


def entity_key_at(analysis: ArticleAnalysis, start: int, end: int) -> str | None:
    """The article-local entity key of the mention overlapping [start, end), if any."""
    m = mention_at(analysis, start, end)
    return m.entity if m else None


def local_entity(analysis: ArticleAnalysis, key: str | None) -> LocalEntity | None:
    if key is None:
        return None
    for e in analysis.entities:
        if e.key == key:
            return e
    return None


def sentence_index_at(analysis: ArticleAnalysis, offset: int) -> int | None:
    """Index of the sentence containing character ``offset``."""
    lo, hi = 0, len(analysis.sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = analysis.sentences[mid]
        if offset < s.start:
            hi = mid - 1
        elif offset >= s.end:
            lo = mid + 1
        else:
            return mid
    return None
