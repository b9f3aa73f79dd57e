"""Citations: which articles support a summary sentence.

An article supports a sentence when one of its sentences says the same thing:
the sentence itself, a near copy (most of the summary sentence's content words
and word pairs appear in it), or a paraphrase (fewer shared words but a high
sentence-embedding similarity). Embeddings are computed only for the sentence
pairs that lexical overlap leaves undecided, which keeps citing cheap.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Sequence

import numpy as np

from .select import unit_concepts
from .units import content_stems

log = logging.getLogger(__name__)

__all__ = ["Evidence", "find_supporters", "load_embedder"]

# IDF-weighted share of the summary sentence's content stems found in an article sentence.
LEXICAL_SUPPORT = 0.6
# Below this share no embedding can make it a paraphrase of the same fact.
LEXICAL_FLOOR = 0.3
# Cosine of all-MiniLM-L6-v2 above which two sentences overlapping that much state the same fact
# (read off TAC 2011 development pairs: at 0.72 a later aftershock still "supported" the quake).
EMBED_SUPPORT = 0.75
# Embedding is the slow part: per summary sentence only the lexically closest undecided articles.
MAX_EMBED_PER_SENTENCE = 5


def load_embedder():
    """The shared sentence embedder, or None when it is unavailable or switched off."""
    if os.environ.get("STORYLINE_EMBEDDER", "").lower() in {"none", "off", "0"}:
        return None
    try:
        from ..stories.embed import get_embedder

        return get_embedder("minilm")
    except Exception as exc:  # a missing model means citations fall back to lexical evidence
        log.info("no sentence embedder for citations (%s); lexical support only", exc)
        return None


class Evidence:
    """The sentences of a cluster's articles, prepared once for many lookups."""

    def __init__(self, article_sentences: dict[str, Sequence[str]], embedder=None,
                 cache: dict[str, np.ndarray] | None = None) -> None:
        self.articles = list(article_sentences)
        self.sentences: list[tuple[str, str]] = []
        for aid, sents in article_sentences.items():
            for s in sents:
                if s and s.strip():
                    self.sentences.append((aid, s))
        self.stems = [set(content_stems(s)) for _, s in self.sentences]
        self.bigrams = [unit_concepts(s) for _, s in self.sentences]
        # Words every source repeats (the story's main names) say little about which fact a
        # sentence states; the rarer ones ("Esper", "Wednesday") decide. Sentence-level IDF.
        df: dict[str, int] = {}
        for st in self.stems:
            for t in st:
                df[t] = df.get(t, 0) + 1
        n = len(self.stems)
        self._idf = {t: math.log((n + 1) / (k + 1)) + 1.0 for t, k in df.items()}
        self._idf_unseen = math.log(n + 1) + 1.0
        self.embedder = embedder
        # Sentence text -> vector; shared across a story and its chapters by ``attach_summaries``.
        self._cache: dict[str, np.ndarray] = {} if cache is None else cache

    def _encode(self, texts: list[str]) -> list[np.ndarray]:
        todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if todo:
            for t, v in zip(todo, self.embedder.encode(todo), strict=True):
                self._cache[t] = v
        return [self._cache[t] for t in texts]

    def supporters(self, text: str, origin: str | None = None) -> list[str]:
        """Article ids supporting ``text`` (``origin`` first), in cluster order."""
        return self.supporters_many([text], [origin])[0]

    def supporters_many(self, texts: list[str], origins: list[str | None]) -> list[list[str]]:
        """``supporters`` for several sentences, with one embedding batch for all."""
        found: list[set[str]] = []
        pending: list[dict[str, tuple[float, int]]] = []  # per text: article -> (share, sentence)
        for text, origin in zip(texts, origins, strict=True):
            s_stems = set(content_stems(text))
            s_bi = unit_concepts(text)
            weights = {t: self._idf.get(t, self._idf_unseen) for t in s_stems}
            total = sum(weights.values())
            got = {origin} if origin else set()
            best: dict[str, tuple[float, int]] = {}
            for i, (aid, _) in enumerate(self.sentences):
                if aid in got or not s_stems:
                    continue
                share = sum(weights[t] for t in s_stems & self.stems[i]) / total
                bi_share = len(s_bi & self.bigrams[i]) / len(s_bi) if s_bi else 0.0
                if share >= LEXICAL_SUPPORT and bi_share >= 0.25:
                    got.add(aid)
                elif share >= LEXICAL_FLOOR and share > best.get(aid, (0.0, -1))[0]:
                    # Only an article's closest sentence is worth embedding.
                    best[aid] = (share, i)
            found.append(got)
            closest = sorted(((v, a) for a, v in best.items() if a not in got), reverse=True)
            pending.append({a: v for v, a in closest[:MAX_EMBED_PER_SENTENCE]})
        if self.embedder is not None and any(pending):
            try:
                needed = [self.sentences[i][1] for p in pending for _, i in p.values()]
                needed += [t for t, p in zip(texts, pending, strict=True) if p]
                self._encode(needed)
                for text, got, p in zip(texts, found, pending, strict=True):
                    if not p:
                        continue
                    q = self._cache[text]
                    for aid, (_, i) in p.items():
                        if float(np.dot(q, self._cache[self.sentences[i][1]])) >= EMBED_SUPPORT:
                            got.add(aid)
            except Exception as exc:  # embedding trouble must not lose the lexical citations
                log.warning("embedding citations failed: %r", exc)
        out = []
        for got, origin in zip(found, origins, strict=True):
            ordered = [a for a in self.articles if a in got]
            if origin in got:
                ordered.remove(origin)
                ordered.insert(0, origin)
            out.append(ordered)
        return out


def find_supporters(text: str, article_sentences: dict[str, Sequence[str]], origin: str | None = None,
                    embedder=None) -> list[str]:
    """One-off form of ``Evidence.supporters``."""
    return Evidence(article_sentences, embedder).supporters(text, origin)
