"""Headlines for a cluster of articles.

The headline is the most central of the articles' own titles: the one whose
content words most sources share. When no article has a usable title, the most
informative summary sentence is cut down to its main clause.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from functools import lru_cache

from ..model import Article, ArticleAnalysis, SummarySentence
from .units import compress, content_stems, is_stopword, word_count

log = logging.getLogger(__name__)

__all__ = ["headline"]

MAX_WORDS = 14
_CLAUSE_CUT = re.compile(r"(?:,\s+(?:which|who|where|while|after|as|amid|but|and)\b|;|\s+—\s+|\s+-\s+)")
_DATE_PREFIX = re.compile(r"^\s*\d{4}[/-]\d{1,2}[/-]\d{1,2}\s+")


def _document_frequency(articles: list[Article]) -> dict[str, int]:
    df: dict[str, int] = defaultdict(int)
    for a in articles:
        for s in _article_stems(a.title or "", a.text):
            df[s] += 1
    return df


@lru_cache(maxsize=4096)
def _article_stems(title: str, text: str) -> frozenset[str]:
    # A story and each of its chapters count the same articles' words.
    return frozenset(content_stems(title + " " + text))


def _clean_title(title: str) -> str:
    t = _DATE_PREFIX.sub("", title.strip())
    return re.sub(r"\s+", " ", t).strip(" .:;,-|")


def _shorten(text: str, max_words: int) -> str:
    text = compress(text)
    m = _CLAUSE_CUT.search(text)
    if m and word_count(text[: m.start()]) >= 4:
        text = text[: m.start()]
    words = text.split()
    if len(words) > max_words:
        words = words[:max_words]
        # End on a content word, not "of the".
        while len(words) > 3 and is_stopword(words[-1].strip(",;:")):
            words.pop()
        text = " ".join(words)
    return text.strip().rstrip(".,;:")


def headline(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis] | None = None,
    summary: list[SummarySentence] | None = None,
    max_words: int = MAX_WORDS,
) -> str:
    """A short headline for the cluster ``articles``.

    ``summary`` (from ``summarize_articles``) is used when no article has a
    usable title; without either, the first sentence of the first article is cut
    down. Returns "" for an empty cluster.
    """
    if not articles:
        return ""
    n = len(articles)
    candidates = []
    for a in articles:
        if not a.title:
            continue
        title = _clean_title(a.title)
        stems = set(content_stems(title))
        if len(stems) < 3 or word_count(title) > 2 * max_words:
            continue
        candidates.append((title, stems))
    # Word counts over the cluster's text are needed only to choose between candidates.
    df = _document_frequency(articles) if len(candidates) > 1 else {}
    best, best_score = None, -1.0
    for title, stems in candidates:
        # Mean share of sources that use each title word, damped for very short titles.
        score = sum(df.get(s, 0) / n for s in stems) / (len(stems) + 1)
        if score > best_score:
            best, best_score = title, score
    if best is not None:
        return best if word_count(best) <= max_words else _shorten(best, max_words)
    texts = [s.text for s in summary or []]
    if not texts:
        for a in articles:
            sents = (analyses or {}).get(a.id)
            first = sents.sentences[0].text if sents and sents.sentences else a.text.split("\n\n")[0]
            if first.strip():
                texts.append(first)
                break
    if not texts:
        return ""
    if len(texts) == 1:
        return _shorten(texts[0], max_words)
    df = _document_frequency(articles)
    # The summary sentence sharing most words with the cluster at large.
    scored = [(sum(df.get(s, 0) for s in set(content_stems(t))) / (word_count(t) + 5), -i, t)
              for i, t in enumerate(texts)]
    return _shorten(max(scored)[2], max_words)
