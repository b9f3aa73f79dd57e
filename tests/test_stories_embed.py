"""The MiniLM embedder: offline load, hash check, unit vectors, caching."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from storyline.stories import embed


def test_stories_embed_unit_rows_and_similarity():
    emb = embed.get_embedder("minilm")
    vecs = emb.encode(["A man is eating food.", "A man is eating a piece of bread.", "The new movie is awesome"])
    assert vecs.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    sims = vecs @ vecs.T
    # Reference cosine of the torch model for this pair is 0.755.
    assert abs(sims[0, 1] - 0.755) < 0.02
    assert sims[0, 1] > sims[0, 2] + 0.5


def test_stories_embed_cached_and_none():
    assert embed.get_embedder("minilm") is embed.get_embedder("minilm")
    assert embed.get_embedder(None) is None
    assert embed.get_embedder("minilm").encode([]).shape == (0, 384)


def test_stories_embed_order_independent_batching():
    emb = embed.get_embedder("minilm")
    texts = ["short", "a much longer sentence about the army chief and a telephone call", "mid length text"]
    one = np.vstack([emb.encode([t]) for t in texts])
    assert np.allclose(one, emb.encode(texts), atol=1e-4)


def test_stories_embed_hash_mismatch_is_clear(tmp_path: Path):
    bad = tmp_path / "model.onnx"
    bad.write_bytes(b"not a model")
    with pytest.raises(embed.EmbedderError, match="SHA-256 mismatch"):
        embed.MiniLMEmbedder(model_path=bad)


def test_stories_embed_unknown_name():
    with pytest.raises(embed.EmbedderError, match="unknown embedder"):
        embed.get_embedder("nope")
