"""Per-article signals for story clustering: words, entities, dates and the text to embed.

Everything here is a pure function of one article (plus the corpus entity map),
so features can be computed once per article and kept by an index.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ..model import Article, ArticleAnalysis
from .dates import reported_dates

__all__ = ["ArticleFeatures", "article_features", "embed_text", "name_words", "tokens"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*[A-Za-z]")
_CAPS = re.compile(r"(?<![\w'\u2019])[A-Z][\w'\u2019.-]*[A-Za-z]")
_SENT_END = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"])|\n+")
# Words that open sentences or name roles/days: capitalised but not names.
_NOT_NAMES = ENGLISH_STOP_WORDS | {
    "mr", "mrs", "ms", "dr", "gen", "general", "president", "minister", "secretary", "chief",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "said", "says", "according", "but", "and", "the",
}
_NAME_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "HANDLE"}
# Title and lede, about 64 word pieces. The model cost grows with the length and the vector is
# there to say what the article is about, which the headline and first sentence already say:
# on benchmarks/stories.py, 300 characters gave B3 F1 0.978 (full rebuild) against 0.966 with
# 600, at a third of the embedding time (19 vs 41-59 ms per article on one loaded core).
EMBED_CHARS = 300


@dataclass(slots=True)
class ArticleFeatures:
    """The signals of one article; ``terms``/``entities`` are raw counts."""

    article_id: str
    terms: dict[str, float] = field(default_factory=dict)
    entities: dict[str, float] = field(default_factory=dict)
    date: str | None = None  # the article's own publication date, if it states one
    reported: list[str] = field(default_factory=list)  # day-precision dates it reports
    text: str = ""  # what gets embedded


def _norm_token(tok: str) -> str:
    tok = tok.lower().replace("\u2019", "'")
    if tok.endswith("'s"):
        tok = tok[:-2]
    return tok


def tokens(text: str) -> list[str]:
    """Lower-cased content words of ``text`` (stop words and very short words dropped)."""
    out = []
    for m in _WORD.finditer(text):
        t = _norm_token(m.group())
        if len(t) >= 3 and t not in ENGLISH_STOP_WORDS:
            out.append(t)
    return out


def name_words(text: str) -> Counter:
    """Capitalised words not opening a sentence: a cheap name signal that needs no NLP."""
    names: Counter = Counter()
    for sent in _SENT_END.split(text):
        for m in _CAPS.finditer(sent):
            if not sent[: m.start()].strip(" \u201c\"'("):
                continue
            t = _norm_token(m.group().rstrip("."))
            if len(t) >= 2 and t not in _NOT_NAMES:
                names["n:" + t] += 1
    return names


def _mapped_entities(article: Article, analysis: ArticleAnalysis | None, entity_map: dict) -> Counter:
    ents: Counter = Counter()
    if analysis is None:
        return ents
    types = {e.key: e.type for e in analysis.entities}
    for m in analysis.mentions:
        if not m.entity or m.label == "PRON":
            continue
        if types and types.get(m.entity, m.label) not in _NAME_TYPES:
            continue
        cid = entity_map.get((article.id, m.entity))
        if cid:
            ents["e:" + cid] += 1
    return ents


def embed_text(article: Article, analysis: ArticleAnalysis | None = None, max_chars: int | None = None) -> str:
    """Title plus the opening sentences: the lede says what happened, and one short
    text per article keeps embedding cost at one model call per article."""
    parts = [article.title] if article.title else []
    if analysis is not None and analysis.sentences:
        body = " ".join(s.text.strip() for s in analysis.sentences[:6])
    else:
        body = " ".join(article.paragraphs[:3])
    parts.append(body)
    return " ".join(p for p in parts if p)[: max_chars or EMBED_CHARS]


def article_features(
    article: Article,
    analysis: ArticleAnalysis | None,
    entity_map: dict[tuple[str, str], str],
) -> ArticleFeatures:
    """Counts of words and canonical entities, own and reported dates of ``article``."""
    text = (article.title + "\n\n" if article.title else "") + article.text
    terms = Counter(tokens(text))
    if article.title:
        # A headline names the story: its words count once more (field weighting, as in BM25F).
        terms.update(tokens(article.title))
    # Canonical entities merge name variants ("Gen Bajwa" ~ "Qamar Javed Bajwa"); name words keep
    # the signal where resolution is conservative or has not run (no mentions yet).
    ents = _mapped_entities(article, analysis, entity_map) + name_words(text)
    own = article.published if article.published and not article.published_estimated else None
    return ArticleFeatures(
        article_id=article.id,
        terms={k: float(v) for k, v in terms.items()},
        entities={k: float(v) for k, v in ents.items()},
        date=own,
        reported=reported_dates(article, analysis),
        text=embed_text(article, analysis),
    )


def sublinear(counts: dict[str, float]) -> dict[str, float]:
    """1 + log(tf): a word said ten times is not ten times the evidence."""
    return {k: 1.0 + math.log(v) for k, v in counts.items() if v > 0}
