"""Story vectors are computed once, in the per-article stage, and reused by every build."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.analyze import analyze_articles
from storyline.model import Article, ArticleAnalysis, analysis_from_dict, to_dict
from storyline.stories import build_stories
from storyline.stories.embed import get_embedder, pack, register_embedder, unpack


class CountingEmbedder:
    """A stand-in model: a vector from the text's letters, and a log of every call."""

    name = "counting"
    dim = 8
    calls: list[list[str]] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        CountingEmbedder.calls.append(list(texts))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for r, t in enumerate(texts):
            for ch in t.lower():
                if ch.isalpha():
                    out[r, ord(ch) % self.dim] += 1.0
            out[r] /= max(np.linalg.norm(out[r]), 1e-9)
        return out


@pytest.fixture
def counting():
    register_embedder("counting", CountingEmbedder)
    CountingEmbedder.calls = []
    yield CountingEmbedder
    CountingEmbedder.calls = []
    get_embedder.cache_clear()


TEXTS = [
    "Floods hit the river town of Brask on Monday after the Kellerman dam breached.",
    "The Kellerman dam breached on Monday and floodwater swamped Brask.",
    "Ilya Sorokin won the Varna chess open on Sunday after a long endgame.",
]


def _articles() -> list[Article]:
    return [Article(id=f"a{i}", source="t", text=t, published="2023-03-06") for i, t in enumerate(TEXTS)]


def test_stories_stored_vectors_pack_roundtrip_and_name_check():
    v = np.array([3.0, 4.0, 0.0], dtype=np.float32) / 5.0
    packed = pack("minilm", v)
    back = unpack(packed, "minilm")
    assert back is not None and np.allclose(back, v, atol=1e-3)
    assert unpack(packed, "other") is None  # a vector from another model is never mixed in
    assert unpack(None, "minilm") is None
    assert unpack("minilm:%%%not-base64", "minilm") is None


def test_stories_stored_vectors_set_once_per_batch(counting):
    analyses = list(analyze_articles(_articles(), batch_size=2, embedder="counting"))
    assert [len(c) for c in counting.calls] == [2, 1]  # one model call per batch
    assert all(an.embedding and an.embedding.startswith("counting:") for an in analyses)
    # The vector survives the store's JSON round trip.
    again = analysis_from_dict(to_dict(analyses[0]))
    assert again.embedding == analyses[0].embedding


def test_stories_stored_vectors_reused_by_build(counting):
    arts = _articles()
    analyses = {an.article_id: an for an in analyze_articles(arts, embedder="counting")}
    counting.calls = []
    stored = build_stories(arts, analyses, {}, embedder="counting")
    assert counting.calls == []  # nothing re-embedded
    # Without a stored vector the build embeds exactly the missing article, and the grouping
    # is the same (a computed vector is rounded like a stored one).
    analyses["a1"] = ArticleAnalysis(**{**{f: getattr(analyses["a1"], f) for f in analyses["a1"].__slots__},
                                        "embedding": None})
    computed = build_stories(arts, analyses, {}, embedder="counting")
    assert [len(c) for c in counting.calls] == [1]
    assert [s.articles for s in computed] == [s.articles for s in stored]
