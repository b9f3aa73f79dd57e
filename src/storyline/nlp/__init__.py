"""Language core: sentences, mentions, in-article entities and dates.

``annotate(doc, article)`` turns one parsed article into an ``ArticleAnalysis`` with
``sentences`` (never spanning a paragraph break), ``mentions``, ``entities`` (article-local,
keys "e1", "e2"...) and ``times`` resolved against ``article.published``.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from typing import Any

from ..model import Article, ArticleAnalysis, Sentence

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

__all__ = ["annotate", "sentences"]


def _paragraph_starts(text: str) -> list[int]:
    starts = [0]
    i = text.find("\n\n")
    while i != -1:
        j = i + 2
        while j < len(text) and text[j] == "\n":
            j += 1
        starts.append(j)
        i = text.find("\n\n", j)
    return starts


def sentences(doc: Any, text: str) -> list[Sentence]:
    """Sentences with their paragraph index; a spaCy sentence crossing a blank line is split."""
    pstarts = _paragraph_starts(text)
    out: list[Sentence] = []
    for s in doc.sents:
        a, b = s.start_char, s.end_char
        p = bisect_right(pstarts, a) - 1
        # split at every paragraph start inside (a, b)
        cuts = [a]
        q = p + 1
        while q < len(pstarts) and pstarts[q] < b:
            cuts.append(pstarts[q])
            q += 1
        cuts.append(b)
        for x, y in zip(cuts, cuts[1:], strict=False):
            seg = text[x:y]
            lead = len(seg) - len(seg.lstrip())
            seg = seg.strip()
            if not seg:
                continue
            start = x + lead
            out.append(Sentence(start=start, end=start + len(seg), text=seg,
                                paragraph=bisect_right(pstarts, start) - 1))
    return out


def annotate(doc: Any, article: Article) -> ArticleAnalysis:
    """Sentences, mentions, local entities and resolved dates of one parsed article."""
    from .dates import find_times
    from .entities import extract_entities

    text = article.text
    analysis = ArticleAnalysis(article_id=article.id)
    analysis.sentences = sentences(doc, text)
    try:
        analysis.mentions, analysis.entities = extract_entities(doc, text)
    except Exception as exc:  # recorded, never fatal: later stages fall back to doc.ents
        log.warning("entities failed on %s: %r", article.id, exc)
        analysis.errors.append(f"nlp.entities: {type(exc).__name__}: {exc}")
    try:
        analysis.times = find_times(doc, text, article.published)
    except Exception as exc:
        log.warning("dates failed on %s: %r", article.id, exc)
        analysis.errors.append(f"nlp.dates: {type(exc).__name__}: {exc}")
    return analysis
